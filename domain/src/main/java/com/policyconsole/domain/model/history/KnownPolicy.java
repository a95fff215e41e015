package com.policyconsole.domain.model.history;

import com.policyconsole.domain.model.emergency.BlockTarget;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An emergency policy known to exist in a workspace, as the guardrails need it.
 *
 * @param policyId the cloud's policy ID, or a history reference when the ID is not known
 * @param category WHITE or BLOCK
 * @param targets its typed objects
 * @param agesOutAt when the block ages out, or null if never
 */
public record KnownPolicy(String policyId, PolicyCategory category, List<BlockTarget> targets, Instant agesOutAt) {

    public KnownPolicy {
        Objects.requireNonNull(policyId, "'policyId' must not be null");
        Objects.requireNonNull(category, "'category' must not be null");
        targets = List.copyOf(targets);
    }

    /** Whether the policy still applies at {@code now}. */
    public boolean isActiveAt(Instant now) {
        return agesOutAt == null || agesOutAt.isAfter(now);
    }
}
