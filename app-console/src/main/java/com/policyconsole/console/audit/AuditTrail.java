package com.policyconsole.console.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/** The console's view of its audit chain: the current head, verification on demand, and the last result. */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    /** The end of the chain: note position and hash outside the console to anchor later verifications. */
    public record ChainHead(long position, String hash, Instant lastRecordedAt) {

        public String anchor() {
            return "#" + position + ":" + hash;
        }
    }

    /** A verification and who asked for it. */
    public record VerificationRun(AuditVerification result, String verifiedBy, Optional<AuditAnchor> anchor) {
    }

    private final AgroalDataSource dataSource;
    private final AuditChainVerifier verifier;
    private final AtomicReference<VerificationRun> last = new AtomicReference<>();

    public AuditTrail(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.verifier = new AuditChainVerifier(clock);
    }

    public ChainHead head() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT h.position, h.hash, e.recorded_at FROM audit_chain_head h
                       LEFT JOIN audit_event e ON e.position = h.position""")) {
            if (!rs.next()) {
                return new ChainHead(0, AuditChainVerifier.GENESIS_HASH, null);
            }
            OffsetDateTime at = rs.getObject(3, OffsetDateTime.class);
            return new ChainHead(rs.getLong(1), rs.getString(2).trim(), at == null ? null : at.toInstant());
        }
    }

    public VerificationRun verify(String verifiedBy, Optional<AuditAnchor> anchor) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            AuditVerification result = verifier.verify(c, anchor);
            VerificationRun run = new VerificationRun(result, verifiedBy, anchor);
            last.set(run);
            if (result.intact()) {
                LOG.infof("audit chain verified by %s: intact, %d records, head #%d, %d ms", verifiedBy,
                        result.recordsChecked(), result.headPosition(), result.took().toMillis());
            } else {
                LOG.warnf("audit chain verified by %s: TAMPERED: %s", verifiedBy, result.findings());
            }
            return run;
        }
    }

    public Optional<VerificationRun> lastVerification() {
        return Optional.ofNullable(last.get());
    }
}
