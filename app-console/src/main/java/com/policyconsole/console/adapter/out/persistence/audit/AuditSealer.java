package com.policyconsole.console.adapter.out.persistence.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import org.jboss.logging.Logger;

/**
 * Seals the audit records that writes append without a lock (Flyway V8's {@code audit_seal}): every
 * {@code policyconsole.audit.seal-every} (1 s, the scheduler's shortest) this console tries the sealer's advisory lock
 * and, when no other console holds it, chains every unsealed record in append order, in batches of {@value #BATCH}
 * per transaction.
 */
@ApplicationScoped
public class AuditSealer {

    static final int BATCH = 5_000;
    private static final Logger LOG = Logger.getLogger(AuditSealer.class);

    private final AgroalDataSource dataSource;
    private volatile boolean warned;
    private volatile String stoppedAt;

    public AuditSealer(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) {
        tick();
    }

    void onStop(@Observes ShutdownEvent event) {
        tick();
    }

    @Scheduled(every = "${policyconsole.audit.seal-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            sealIfFree();
            warned = false;
        } catch (SQLException e) {
            if (!warned) {
                LOG.warnf("the audit records could not be sealed (%s); the next attempt follows shortly", e.getMessage());
                warned = true;
            }
        }
    }

    /**
     * Seals every record appended so far, waiting for another sealer to finish first; returns how many this call
     * sealed. Records changed before they were sealed stay unsealed, and so do all appended after them.
     */
    public long sealNow() throws SQLException {
        return seal(true);
    }

    /** Seals every record appended so far unless another sealer holds the lock; returns how many it sealed. */
    long sealIfFree() throws SQLException {
        return seal(false);
    }

    /** Seals batch after batch until none is full; returns how many, 0 when another sealer held the lock. */
    /** Logs once, as an error, the unsealed record that sealing stops before (the database warns at every attempt). */
    private void reportStop(SQLWarning warning) {
        String message = warning == null ? null : warning.getMessage();
        if (message != null && !message.equals(stoppedAt)) {
            LOG.errorf("audit sealing is stuck: %s. Verify the audit trail (/audit/integrity).", message);
        }
        stoppedAt = message;
    }

    private long seal(boolean wait) throws SQLException {
        long total = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT audit_seal(?, ?)")) {
            c.setAutoCommit(true);
            s.setInt(1, BATCH);
            s.setBoolean(2, wait);
            while (true) {
                int sealed;
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    sealed = rs.getInt(1);
                    if (rs.wasNull()) {
                        return total;
                    }
                }
                reportStop(s.getWarnings());
                total += sealed;
                if (sealed < BATCH) {
                    return total;
                }
            }
        }
    }
}
