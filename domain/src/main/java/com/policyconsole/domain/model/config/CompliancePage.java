package com.policyconsole.domain.model.config;

import java.util.List;

/**
 * One page of a rule's evaluated resources, and the marker of the next ({@code page_info.next_marker}), null on the last.
 *
 * @param resources the resources on this page
 * @param nextMarker where the next page starts, or null
 */
public record CompliancePage(List<ResourceCompliance> resources, String nextMarker) {

    public CompliancePage {
        resources = List.copyOf(resources);
    }
}
