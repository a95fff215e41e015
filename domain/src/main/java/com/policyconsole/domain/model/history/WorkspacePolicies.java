package com.policyconsole.domain.model.history;

import java.util.List;

/**
 * What is known of a workspace's emergency policies: those that may overlap a new one and the counts
 * that the quotas apply to.
 *
 * @param policies known policies that may overlap the objects asked about (active or not)
 * @param total number of policies in the workspace
 * @param withAgeing number of policies with block ageing
 */
public record WorkspacePolicies(List<KnownPolicy> policies, int total, int withAgeing) {

    public WorkspacePolicies {
        policies = List.copyOf(policies);
        if (total < 0 || withAgeing < 0) {
            throw new IllegalArgumentException("'total' and 'withAgeing' must not be negative");
        }
    }

    public static WorkspacePolicies empty() {
        return new WorkspacePolicies(List.of(), 0, 0);
    }
}
