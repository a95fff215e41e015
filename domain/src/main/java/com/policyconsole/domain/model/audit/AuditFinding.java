package com.policyconsole.domain.model.audit;

/** One break of the audit trail: where it is ("record #12", "history entry #7", "account #2") and what happened. */
public record AuditFinding(String where, String what) {

    @Override
    public String toString() {
        return where + ": " + what;
    }
}
