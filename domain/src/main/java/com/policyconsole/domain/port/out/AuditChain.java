package com.policyconsole.domain.port.out;

import com.policyconsole.domain.model.audit.AuditAnchor;
import com.policyconsole.domain.model.audit.AuditChainHead;
import com.policyconsole.domain.model.audit.AuditVerification;
import com.policyconsole.domain.port.HistoryUnavailableException;
import java.util.Optional;

/** The hash chain over every write to the history and the accounts, as its store keeps it. */
public interface AuditChain {

    /**
     * The chain's current end, and how many records wait to be sealed.
     *
     * @throws HistoryUnavailableException when the database cannot be read
     */
    AuditChainHead head();

    /**
     * Walks the whole sealed chain, checks the records not sealed yet, and compares every entry and account with its last record; {@code verifiedBy} is logged.
     *
     * @throws HistoryUnavailableException when the database cannot be read
     */
    AuditVerification verify(String verifiedBy, Optional<AuditAnchor> anchor);
}
