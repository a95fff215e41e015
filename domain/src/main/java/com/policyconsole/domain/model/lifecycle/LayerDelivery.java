package com.policyconsole.domain.model.lifecycle;

import java.time.Instant;

/**
 * One defense layer's delivery of a policy, as SecMaster's delivery records report it
 * ({@code POST …/soc/policy-records/{policy_id}/search}).
 *
 * @param connectionId the operation connection ({@code defense_connection_id})
 * @param connectionName its name
 * @param defenseType the layer, e.g. CFW
 * @param blockStatus {@code defense_block_status} as reported
 * @param blockAction {@code defense_block_action} as reported, e.g. BLOCK or UNBLOCK
 * @param failure {@code defense_failure_description}, null when none
 * @param direction {@code policy_direction}
 * @param recordedAt when SecMaster recorded it, null when not said
 */
public record LayerDelivery(String connectionId, String connectionName, String defenseType, String blockStatus,
                            String blockAction, String failure, String direction, Instant recordedAt) {

    public LayerOutcome outcome() {
        return LayerOutcome.of(blockStatus, failure);
    }
}
