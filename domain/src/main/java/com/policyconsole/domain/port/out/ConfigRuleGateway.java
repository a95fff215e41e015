package com.policyconsole.domain.port.out;

import com.policyconsole.domain.model.config.CompliancePage;
import com.policyconsole.domain.model.config.ComplianceSummary;
import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.model.config.EvaluationState;
import com.policyconsole.domain.model.config.RuleChange;
import com.policyconsole.domain.model.config.PolicyAssignment;
import com.policyconsole.domain.model.config.PolicyDefinition;
import com.policyconsole.domain.port.CloudReadException;
import java.util.List;
import java.util.Optional;

/** Config's rule (policy assignment), compliance and policy-definition endpoints, as the domain needs them. */
public interface ConfigRuleGateway {

    /**
     * Prepares "Adding a Rule" ({@code PUT …/policy-assignments}) once: what is previewed and recorded is what is
     * sent. Sending never throws: failures come back as outcomes.
     *
     * @throws IllegalStateException when the service's address is not configured
     */
    PreparedCall prepare(ConfigRuleRequest request);

    /**
     * Lists the account's rules, following marker paging to the end.
     *
     * @throws CloudReadException when the cloud cannot be read
     */
    List<PolicyAssignment> listRules(String domainId);

    /**
     * The built-in policy definitions with their parameter schemas.
     *
     * @throws CloudReadException when the cloud cannot be read
     */
    List<PolicyDefinition> definitions();

    /** The built-in definition with this ID, if the cloud has one. */
    default Optional<PolicyDefinition> definition(String id) {
        return definitions().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /**
     * Prepares an operation on a rule that exists ({@code …/policy-assignments/{id}}…) once, as
     * {@link #prepare(ConfigRuleRequest)} does.
     *
     * @throws IllegalStateException when the service's address is not configured
     */
    PreparedCall prepare(RuleChange change);

    /**
     * The rule a recorded update ({@code PUT …/policy-assignments/{id}}) carries; empty when the recorded request is
     * not an update or cannot be read.
     */
    Optional<com.policyconsole.domain.model.config.ConfigRule> readBackUpdate(
            com.policyconsole.domain.model.history.RenderedRequest recorded);

    /**
     * The rule with this ID ({@code GET …/policy-assignments/{id}}), empty when Config has none (404).
     *
     * @throws CloudReadException when the cloud cannot be read
     */
    Optional<PolicyAssignment> show(String domainId, String ruleId);

    /**
     * How many resources the rule found compliant and non-compliant ({@code GET …/{id}/policy-states/summary}).
     *
     * @throws CloudReadException when the cloud cannot be read
     */
    ComplianceSummary summary(String domainId, String ruleId);

    /**
     * One page of the resources the rule evaluated ({@code GET …/{id}/policy-states}), only those in
     * {@code complianceState} unless it is null.
     *
     * @throws CloudReadException when the cloud cannot be read
     */
    CompliancePage policyStates(String domainId, String ruleId, String complianceState, String marker, int limit);

    /**
     * The rule's last evaluation ({@code GET …/{id}/policy-states/evaluation-state}).
     *
     * @throws CloudReadException when the cloud cannot be read
     */
    EvaluationState evaluationState(String domainId, String ruleId);
}
