package com.policyconsole.domain.service;

import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.PendingRequest;
import com.policyconsole.domain.model.history.SubmittedRequest;
import com.policyconsole.domain.port.in.SubmissionResult;
import com.policyconsole.domain.port.out.PreparedCall;
import com.policyconsole.domain.port.out.RequestHistory;
import com.policyconsole.domain.validation.Violations;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one path every submission takes: run the checks, refuse on errors or unacknowledged warnings, let the
 * gateway prepare the request once, record exactly that request as pending, and only then send it and record the
 * outcome. If the checks'
 * inventory or the pending record fails, the cloud is never called.
 */
final class SubmissionPipeline {

    private final RequestHistory history;
    private final Clock clock;

    SubmissionPipeline(RequestHistory history, Clock clock) {
        this.history = Objects.requireNonNull(history, "'history' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
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
            entryId = history.recordPending(new PendingRequest(actor, clock.instant(), request.get(), call.rendered(),
                    retryOf));
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
