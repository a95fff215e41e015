package com.policyconsole.adapter.out.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The body of "Adding a Rule" (Table 3); absent optional fields are left out of the JSON. */
record PolicyAssignmentRequestDto(
        @JsonProperty("policy_assignment_type") String policyAssignmentType,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("period") String period,
        @JsonProperty("policy_filter") PolicyFilterDto policyFilter,
        @JsonProperty("policy_definition_id") String policyDefinitionId,
        @JsonProperty("custom_policy") CustomPolicyDto customPolicy,
        @JsonProperty("parameters") Map<String, ParameterValueDto> parameters,
        @JsonProperty("tags") List<ResourceTagDto> tags) {
}
