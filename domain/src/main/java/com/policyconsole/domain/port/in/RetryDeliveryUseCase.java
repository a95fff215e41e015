package com.policyconsole.domain.port.in;

/**
 * Retries a failed or unknown emergency-policy delivery: a FAILED create is offered to be sent again; otherwise
 * SecMaster is searched for the one policy with the same category, objects and ageing, whose delivery is retried.
 */
public interface RetryDeliveryUseCase {

    RetryDeliveryResult retry(RetryDeliveryCommand command);
}
