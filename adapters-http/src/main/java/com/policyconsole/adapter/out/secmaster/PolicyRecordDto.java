package com.policyconsole.adapter.out.secmaster;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The {@code data_object} of one delivery record of a policy (one delivery task): when, in which direction, and per
 * operation connection the block status, action and failure. Records spell the categories BLOCK/ALLOW.
 */
record PolicyRecordDto(
        @JsonProperty("id") String id,
        @JsonProperty("policy_id") String policyId,
        @JsonProperty("policy_category") String policyCategory,
        @JsonProperty("policy_direction") String policyDirection,
        @JsonProperty("policy_automation") String policyAutomation,
        @JsonProperty("block_target") String blockTarget,
        @JsonProperty("create_time") JsonNode createTime,
        @JsonProperty("update_time") JsonNode updateTime,
        @JsonProperty("workflow_instance") WorkflowInstance workflowInstance,
        @JsonProperty("defense_policy_list") List<Layer> defensePolicyList) {

    /** The workflow that ran the delivery, if any. */
    record WorkflowInstance(@JsonProperty("workflow_instance_id") String id,
                            @JsonProperty("workflow_instance_name") String name,
                            @JsonProperty("workflow_instance_status") String status) {
    }

    /** One operation connection's part of the delivery. */
    record Layer(@JsonProperty("defense_connection_id") String defenseConnectionId,
                 @JsonProperty("defense_connection_name") String defenseConnectionName,
                 @JsonProperty("defense_type") String defenseType,
                 @JsonProperty("defense_block_status") String defenseBlockStatus,
                 @JsonProperty("defense_block_action") String defenseBlockAction,
                 @JsonProperty("defense_failure_description") String defenseFailureDescription,
                 @JsonProperty("defense_creator_name") String defenseCreatorName) {
    }
}
