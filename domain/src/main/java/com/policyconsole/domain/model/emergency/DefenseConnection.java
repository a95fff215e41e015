package com.policyconsole.domain.model.emergency;

import java.util.Optional;

/**
 * One entry of {@code defense_policy_list} (Table 7): the operation connection a policy is delivered
 * through and where the defense layer lives. All nine fields are mandatory on the wire.
 */
public record DefenseConnection(
        String defenseConnectionId,
        String defenseConnectionName,
        String defenseConnectionRegionId,
        String defenseConnectionRegionName,
        String defenseType,
        String targetEnterpriseId,
        String targetEnterpriseName,
        String targetProjectId,
        String targetProjectName) {

    /** The defense layer, when {@code defense_type} names a known one. */
    public Optional<DefenseLayer> layer() {
        return DefenseLayer.fromWire(defenseType);
    }
}
