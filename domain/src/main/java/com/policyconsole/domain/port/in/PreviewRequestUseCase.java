package com.policyconsole.domain.port.in;

/** Checks a request as a submission would, and shows exactly what would be sent, without sending it. */
public interface PreviewRequestUseCase {

    Preview preview(CreateEmergencyPolicyCommand command);

    Preview preview(RetryEmergencyPolicyCommand command);

    Preview preview(AddConfigRuleCommand command);
}
