package com.policyconsole.domain.model.lifecycle;

import java.time.Instant;
import java.util.List;

/**
 * A policy the history created in a workspace and did not remove, as the active-blocks page shows it beside what
 * SecMaster lists.
 *
 * @param entryId the create entry
 * @param policyId SecMaster's ID, null while not known
 * @param actor who created it
 * @param requestedAt when
 * @param ticket the policy's description (e.g. the incident ticket), null when none
 * @param category BLOCK or WHITE
 * @param objects its objects
 * @param agesOutAt when it ages out now (a changed ageing included), null for never
 * @param delivery where its delivery stands
 */
public record HistoryPolicy(long entryId, String policyId, String actor, Instant requestedAt, String ticket,
                            String category, List<String> objects, Instant agesOutAt, DeliveryCheck delivery) {

    public HistoryPolicy {
        objects = List.copyOf(objects);
    }
}
