package com.policyconsole.domain.port.in;

/**
 * Removes policies ({@code POST …/soc/policys/batch-delete}) and changes a policy's ageing
 * ({@code PUT …/soc/policys/{policy_id}}), each an operation of its own in the history, linked to the entries that
 * created the policies.
 */
public interface ChangePoliciesUseCase {

    /** The checked change and the exact request; nothing is recorded or sent. */
    Preview preview(PolicyChangeCommand command);

    /** Checks the change, records it, sends it and records the outcome. */
    SubmissionResult submit(PolicyChangeCommand command);
}
