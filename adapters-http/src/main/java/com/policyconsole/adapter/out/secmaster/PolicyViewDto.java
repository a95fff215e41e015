package com.policyconsole.adapter.out.secmaster;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One policy of a search or show answer. {@code policy_type} is read as a tree because it appears both as
 * {@code {"policy_type": "Source Ip"}} (as in the request) and as a plain string; {@code create_time} as a tree
 * because it appears as epoch milliseconds and as text.
 */
record PolicyViewDto(
        @JsonProperty("policy_id") String policyId,
        @JsonProperty("id") String id,
        @JsonProperty("block_target") String blockTarget,
        @JsonProperty("policy_category") String policyCategory,
        @JsonProperty("policy_type") JsonNode policyType,
        @JsonProperty("block_age") BlockAgeDto blockAge,
        @JsonProperty("defense_policy_list") List<DefensePolicyDto> defensePolicyList,
        @JsonProperty("policy_direction") String policyDirection,
        @JsonProperty("description") String description,
        @JsonProperty("labels") String labels,
        @JsonProperty("region_id") String regionId,
        @JsonProperty("status") String status,
        @JsonProperty("create_time") JsonNode createTime,
        @JsonProperty("creator_name") String creatorName) {
}
