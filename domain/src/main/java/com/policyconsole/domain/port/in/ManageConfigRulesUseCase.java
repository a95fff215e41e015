package com.policyconsole.domain.port.in;

/**
 * Enables, disables, evaluates, updates and deletes Config rules: each checked against the rule as Config holds it
 * and the document's rules, recorded in the history before it is sent, its outcome recorded after. A delete of an
 * enabled rule disables it first, as two entries, the second a step of the first.
 */
public interface ManageConfigRulesUseCase {

    /** The checked operation and the exact requests; nothing is recorded or sent. */
    RuleChangePreview preview(RuleChangeCommand command);

    /** Checks the operation, records it, sends it and records the outcome; a two-step delete answers with its last step. */
    SubmissionResult submit(RuleChangeCommand command);
}
