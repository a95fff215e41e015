package com.policyconsole.domain.service;

import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.model.history.SubmittedRequest.ConfigRuleSubmission;
import com.policyconsole.domain.port.in.AddConfigRuleCommand;
import com.policyconsole.domain.port.in.AddConfigRuleUseCase;
import com.policyconsole.domain.port.in.SubmissionResult;
import com.policyconsole.domain.port.out.ConfigRuleGateway;
import com.policyconsole.domain.port.out.RequestHistory;
import java.time.Clock;
import java.util.Objects;

/** Adds Config rules, through {@link SubmissionPipeline}. */
public final class ConfigRuleService implements AddConfigRuleUseCase {

    private final ConfigRuleGateway gateway;
    private final ConfigRuleChecks checks;
    private final SubmissionPipeline pipeline;

    public ConfigRuleService(ConfigRuleGateway gateway, ConfigRuleChecks checks, RequestHistory history, Clock clock) {
        this.gateway = Objects.requireNonNull(gateway, "'gateway' must not be null");
        this.checks = Objects.requireNonNull(checks, "'checks' must not be null");
        this.pipeline = new SubmissionPipeline(history, clock);
    }

    @Override
    public SubmissionResult add(AddConfigRuleCommand command) {
        ConfigRuleRequest request = command.toRequest();
        return pipeline.submit(command.actor(), new ConfigRuleSubmission(request), () -> checks.check(request),
                command.warningsAcknowledged(), () -> gateway.prepare(request), null);
    }
}
