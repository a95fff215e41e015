package com.policyconsole.domain.model.bulk;

import java.time.Instant;
import java.util.Objects;

/**
 * One delivery of a job as it stands.
 *
 * @param number its number in the job
 * @param objects how many objects it carries
 * @param state where it stands
 * @param notBefore when it may be sent at the earliest
 * @param entryId its history entry (the latest attempt), null before it was recorded
 */
public record DeliveryProgress(int number, int objects, DeliveryState state, Instant notBefore, Long entryId) {

    public DeliveryProgress {
        Objects.requireNonNull(state, "'state' must not be null");
        Objects.requireNonNull(notBefore, "'notBefore' must not be null");
    }
}
