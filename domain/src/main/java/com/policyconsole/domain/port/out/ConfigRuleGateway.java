package com.policyconsole.domain.port.out;

import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.model.config.PolicyAssignment;
import com.policyconsole.domain.model.config.PolicyDefinition;
import com.policyconsole.domain.port.CloudReadException;
import java.util.List;
import java.util.Optional;

/** Config's rule (policy assignment) and policy-definition endpoints, as the domain needs them. */
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
}
