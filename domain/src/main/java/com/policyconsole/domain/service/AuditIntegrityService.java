package com.policyconsole.domain.service;

import com.policyconsole.domain.model.audit.AuditAnchor;
import com.policyconsole.domain.model.audit.AuditChainHead;
import com.policyconsole.domain.model.audit.AuditVerificationRun;
import com.policyconsole.domain.port.in.AuditIntegrityUseCase;
import com.policyconsole.domain.port.out.AuditChain;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Verifies the audit chain on demand and remembers the last verification, for the integrity page. */
public final class AuditIntegrityService implements AuditIntegrityUseCase {

    private final AuditChain chain;
    private final AtomicReference<AuditVerificationRun> last = new AtomicReference<>();

    public AuditIntegrityService(AuditChain chain) {
        this.chain = Objects.requireNonNull(chain, "'chain' must not be null");
    }

    @Override
    public AuditChainHead head() {
        return chain.head();
    }

    @Override
    public AuditVerificationRun verify(String verifiedBy, Optional<AuditAnchor> anchor) {
        AuditVerificationRun run = new AuditVerificationRun(chain.verify(verifiedBy, anchor), verifiedBy, anchor);
        last.set(run);
        return run;
    }

    @Override
    public Optional<AuditVerificationRun> lastVerification() {
        return Optional.ofNullable(last.get());
    }
}
