package com.policyconsole.adapter.out.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(1));

    @RepeatedTest(20)
    void waitsGrowExponentiallyWithJitterBetweenHalfAndTheCeiling() {
        Random random = new Random();
        assertThat(policy.delayAfter(1, Optional.empty(), random)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(policy.delayAfter(2, Optional.empty(), random)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(policy.delayAfter(3, Optional.empty(), random)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
        assertThat(policy.delayAfter(4, Optional.empty(), random)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(policy.delayAfter(60, Optional.empty(), random)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void jitterSpreadsTheWaits() {
        Random random = new Random(42);
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> policy.delayAfter(2, Optional.empty(), random)).distinct().count();

        assertThat(distinct).isGreaterThan(10);
    }

    @Test
    void retryAfterRaisesTheWaitButNeverAboveTheMaximum() {
        Random random = new Random(1);
        assertThat(policy.delayAfter(1, Optional.of(Duration.ofMillis(700)), random)).isEqualTo(Duration.ofMillis(700));
        assertThat(policy.delayAfter(1, Optional.of(Duration.ofSeconds(30)), random)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterIsReadInSecondsOnly() {
        assertThat(CloudCallExecutor.parseRetryAfter("3")).contains(Duration.ofSeconds(3));
        assertThat(CloudCallExecutor.parseRetryAfter("Wed, 21 Oct 2026 07:28:00 GMT")).isEmpty();
        assertThat(CloudCallExecutor.parseRetryAfter("-1")).isEmpty();
        assertThat(CloudCallExecutor.parseRetryAfter(null)).isEmpty();
    }

    @Test
    void atLeastOneAttemptIsRequired() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
