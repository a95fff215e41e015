package com.policyconsole.adapter.out.http;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Bounded retries with exponential backoff and "equal jitter": before attempt {@code n+1} the wait is drawn
 * uniformly from {@code [c/2, c]} with {@code c = min(backoffMax, backoffBase × 2^(n-1))}; a {@code Retry-After}
 * given by the server raises it (never above {@code backoffMax}). Which failures are retried is decided by
 * {@link CloudCallExecutor}; see {@code adapters-http/RETRIES.md}.
 *
 * @param maxAttempts attempts per call, the first included (at least 1)
 * @param backoffBase the ceiling of the first wait
 * @param backoffMax  the largest wait
 */
public record RetryPolicy(int maxAttempts, Duration backoffBase, Duration backoffMax) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("'maxAttempts' must be at least 1");
        }
        if (backoffBase.isNegative() || backoffMax.isNegative()) {
            throw new IllegalArgumentException("backoff durations must not be negative");
        }
    }

    /** The policy configured under {@code policyconsole.cloud.retry}. */
    public static RetryPolicy from(CloudSettings.Retry retry) {
        return new RetryPolicy(retry.maxAttempts(), retry.backoffBase(), retry.backoffMax());
    }

    /**
     * How long to wait after failed attempt {@code failedAttempt} (1-based) before the next.
     *
     * @param retryAfter the server's {@code Retry-After}, if any
     */
    public Duration delayAfter(int failedAttempt, Optional<Duration> retryAfter, RandomGenerator random) {
        long max = backoffMax.toMillis();
        long ceiling = backoffBase.toMillis();
        for (int i = 1; i < failedAttempt && ceiling < max; i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, max);
        long half = ceiling / 2;
        long delay = half + (ceiling > half ? random.nextLong(ceiling - half + 1) : 0);
        if (retryAfter.isPresent()) {
            delay = Math.max(delay, Math.min(retryAfter.get().toMillis(), max));
        }
        return Duration.ofMillis(delay);
    }
}
