package com.policyconsole.domain.port.in;

/** Adds a Config rule: validate (parameters against the built-in definition), record, send, record the outcome. */
public interface AddConfigRuleUseCase {

    SubmissionResult add(AddConfigRuleCommand command);
}
