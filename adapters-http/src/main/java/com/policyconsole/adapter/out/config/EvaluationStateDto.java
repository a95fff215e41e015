package com.policyconsole.adapter.out.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer of {@code GET …/{id}/policy-states/evaluation-state}. */
record EvaluationStateDto(
        @JsonProperty("policy_assignment_id") String policyAssignmentId,
        @JsonProperty("state") String state,
        @JsonProperty("start_time") String startTime,
        @JsonProperty("end_time") String endTime,
        @JsonProperty("error_message") String errorMessage) {
}
