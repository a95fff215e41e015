package com.policyconsole.adapter.out.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of {@code GET …/{id}/policy-states/summary}: the rule's compliance state and the counts of its resources
 * ({@code results.resource_details}) and of the rule itself ({@code results.assignment_details}).
 */
record ComplianceSummaryDto(
        @JsonProperty("compliance_state") String complianceState,
        @JsonProperty("policy_assignment") PolicyAssignmentDto policyAssignment,
        @JsonProperty("results") Results results) {

    /** {@code results}. */
    record Results(@JsonProperty("resource_details") Counts resourceDetails,
                   @JsonProperty("assignment_details") Counts assignmentDetails) {
    }

    /** {@code compliant_count} and {@code non_compliant_count}. */
    record Counts(@JsonProperty("compliant_count") Integer compliantCount,
                  @JsonProperty("non_compliant_count") Integer nonCompliantCount) {
    }
}
