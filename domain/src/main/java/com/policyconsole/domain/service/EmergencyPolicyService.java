package com.policyconsole.domain.service;

import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.history.SubmittedRequest.EmergencyPolicySubmission;
import com.policyconsole.domain.port.in.CreateEmergencyPolicyCommand;
import com.policyconsole.domain.port.in.CreateEmergencyPolicyUseCase;
import com.policyconsole.domain.port.in.RetryEmergencyPolicyCommand;
import com.policyconsole.domain.port.in.RetryEmergencyPolicyUseCase;
import com.policyconsole.domain.port.in.SubmissionResult;
import com.policyconsole.domain.port.out.EmergencyPolicyGateway;
import com.policyconsole.domain.port.out.RequestHistory;
import com.policyconsole.domain.model.approval.ApprovalRules;
import com.policyconsole.domain.port.out.ApprovalStore;
import java.time.Clock;
import java.util.Objects;

/** Creates emergency policies and retries their delivery, through {@link SubmissionPipeline}. */
public final class EmergencyPolicyService implements CreateEmergencyPolicyUseCase, RetryEmergencyPolicyUseCase {

    private final EmergencyPolicyGateway gateway;
    private final EmergencyPolicyChecks checks;
    private final SubmissionPipeline pipeline;

    public EmergencyPolicyService(EmergencyPolicyGateway gateway, EmergencyPolicyChecks checks, RequestHistory history,
                                  Clock clock) {
        this(gateway, checks, history, clock, null, null);
    }

    /**
     * A service whose creates that {@code approvals} say need a second person are held in {@code holds} instead of
     * being sent.
     */
    public EmergencyPolicyService(EmergencyPolicyGateway gateway, EmergencyPolicyChecks checks, RequestHistory history,
                                  Clock clock, ApprovalRules approvals, ApprovalStore holds) {
        this.gateway = Objects.requireNonNull(gateway, "'gateway' must not be null");
        this.checks = Objects.requireNonNull(checks, "'checks' must not be null");
        this.pipeline = new SubmissionPipeline(history, clock, approvals, holds);
    }

    @Override
    public SubmissionResult create(CreateEmergencyPolicyCommand command) {
        return send(command.actor(), command.toRequest(), command.warningsAcknowledged(), command.retryOf());
    }

    @Override
    public SubmissionResult retry(RetryEmergencyPolicyCommand command) {
        return send(command.actor(), command.toRequest(), true, command.retryOf());
    }

    private SubmissionResult send(String actor, EmergencyPolicyRequest request, boolean acknowledged, Long retryOf) {
        return pipeline.submit(actor, new EmergencyPolicySubmission(request), () -> checks.check(request), acknowledged,
                () -> gateway.prepare(request), retryOf);
    }
}
