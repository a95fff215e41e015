package com.policyconsole.adapter.out.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A built-in policy definition, as far as the console uses it (the rule text itself is not read). */
record PolicyDefinitionDto(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("policy_type") String policyType,
        @JsonProperty("description") String description,
        @JsonProperty("trigger_type") String triggerType,
        @JsonProperty("parameters") Map<String, ParameterDefinitionDto> parameters) {
}
