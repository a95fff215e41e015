package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.ConfigRuleRequest;
import java.util.Objects;

/**
 * Input of {@link AddConfigRuleUseCase}.
 *
 * @param actor who submits
 * @param domainId the account
 * @param rule the rule
 * @param warningsAcknowledged whether the operator has seen and accepted the warnings
 */
public record AddConfigRuleCommand(String actor, String domainId, ConfigRule rule, boolean warningsAcknowledged) {

    public AddConfigRuleCommand {
        Objects.requireNonNull(actor, "'actor' must not be null");
    }

    public ConfigRuleRequest toRequest() {
        return new ConfigRuleRequest(domainId, rule);
    }
}
