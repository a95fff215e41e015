package com.policyconsole.domain.service;

import com.policyconsole.domain.guardrail.ConfigRuleGuardrails;
import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.model.config.PolicyAssignmentType;
import com.policyconsole.domain.model.config.PolicyDefinition;
import com.policyconsole.domain.port.CloudReadException;
import com.policyconsole.domain.port.out.ConfigRuleGateway;
import com.policyconsole.domain.port.out.PolicyInventory;
import com.policyconsole.domain.validation.ConfigRules;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.ViolationCode;
import com.policyconsole.domain.validation.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything checked before a Config rule may be sent: the document's rules, the parameters against the
 * built-in definition, and the guardrails (unique name, quota) against the rules the console added and the rules
 * Config lists for the account.
 */
public final class ConfigRuleChecks {

    private final PolicyInventory inventory;
    private final ConfigRuleGateway catalog;

    public ConfigRuleChecks(PolicyInventory inventory, ConfigRuleGateway catalog) {
        this.inventory = Objects.requireNonNull(inventory, "'inventory' must not be null");
        this.catalog = Objects.requireNonNull(catalog, "'catalog' must not be null");
    }

    /**
     * All violations of {@code request}.
     *
     * @throws com.policyconsole.domain.port.HistoryUnavailableException when the inventory cannot be read
     */
    public Violations check(ConfigRuleRequest request) {
        Violations violations = checkContent(request);
        if (violations.hasErrors()) {
            return violations;
        }
        Set<String> names = new HashSet<>(inventory.ruleNames(request.domainId()));
        try {
            catalog.listRules(request.domainId()).forEach(existing -> names.add(existing.rule().name()));
        } catch (CloudReadException e) {
            violations = violations.and(Violations.of(List.of(Violation.warning("name", ViolationCode.NOT_CHECKED,
                    "the account's rules could not be read from Config (" + e.getMessage()
                            + "); the name is checked only against the rules this console added"))));
        }
        return violations.and(ConfigRuleGuardrails.check(request, names));
    }

    /**
     * The rule's own violations: the document's rules and, for a built-in rule, its parameters against the definition;
     * what an update is checked with (its name is the rule's own, not a new one).
     */
    public Violations checkContent(ConfigRuleRequest request) {
        Violations violations = ConfigRules.validate(request);
        if (violations.hasErrors()) {
            return violations;
        }
        ConfigRule rule = request.rule();
        if (rule.assignmentType().orElse(null) == PolicyAssignmentType.BUILTIN) {
            violations = violations.and(checkAgainstDefinition(rule));
        }
        return violations;
    }

    private Violations checkAgainstDefinition(ConfigRule rule) {
        Optional<PolicyDefinition> definition;
        try {
            definition = catalog.definition(rule.policyDefinitionId());
        } catch (CloudReadException e) {
            return Violations.of(List.of(Violation.warning("parameters", ViolationCode.NOT_CHECKED,
                    "the built-in policy definitions could not be read (" + e.getMessage()
                            + "); the parameters are not checked")));
        }
        if (definition.isEmpty()) {
            return Violations.of(List.of(Violation.error("policy_definition_id",
                    ViolationCode.UNKNOWN_POLICY_DEFINITION,
                    "there is no built-in policy definition with ID '" + rule.policyDefinitionId() + "'")));
        }
        return ConfigRules.validateParameters(rule, definition.get());
    }
}
