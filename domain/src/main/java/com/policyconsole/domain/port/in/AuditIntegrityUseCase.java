package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.audit.AuditAnchor;
import com.policyconsole.domain.model.audit.AuditChainHead;
import com.policyconsole.domain.model.audit.AuditVerificationRun;
import java.util.Optional;

/** The audit trail's integrity: the chain head to note, a verification on demand, and the last verification. */
public interface AuditIntegrityUseCase {

    /**
     * The chain's current end.
     *
     * @throws com.policyconsole.domain.port.HistoryUnavailableException when the database cannot be read
     */
    AuditChainHead head();

    /**
     * Verifies the whole trail, checking {@code anchor} too when given.
     *
     * @throws com.policyconsole.domain.port.HistoryUnavailableException when the database cannot be read
     */
    AuditVerificationRun verify(String verifiedBy, Optional<AuditAnchor> anchor);

    /** The last verification this console ran, if any. */
    Optional<AuditVerificationRun> lastVerification();
}
