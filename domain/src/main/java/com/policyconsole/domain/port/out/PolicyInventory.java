package com.policyconsole.domain.port.out;

import com.policyconsole.domain.model.emergency.BlockTarget;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.history.WorkspacePolicies;
import com.policyconsole.domain.port.HistoryUnavailableException;
import java.util.List;
import java.util.Set;

/** What already exists, for the guardrails: the console answers it from its history. */
public interface PolicyInventory {

    /**
     * The active policies of a workspace that contain, are contained in or equal one of {@code targets} (at least
     * those: the guardrails look closer), and the workspace's counts of active policies and of those with ageing.
     * The answer does not grow with the workspace, only with the policies that touch these targets.
     *
     * @throws HistoryUnavailableException when it cannot be read
     */
    WorkspacePolicies policies(SecMasterWorkspace workspace, List<BlockTarget> targets);

    /**
     * The names of the Config rules the account already has.
     *
     * @throws HistoryUnavailableException when it cannot be read
     */
    Set<String> ruleNames(String domainId);
}
