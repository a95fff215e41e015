package com.policyconsole.adapter.out.secmaster;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One policy of a search answer, as far as the guardrails use it. {@code policy_type} is read as a tree
 * because it appears both as {@code {"policy_type": "Source Ip"}} (as in the request) and as a plain string.
 */
record PolicyViewDto(
        @JsonProperty("policy_id") String policyId,
        @JsonProperty("id") String id,
        @JsonProperty("block_target") String blockTarget,
        @JsonProperty("policy_category") String policyCategory,
        @JsonProperty("policy_type") JsonNode policyType,
        @JsonProperty("block_age") BlockAgeDto blockAge) {
}
