package com.policyconsole.adapter.out.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A rule as Config returns it (Table 8): the 200 answer of "Adding a Rule" and each item of the rule list. */
record PolicyAssignmentDto(
        @JsonProperty("policy_assignment_type") String policyAssignmentType,
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("policy_filter") PolicyFilterDto policyFilter,
        @JsonProperty("period") String period,
        @JsonProperty("state") String state,
        @JsonProperty("created") String created,
        @JsonProperty("updated") String updated,
        @JsonProperty("policy_definition_id") String policyDefinitionId,
        @JsonProperty("custom_policy") CustomPolicyDto customPolicy,
        @JsonProperty("parameters") Map<String, ParameterValueDto> parameters,
        @JsonProperty("tags") List<ResourceTagDto> tags,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("target_type") String targetType,
        @JsonProperty("target_id") String targetId) {
}
