package com.policyconsole.domain.model.config;

import java.time.Instant;

/**
 * The last evaluation of a rule ({@code GET …/{id}/policy-states/evaluation-state}).
 *
 * @param state {@code state}: Evaluating while it runs, then Succeeded or Failed; null when the rule was never evaluated
 * @param startedAt {@code start_time}
 * @param endedAt {@code end_time}
 * @param errorMessage {@code error_message}, why it failed
 */
public record EvaluationState(String state, Instant startedAt, Instant endedAt, String errorMessage) {

    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";
    public static final String EVALUATING = "Evaluating";

    /** Whether the evaluation has ended, one way or the other (an unknown state is still running). */
    public boolean finished() {
        return SUCCEEDED.equals(state) || FAILED.equals(state);
    }

    /** Whether the rule was never evaluated. */
    public boolean never() {
        return state == null;
    }
}
