package com.policyconsole.domain.port.in;

/** Retries the delivery of existing emergency policies ({@code action_type=retry}). */
public interface RetryEmergencyPolicyUseCase {

    SubmissionResult retry(RetryEmergencyPolicyCommand command);
}
