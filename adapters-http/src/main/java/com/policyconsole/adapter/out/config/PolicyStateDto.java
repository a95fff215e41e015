package com.policyconsole.adapter.out.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One resource's evaluation by a rule, an item of {@code GET …/{id}/policy-states}. */
record PolicyStateDto(
        @JsonProperty("domain_id") String domainId,
        @JsonProperty("region_id") String regionId,
        @JsonProperty("resource_id") String resourceId,
        @JsonProperty("resource_name") String resourceName,
        @JsonProperty("resource_provider") String resourceProvider,
        @JsonProperty("resource_type") String resourceType,
        @JsonProperty("trigger_type") String triggerType,
        @JsonProperty("compliance_state") String complianceState,
        @JsonProperty("policy_assignment_id") String policyAssignmentId,
        @JsonProperty("policy_assignment_name") String policyAssignmentName,
        @JsonProperty("policy_definition_id") String policyDefinitionId,
        @JsonProperty("evaluation_time") String evaluationTime) {
}
