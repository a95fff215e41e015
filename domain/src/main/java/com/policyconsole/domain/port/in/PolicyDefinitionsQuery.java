package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.config.PolicyDefinition;
import java.util.List;

/** The built-in Config policy definitions a rule may use, with their parameter schemas. */
public interface PolicyDefinitionsQuery {

    /**
     * The definitions, read from Config and kept for a few minutes.
     *
     * @throws com.policyconsole.domain.port.CloudReadException when they cannot be read and none are kept
     */
    List<PolicyDefinition> definitions();
}
