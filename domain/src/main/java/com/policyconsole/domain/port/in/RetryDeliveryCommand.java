package com.policyconsole.domain.port.in;

import java.util.Objects;

/**
 * Input of {@link RetryDeliveryUseCase}.
 *
 * @param actor who retries
 * @param entryId the history entry of the failed or unknown create
 */
public record RetryDeliveryCommand(String actor, long entryId) {

    public RetryDeliveryCommand {
        Objects.requireNonNull(actor, "'actor' must not be null");
    }
}
