package com.policyconsole.domain.port.out;

import com.policyconsole.domain.model.audit.SecurityAct;

/** Where security-relevant acts are kept as records of the audit chain (append-only). */
public interface SecurityActs {

    /**
     * Records {@code act}, in the caller's transaction when there is one.
     *
     * @throws com.policyconsole.domain.port.HistoryUnavailableException when it cannot be recorded
     */
    void record(SecurityAct act);

    /** Keeps no act: for services used without an audit trail (tests, plain-Java use). */
    SecurityActs NONE = act -> {
    };
}
