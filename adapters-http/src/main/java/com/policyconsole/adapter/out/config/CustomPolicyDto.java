package com.policyconsole.adapter.out.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** {@code custom_policy} (CustomPolicy, Tables 5 and 10); {@code auth_value} values are arbitrary JSON. */
record CustomPolicyDto(
        @JsonProperty("function_urn") String functionUrn,
        @JsonProperty("auth_type") String authType,
        @JsonProperty("auth_value") Map<String, JsonNode> authValue) {
}
