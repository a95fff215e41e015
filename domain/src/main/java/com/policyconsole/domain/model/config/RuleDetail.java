package com.policyconsole.domain.model.config;

/**
 * A rule's page: its definition, compliance summary, one page of its non-compliant resources and its last evaluation;
 * a part Config could not give is null with the reason beside it.
 *
 * @param rule the rule as Config holds it
 * @param known the entry that added it, null when the history does not know it
 * @param summary the compliance summary, or null
 * @param nonCompliant one page of non-compliant resources, or null
 * @param evaluation the last evaluation, or null
 * @param problems why a part is missing, one line per part; empty when all were read
 */
public record RuleDetail(PolicyAssignment rule, HistoryRule known, ComplianceSummary summary,
                         CompliancePage nonCompliant, EvaluationState evaluation, java.util.List<String> problems) {

    public RuleDetail {
        problems = java.util.List.copyOf(problems);
    }

    /** The rule's state, if Config reported one it documents. */
    public java.util.Optional<RuleState> state() {
        return RuleState.fromWire(rule.state());
    }
}
