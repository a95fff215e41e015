package com.policyconsole.domain.port.in;

/** Creates a SecMaster emergency policy: validate, check guardrails, record, send, record the outcome. */
public interface CreateEmergencyPolicyUseCase {

    SubmissionResult create(CreateEmergencyPolicyCommand command);
}
