package com.policyconsole.console.adapter.out.persistence;

import java.time.Instant;

/**
 * The audit filters; null fields do not filter. {@code target} matches an object exactly (case-insensitive)
 * or, when it is an IP address or CIDR block, every recorded IP object or block that contains it.
 *
 * @param actor who submitted
 * @param operation an {@link com.policyconsole.domain.model.history.Operation} name
 * @param status a {@link com.policyconsole.domain.model.history.RequestStatus} name
 * @param target an object, or an IP/CIDR to look up by containment
 * @param projectId project
 * @param workspaceId SecMaster workspace
 * @param domainId Config account
 * @param from requested at or after
 * @param to requested before
 */
public record HistoryFilter(String actor, String operation, String status, String target, String projectId,
                            String workspaceId, String domainId, Instant from, Instant to) {

    public static HistoryFilter none() {
        return new HistoryFilter(null, null, null, null, null, null, null, null, null);
    }
}
