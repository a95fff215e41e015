package com.policyconsole.domain.model.lifecycle;

import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import java.time.Instant;
import java.util.Objects;

/**
 * A policy as SecMaster lists it ({@code POST …/soc/policys/search}, {@code GET …/soc/policys/{policy_id}}).
 *
 * @param policyId its ID
 * @param policy category, type, objects, ageing and layers as reported (fields not reported are null)
 * @param status its status as reported, null when not said
 * @param createdAt when it was created, null when not said
 * @param creator who created it, null when not said
 */
public record SecMasterPolicy(String policyId, EmergencyPolicy policy, String status, Instant createdAt,
                              String creator) {

    public SecMasterPolicy {
        Objects.requireNonNull(policyId, "'policyId' must not be null");
        Objects.requireNonNull(policy, "'policy' must not be null");
    }
}
