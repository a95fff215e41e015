package com.policyconsole.domain.model.login;

import java.time.Duration;
import java.util.Objects;

/**
 * How logins resist guessing (OWASP ASVS 4.0 V2.2): after each failure in a row, for an account and for a client
 * address alike, the next attempt must wait {@code delayBase × 2^(n−1)} up to {@code delayMax}; after
 * {@code lockAfter} failures in a row it must wait {@code lockDuration} (the lock). Failures older than
 * {@code lockDuration} no longer count.
 *
 * @param lockAfter failures in a row that lock
 * @param lockDuration how long a lock lasts, and how long a failure counts
 * @param delayBase the wait after the first failure
 * @param delayMax the longest wait before the lock
 */
public record LoginPolicy(int lockAfter, Duration lockDuration, Duration delayBase, Duration delayMax) {

    /** The defaults: a lock of 15 minutes after 10 failures in a row, waits of 1 s, 2 s, 4 s … up to 30 s before. */
    public static final LoginPolicy DEFAULT = new LoginPolicy(10, Duration.ofMinutes(15), Duration.ofSeconds(1),
            Duration.ofSeconds(30));

    public LoginPolicy {
        Objects.requireNonNull(lockDuration, "'lockDuration' must not be null");
        Objects.requireNonNull(delayBase, "'delayBase' must not be null");
        Objects.requireNonNull(delayMax, "'delayMax' must not be null");
        if (lockAfter < 1 || lockDuration.isNegative() || lockDuration.isZero() || delayBase.isNegative()
                || delayMax.compareTo(delayBase) < 0) {
            throw new IllegalArgumentException("lock-after must be at least 1, lock-duration positive, and"
                    + " 0 <= delay-base <= delay-max");
        }
    }

    /** How long the next attempt must wait after {@code failures} failures in a row. */
    public Duration waitAfter(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        if (failures >= lockAfter) {
            return lockDuration;
        }
        long millis = delayBase.toMillis() << Math.min(failures - 1, 30);
        return Duration.ofMillis(Math.min(delayMax.toMillis(), millis < 0 ? Long.MAX_VALUE : millis));
    }

    /** Whether {@code failures} in a row lock. */
    public boolean locks(int failures) {
        return failures >= lockAfter;
    }
}
