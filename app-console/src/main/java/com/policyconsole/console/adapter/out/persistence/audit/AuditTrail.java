package com.policyconsole.console.adapter.out.persistence.audit;

import com.policyconsole.domain.model.audit.AuditAnchor;
import com.policyconsole.domain.model.audit.AuditChainHead;
import com.policyconsole.domain.model.audit.AuditVerification;
import com.policyconsole.domain.port.HistoryUnavailableException;
import com.policyconsole.domain.port.out.AuditChain;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@link AuditChain} on PostgreSQL: the current head (the last sealed record, see {@link AuditSealer}) with the count
 * of records waiting to be sealed, and the whole trail verified by {@link AuditChainVerifier}.
 */
@ApplicationScoped
public class AuditTrail implements AuditChain {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    private final AgroalDataSource dataSource;
    private final AuditChainVerifier verifier;

    public AuditTrail(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.verifier = new AuditChainVerifier(clock);
    }

    @Override
    public AuditChainHead head() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT h.position, h.hash, e.recorded_at,
                            (SELECT count(*) FROM audit_event u WHERE u.position IS NULL)
                       FROM audit_chain_head h LEFT JOIN audit_event e ON e.position = h.position""")) {
            if (!rs.next()) {
                return new AuditChainHead(0, AuditChainVerifier.GENESIS_HASH, null, 0);
            }
            OffsetDateTime at = rs.getObject(3, OffsetDateTime.class);
            return new AuditChainHead(rs.getLong(1), rs.getString(2).trim(), at == null ? null : at.toInstant(),
                    rs.getLong(4));
        } catch (SQLException e) {
            throw new HistoryUnavailableException("could not read the audit chain's head: " + e.getMessage(), e);
        }
    }

    @Override
    public AuditVerification verify(String verifiedBy, Optional<AuditAnchor> anchor) {
        try (Connection c = dataSource.getConnection()) {
            AuditVerification result = verifier.verify(c, anchor);
            if (result.intact()) {
                LOG.infof("audit chain verified by %s: intact, %d sealed records, head #%d, %d not sealed yet, %d ms",
                        verifiedBy, result.recordsChecked(), result.headPosition(), result.unsealed(),
                        result.took().toMillis());
            } else {
                LOG.warnf("audit chain verified by %s: TAMPERED: %s", verifiedBy, result.findings());
            }
            return result;
        } catch (SQLException e) {
            throw new HistoryUnavailableException("could not verify the audit chain: " + e.getMessage(), e);
        }
    }
}
