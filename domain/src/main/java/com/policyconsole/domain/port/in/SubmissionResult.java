package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.validation.Violations;

/** What became of a submission: refused before sending, not recorded (so not sent), or sent with an outcome. */
public sealed interface SubmissionResult
        permits SubmissionResult.Rejected, SubmissionResult.NotRecorded, SubmissionResult.Sent,
        SubmissionResult.AwaitingApproval {

    /**
     * Not sent: the request has errors, or warnings the operator has not acknowledged
     * ({@code violations.hasErrors()} tells which).
     */
    record Rejected(Violations violations) implements SubmissionResult {
    }

    /** Not sent, because the history could not record it first. */
    record NotRecorded(String reason) implements SubmissionResult {
    }

    /**
     * Sent and recorded as {@code entryId}; {@code outcomeRecorded} is false when the outcome could not be
     * written back (the entry stays pending until reconciled).
     */
    record Sent(long entryId, CloudOutcome outcome, Violations warnings, boolean outcomeRecorded)
            implements SubmissionResult {
    }

    /**
     * Recorded as {@code entryId} and not sent: a second person must approve it first, before {@code expiresAt}.
     *
     * @param entryId the history entry, AWAITING_APPROVAL
     * @param reasons why it needs approval
     * @param expiresAt when it expires unapproved
     */
    record AwaitingApproval(long entryId, java.util.List<String> reasons, java.time.Instant expiresAt)
            implements SubmissionResult {
        public AwaitingApproval {
            reasons = java.util.List.copyOf(reasons);
        }
    }
}
