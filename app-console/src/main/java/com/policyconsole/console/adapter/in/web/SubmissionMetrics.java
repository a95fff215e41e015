package com.policyconsole.console.adapter.in.web;

import com.policyconsole.domain.port.in.SubmissionResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Counts submissions by operation and outcome and times them, for {@code /q/metrics}
 * ({@code policyconsole_submissions_total}, {@code policyconsole_submission_seconds}).
 */
@ApplicationScoped
public class SubmissionMetrics {

    private final MeterRegistry registry;

    public SubmissionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs a submission and records its outcome under {@code operation}. */
    public SubmissionResult record(String operation, Supplier<SubmissionResult> submission) {
        return record(operation, submission, Optional::of);
    }

    /**
     * Runs work that may end in a submission (a retry that first looks for the policy) and records the
     * submission's outcome under {@code operation} when it made one.
     */
    public <T> T record(String operation, Supplier<T> work, Function<T, Optional<SubmissionResult>> submission) {
        Timer.Sample sample = Timer.start(registry);
        T done = work.get();
        submission.apply(done).ifPresent(result -> {
            String outcome = outcome(result);
            sample.stop(registry.timer("policyconsole.submission", "operation", operation, "outcome", outcome));
            registry.counter("policyconsole.submissions", "operation", operation, "outcome", outcome).increment();
        });
        return done;
    }

    static String outcome(SubmissionResult result) {
        if (result instanceof SubmissionResult.Sent sent) {
            return sent.outcome().status().name().toLowerCase(java.util.Locale.ROOT);
        }
        if (result instanceof SubmissionResult.Rejected) {
            return "rejected";
        }
        return "not_recorded";
    }
}
