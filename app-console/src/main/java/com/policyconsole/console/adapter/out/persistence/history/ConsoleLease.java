package com.policyconsole.console.adapter.out.persistence.history;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * This console's lease on the database ({@code console_lease}, Flyway V7), so that several consoles can share one:
 * taken at start, renewed at every heartbeat (in database time, so that the consoles' clocks do not matter), dropped
 * at a clean stop. Every PENDING entry names the console that sent it. At start and at every heartbeat, the entries
 * still PENDING of a console whose lease expired or is gone — it crashed or stopped while they were in flight, so
 * nobody knows whether the cloud received them — become UNKNOWN ({@value #ERROR_CODE}), which offers them for retry;
 * the entries of a console whose lease is alive are never touched.
 */
@ApplicationScoped
public class ConsoleLease {

    static final String ERROR_CODE = "CONSOLE_RESTARTED";
    static final String REASON = "The console that sent this request stopped while it was in flight: it may or may not"
            + " have reached the cloud. Check the cloud, or retry it from here.";
    private static final Logger LOG = Logger.getLogger(ConsoleLease.class);

    private final UUID instanceId = UUID.randomUUID();
    private final Duration ttl;
    private volatile Instant startedAt = Instant.now();

    public ConsoleLease(@ConfigProperty(name = "policyconsole.console.lease-ttl", defaultValue = "30s") Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("policyconsole.console.lease-ttl must be positive, got " + ttl);
        }
        this.ttl = ttl;
    }

    /** The ID this console writes into every entry it sends. */
    public UUID instanceId() {
        return instanceId;
    }

    /** How long a lease holds without a heartbeat. */
    public Duration ttl() {
        return ttl;
    }

    void onStart(@Observes StartupEvent event) {
        startedAt = Instant.now();
        renew();
        reconcile();
    }

    void onStop(@Observes ShutdownEvent event) {
        try {
            QuarkusTransaction.requiringNew().run(() -> HistoryEntryEntity.getEntityManager()
                    .createNativeQuery("DELETE FROM console_lease WHERE instance_id = ?1")
                    .setParameter(1, instanceId).executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf("the lease of console %s could not be dropped (%s); it expires after %s", instanceId,
                    e.getMessage(), ttl);
        }
    }

    /** Renews the lease, then reconciles the entries of consoles whose lease expired. */
    @Scheduled(every = "${policyconsole.console.lease-heartbeat:5s}", delayed = "${policyconsole.console.lease-heartbeat:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        try {
            renew();
            reconcile();
        } catch (RuntimeException e) {
            LOG.warnf("console lease heartbeat failed (%s); the lease expires after %s without one", e.getMessage(), ttl);
        }
    }

    /** Takes or renews this console's lease, at the database's time. */
    void renew() {
        QuarkusTransaction.requiringNew().run(() -> HistoryEntryEntity.getEntityManager().createNativeQuery("""
                        INSERT INTO console_lease (instance_id, host, started_at, heartbeat_at)
                        VALUES (?1, ?2, ?3, now())
                        ON CONFLICT (instance_id) DO UPDATE SET heartbeat_at = now()""")
                .setParameter(1, instanceId).setParameter(2, host()).setParameter(3, startedAt).executeUpdate());
    }

    /**
     * Marks UNKNOWN every PENDING entry sent by another console whose lease expired or is gone, and every PENDING entry
     * from before leases (Flyway V7) that was recorded before this console started; returns how many.
     */
    public int reconcile() {
        int marked = QuarkusTransaction.requiringNew().call(() -> HistoryEntryEntity.getEntityManager()
                .createNativeQuery("""
                        UPDATE request_history h
                           SET status = 'UNKNOWN', completed_at = now(), error_code = ?1, error_message = ?2
                         WHERE h.status = 'PENDING'
                           AND (h.console_instance IS NULL AND h.requested_at < ?3
                                OR h.console_instance <> ?4
                                   AND NOT EXISTS (SELECT 1 FROM console_lease l
                                                    WHERE l.instance_id = h.console_instance
                                                      AND l.heartbeat_at > now() - make_interval(secs => ?5)))""")
                .setParameter(1, ERROR_CODE).setParameter(2, REASON).setParameter(3, startedAt)
                .setParameter(4, instanceId).setParameter(5, (double) ttl.toMillis() / 1000)
                .executeUpdate());
        if (marked > 0) {
            LOG.warnf("%d request(s) were in flight when the console that sent them stopped; they are now UNKNOWN and"
                    + " offered for retry in the history", marked);
        }
        return marked;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
