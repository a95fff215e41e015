package com.policyconsole.domain.service;

import com.policyconsole.domain.model.approval.ApprovalRules;
import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.model.history.SubmittedRequest;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.port.in.AddConfigRuleCommand;
import com.policyconsole.domain.port.in.CreateEmergencyPolicyCommand;
import com.policyconsole.domain.port.in.Preview;
import com.policyconsole.domain.port.in.PreviewRequestUseCase;
import com.policyconsole.domain.port.in.RetryEmergencyPolicyCommand;
import com.policyconsole.domain.port.out.ConfigRuleGateway;
import com.policyconsole.domain.port.out.EmergencyPolicyGateway;
import java.util.Objects;

/** Checks requests and shows them as their gateway prepares them, without sending or recording them. */
public final class RequestPreviewService implements PreviewRequestUseCase {

    private final EmergencyPolicyChecks emergencyChecks;
    private final ConfigRuleChecks ruleChecks;
    private final EmergencyPolicyGateway emergencyPolicies;
    private final ConfigRuleGateway rules;
    private final ApprovalRules approvals;

    public RequestPreviewService(EmergencyPolicyChecks emergencyChecks, ConfigRuleChecks ruleChecks,
                                 EmergencyPolicyGateway emergencyPolicies, ConfigRuleGateway rules) {
        this(emergencyChecks, ruleChecks, emergencyPolicies, rules, ApprovalRules.NONE);
    }

    /** Previews that say which requests {@code approvals} would hold for a second person. */
    public RequestPreviewService(EmergencyPolicyChecks emergencyChecks, ConfigRuleChecks ruleChecks,
                                 EmergencyPolicyGateway emergencyPolicies, ConfigRuleGateway rules,
                                 ApprovalRules approvals) {
        this.approvals = Objects.requireNonNull(approvals, "'approvals' must not be null");
        this.emergencyChecks = Objects.requireNonNull(emergencyChecks, "'emergencyChecks' must not be null");
        this.ruleChecks = Objects.requireNonNull(ruleChecks, "'ruleChecks' must not be null");
        this.emergencyPolicies = Objects.requireNonNull(emergencyPolicies, "'emergencyPolicies' must not be null");
        this.rules = Objects.requireNonNull(rules, "'rules' must not be null");
    }

    @Override
    public Preview preview(CreateEmergencyPolicyCommand command) {
        return preview(command.toRequest());
    }

    @Override
    public Preview preview(RetryEmergencyPolicyCommand command) {
        return preview(command.toRequest());
    }

    @Override
    public Preview preview(AddConfigRuleCommand command) {
        ConfigRuleRequest request = command.toRequest();
        return new Preview(ruleChecks.check(request), rules.prepare(request).rendered());
    }

    private Preview preview(EmergencyPolicyRequest request) {
        return new Preview(emergencyChecks.check(request), emergencyPolicies.prepare(request).rendered(),
                approvals.reasons(new SubmittedRequest.EmergencyPolicySubmission(request)));
    }
}
