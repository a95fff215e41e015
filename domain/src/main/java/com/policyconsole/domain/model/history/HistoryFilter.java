package com.policyconsole.domain.model.history;

import java.time.Instant;

/**
 * The audit filters; null fields do not filter. {@code target} matches an object exactly (case-insensitive)
 * or, when it is an IP address or CIDR block, every recorded IP object or block that contains it.
 *
 * @param actor who submitted
 * @param operation what was sent
 * @param status where it stands
 * @param target an object, or an IP/CIDR to look up by containment
 * @param projectId project
 * @param workspaceId SecMaster workspace
 * @param domainId Config account
 * @param from requested at or after
 * @param to requested before
 */
public record HistoryFilter(String actor, Operation operation, RequestStatus status, String target, String projectId,
                            String workspaceId, String domainId, Instant from, Instant to) {

    public static HistoryFilter none() {
        return new HistoryFilter(null, null, null, null, null, null, null, null, null);
    }
}
