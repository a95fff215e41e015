package com.policyconsole.domain.port.out;

import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.history.WorkspacePolicies;
import com.policyconsole.domain.port.HistoryUnavailableException;
import java.util.Set;

/** What already exists, for the guardrails: the console feeds it from its history. */
public interface PolicyInventory {

    /**
     * The known emergency policies of a workspace and its counts.
     *
     * @throws HistoryUnavailableException when it cannot be read
     */
    WorkspacePolicies policies(SecMasterWorkspace workspace);

    /**
     * The names of the Config rules the account already has.
     *
     * @throws HistoryUnavailableException when it cannot be read
     */
    Set<String> ruleNames(String domainId);
}
