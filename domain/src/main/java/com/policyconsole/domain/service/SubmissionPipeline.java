package com.policyconsole.domain.service;

import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.PendingRequest;
import com.policyconsole.domain.model.history.SubmittedRequest;
import com.policyconsole.domain.port.in.SubmissionResult;
import com.policyconsole.domain.port.out.PreparedCall;
import com.policyconsole.domain.port.out.RequestHistory;
import com.policyconsole.domain.validation.Violations;
import com.policyconsole.domain.model.approval.ApprovalHold;
import com.policyconsole.domain.model.approval.ApprovalRules;
import com.policyconsole.domain.port.out.ApprovalStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one path every submission takes: run the checks, refuse on errors or unacknowledged warnings, let the
 * gateway prepare the request once, record exactly that request as pending, and only then send it and record the
 * outcome. If the checks'
 * inventory or the pending record fails, the cloud is never called. What needs a second person's approval is recorded
 * as awaiting it and not sent.
 */
final class SubmissionPipeline {

    private final RequestHistory history;
    private final Clock clock;
    private final ApprovalRules approvals;
    private final ApprovalStore holds;

    SubmissionPipeline(RequestHistory history, Clock clock) {
        this(history, clock, null, null);
    }

    /** A pipeline that holds what {@code approvals} say needs a second person in {@code holds} instead of sending it. */
    SubmissionPipeline(RequestHistory history, Clock clock, ApprovalRules approvals, ApprovalStore holds) {
        this.history = Objects.requireNonNull(history, "'history' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.approvals = approvals;
        this.holds = holds;
    }

    SubmissionResult submit(String actor, SubmittedRequest request, Supplier<Violations> checks,
                            boolean warningsAcknowledged, Supplier<PreparedCall> prepare, Long retryOf) {
        return submit(actor, () -> request, checks, warningsAcknowledged, prepare, retryOf);
    }

    /** {@link #submit(String, SubmittedRequest, Supplier, boolean, Supplier, Long)} for a request the checks complete. */
    SubmissionResult submit(String actor, Supplier<SubmittedRequest> request, Supplier<Violations> checks,
                            boolean warningsAcknowledged, Supplier<PreparedCall> prepare, Long retryOf) {
        Violations violations;
        try {
            violations = checks.get();
        } catch (RuntimeException e) {
            return new SubmissionResult.NotRecorded("what already exists could not be read, so nothing was sent: "
                    + e.getMessage());
        }
        if (violations.hasErrors() || violations.hasWarnings() && !warningsAcknowledged) {
            return new SubmissionResult.Rejected(violations);
        }
        long entryId;
        PreparedCall call;
        try {
            call = prepare.get();
            SubmittedRequest submitted = request.get();
            PendingRequest pending = new PendingRequest(actor, clock.instant(), submitted, call.rendered(), retryOf);
            List<String> reasons = approvals == null || holds == null ? List.of() : approvals.reasons(submitted);
            if (!reasons.isEmpty()) {
                Instant expiresAt = pending.requestedAt().plus(approvals.validity());
                long held = holds.recordAwaiting(pending, ApprovalHold.of(reasons, actor, call.rendered(), expiresAt));
                return new SubmissionResult.AwaitingApproval(held, reasons, expiresAt);
            }
            entryId = history.recordPending(pending);
        } catch (RuntimeException e) {
            return new SubmissionResult.NotRecorded("the request history is unavailable, so nothing was sent: "
                    + e.getMessage());
        }
        Delivered delivered = sendAndRecord(call, entryId, history);
        return new SubmissionResult.Sent(entryId, delivered.outcome(), violations, delivered.recorded());
    }

    /** A recorded request's outcome, and whether the history took it. */
    record Delivered(CloudOutcome outcome, boolean recorded) {
    }

    /**
     * Sends a request already recorded as {@code entryId} and records its outcome; a call that throws is an
     * {@link CloudOutcome.Unknown} outcome, and an outcome the history cannot take now is left to it to write later.
     */
    static Delivered sendAndRecord(PreparedCall call, long entryId, RequestHistory history) {
        long started = System.nanoTime();
        CloudOutcome outcome;
        try {
            outcome = call.send();
        } catch (RuntimeException e) {
            outcome = new CloudOutcome.Unknown("the cloud call failed unexpectedly: " + e.getClass().getSimpleName(),
                    0, null, null);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        try {
            history.recordOutcome(entryId, outcome, elapsed);
            return new Delivered(outcome, true);
        } catch (RuntimeException e) {
            return new Delivered(outcome, false);
        }
    }
}
