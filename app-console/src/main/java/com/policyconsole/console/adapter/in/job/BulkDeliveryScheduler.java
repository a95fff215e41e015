package com.policyconsole.console.adapter.in.job;

import com.policyconsole.domain.port.in.DeliveryStatusUseCase;
import com.policyconsole.domain.port.in.RunBulkDeliveriesUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Drives deliveries on this console: every {@code policyconsole.bulk.poll-every} (1 s, the scheduler's shortest) it
 * sends the due bulk deliveries it can claim, every {@code policyconsole.delivery.poll-every} (1 s) it reads the
 * delivery records of the policies due (which settles bulk deliveries whose layers are done), and every
 * {@code policyconsole.bulk.orphans-every} (5 s) it settles the bulk deliveries left by consoles that stopped. Any
 * number of consoles run this on one database.
 */
@ApplicationScoped
public class BulkDeliveryScheduler {

    /** Most deliveries one poll sends before the next poll (the others wait for it). */
    static final int PER_POLL = 50;
    private static final Logger LOG = Logger.getLogger(BulkDeliveryScheduler.class);

    private final RunBulkDeliveriesUseCase runner;
    private final DeliveryStatusUseCase status;
    private final Map<String, String> lastProblems = new ConcurrentHashMap<>();

    public BulkDeliveryScheduler(RunBulkDeliveriesUseCase runner, DeliveryStatusUseCase status) {
        this.runner = runner;
        this.status = status;
    }

    @Scheduled(every = "${policyconsole.delivery.poll-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkDeliveries() {
        guarded("read delivery records", status::checkDue);
    }

    @Scheduled(every = "${policyconsole.bulk.poll-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        guarded("send bulk deliveries", () -> runner.sendDue(PER_POLL));
    }

    @Scheduled(every = "${policyconsole.bulk.orphans-every:5s}", delayed = "${policyconsole.bulk.orphans-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recoverOrphans() {
        guarded("settle orphaned bulk deliveries", runner::recoverOrphans);
    }

    /** Runs {@code work}, logging a failure once until the work succeeds again. */
    private void guarded(String what, Runnable work) {
        try {
            work.run();
            lastProblems.remove(what);
        } catch (RuntimeException e) {
            String problem = what + ": " + e.getMessage();
            if (!problem.equals(lastProblems.put(what, problem))) {
                LOG.warnf("could not %s; trying again shortly", problem);
            }
        }
    }
}
