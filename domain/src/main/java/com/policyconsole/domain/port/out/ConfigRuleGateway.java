package com.policyconsole.domain.port.out;

import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.model.config.PolicyAssignment;
import com.policyconsole.domain.model.config.PolicyDefinition;
import com.policyconsole.domain.model.history.CloudOutcome;
import java.util.List;
import java.util.Optional;

/** Config's rule (policy assignment) and policy-definition endpoints, as the domain needs them. */
public interface ConfigRuleGateway {

    /** Adds a rule ({@code PUT …/policy-assignments}); failures come back as outcomes, never thrown. */
    CloudOutcome add(ConfigRuleRequest request);

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
}
