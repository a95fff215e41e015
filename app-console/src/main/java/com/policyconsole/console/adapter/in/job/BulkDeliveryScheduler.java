package com.policyconsole.console.adapter.in.job;

import com.policyconsole.domain.port.in.DeliveryStatusUseCase;
import com.policyconsole.domain.port.in.RunBulkDeliveriesUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Drives deliveries on this console: every {@code policyconsole.bulk.poll-every} (1 s, the scheduler's shortest) it
 * sends the due bulk deliveries it can claim and reads the delivery records of the policies due (which settles bulk
 * deliveries whose layers are done), going round again within the tick while there is work; and every
 * {@code policyconsole.bulk.orphans-every} (5 s) it settles the bulk deliveries left by consoles that stopped. Any
 * number of consoles run this on one database.
 */
@ApplicationScoped
public class BulkDeliveryScheduler {

    /** Most deliveries one poll sends before the next poll (the others wait for it). */
    static final int PER_POLL = 50;
    /** The pause between rounds while there is work in flight. */
    static final Duration BUSY_ROUND = Duration.ofMillis(100);
    /** How long one tick keeps going round before it leaves the rest to the next tick. */
    static final Duration TICK_BUDGET = Duration.ofMillis(900);
    private static final Logger LOG = Logger.getLogger(BulkDeliveryScheduler.class);

    private final RunBulkDeliveriesUseCase runner;
    private final DeliveryStatusUseCase status;
    private final Map<String, String> lastProblems = new ConcurrentHashMap<>();

    public BulkDeliveryScheduler(RunBulkDeliveriesUseCase runner, DeliveryStatusUseCase status) {
        this.runner = runner;
        this.status = status;
    }

    /**
     * Sends the due deliveries and reads the due delivery records; while that finds work, again every
     * {@link #BUSY_ROUND} until the next tick, so that a delivery whose layers are done frees its task slot for the
     * next one within a fraction of a second rather than a tick (the scheduler's shortest period is 1 s).
     */
    @Scheduled(every = "${policyconsole.bulk.poll-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void drive() throws InterruptedException {
        long until = System.nanoTime() + TICK_BUDGET.toNanos();
        boolean busy = false;
        do {
            int sent = guarded("send bulk deliveries", () -> runner.sendDue(PER_POLL));
            int read = guarded("read delivery records", status::checkDue);
            busy |= sent + read > 0;
            if (busy) {
                Thread.sleep(BUSY_ROUND.toMillis());
            }
        } while (busy && System.nanoTime() < until);
    }

    @Scheduled(every = "${policyconsole.bulk.orphans-every:5s}", delayed = "${policyconsole.bulk.orphans-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recoverOrphans() {
        guarded("settle orphaned bulk deliveries", runner::recoverOrphans);
    }

    /** Runs {@code work}, logging a failure once until the work succeeds again; how much it did, 0 on failure. */
    private int guarded(String what, IntSupplier work) {
        try {
            int done = work.getAsInt();
            lastProblems.remove(what);
            return done;
        } catch (RuntimeException e) {
            String problem = what + ": " + e.getMessage();
            if (!problem.equals(lastProblems.put(what, problem))) {
                LOG.warnf("could not %s; trying again shortly", problem);
            }
            return 0;
        }
    }
}
