package com.policyconsole.domain.port.out;

import com.policyconsole.domain.model.config.HistoryRule;
import java.util.List;

/** What the history knows of an account's rules. */
public interface ConfigRuleHistory {

    /**
     * The rules the history added to the account and has not deleted since.
     *
     * @throws com.policyconsole.domain.port.HistoryUnavailableException when the history cannot be read
     */
    List<HistoryRule> historyRules(String domainId);
}
