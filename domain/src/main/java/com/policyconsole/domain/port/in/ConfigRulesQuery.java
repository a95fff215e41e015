package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.config.EvaluationState;
import com.policyconsole.domain.model.config.RuleDetail;
import com.policyconsole.domain.model.config.RuleList;
import java.util.Optional;

/** The account's Config rules beside the history, and one rule's definition, compliance and evaluation. */
public interface ConfigRulesQuery {

    /**
     * Every rule of the account (all pages), with what the history knows of each.
     *
     * @throws com.policyconsole.domain.port.CloudReadException when Config's list cannot be read
     */
    RuleList rules(String domainId);

    /**
     * The rule's page, its non-compliant resources from {@code marker} (null: the first page); empty when Config has no
     * such rule.
     *
     * @throws com.policyconsole.domain.port.CloudReadException when the rule itself cannot be read
     */
    Optional<RuleDetail> rule(String domainId, String ruleId, String marker);

    /**
     * The rule's last evaluation, to follow one to its end.
     *
     * @throws com.policyconsole.domain.port.CloudReadException when it cannot be read
     */
    EvaluationState evaluation(String domainId, String ruleId);
}
