package com.policyconsole.console.adapter.out.persistence.history;

import com.policyconsole.console.config.ConsoleSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The start-up reconciliation: a history entry still PENDING when the console starts was caught in flight by a stop or
 * a crash, so nobody knows whether the cloud received it. It becomes UNKNOWN with that reason, which offers it for
 * retry on its history page. One console per database is assumed (see ConsoleSettings#reconcileInFlightAtStart).
 */
@ApplicationScoped
public class InFlightReconciliation {

    static final String ERROR_CODE = "CONSOLE_RESTARTED";
    static final String REASON = "The console stopped while this request was in flight: it may or may not have reached"
            + " the cloud. Check the cloud, or retry it from here.";
    private static final Logger LOG = Logger.getLogger(InFlightReconciliation.class);

    private final Clock clock;
    private final ConsoleSettings settings;

    public InFlightReconciliation(Clock clock, ConsoleSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    void onStart(@Observes StartupEvent event) {
        if (settings.reconcileInFlightAtStart()) {
            reconcile(clock.instant());
        }
    }

    /** Marks every entry requested before {@code startedAt} and still PENDING as UNKNOWN; returns how many. */
    public int reconcile(Instant startedAt) {
        int marked = QuarkusTransaction.requiringNew().call(() -> HistoryEntryEntity.getEntityManager()
                .createNativeQuery("""
                        UPDATE request_history
                           SET status = 'UNKNOWN', completed_at = ?1, error_code = ?2, error_message = ?3
                         WHERE status = 'PENDING' AND requested_at < ?4""")
                .setParameter(1, startedAt).setParameter(2, ERROR_CODE).setParameter(3, REASON)
                .setParameter(4, startedAt).executeUpdate());
        if (marked > 0) {
            LOG.warnf("%d request(s) were in flight when the console stopped; they are now UNKNOWN and offered for"
                    + " retry in the history", marked);
        }
        return marked;
    }
}
