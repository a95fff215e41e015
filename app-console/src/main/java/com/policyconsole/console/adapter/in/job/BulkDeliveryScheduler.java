package com.policyconsole.console.adapter.in.job;

import com.policyconsole.domain.port.in.RunBulkDeliveriesUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Drives bulk jobs on this console: every {@code policyconsole.bulk.poll-every} (1 s, the scheduler's shortest) it sends the due deliveries
 * it can claim, and every {@code policyconsole.bulk.orphans-every} (5 s) it settles those left by consoles that
 * stopped. Any number of consoles run this on one database.
 */
@ApplicationScoped
public class BulkDeliveryScheduler {

    /** Most deliveries one poll sends before the next poll (the others wait for it). */
    static final int PER_POLL = 50;
    private static final Logger LOG = Logger.getLogger(BulkDeliveryScheduler.class);

    private final RunBulkDeliveriesUseCase runner;
    private volatile String lastProblem;

    public BulkDeliveryScheduler(RunBulkDeliveriesUseCase runner) {
        this.runner = runner;
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
            lastProblem = null;
        } catch (RuntimeException e) {
            String problem = what + ": " + e.getMessage();
            if (!problem.equals(lastProblem)) {
                LOG.warnf("could not %s; trying again shortly", problem);
            }
            lastProblem = problem;
        }
    }
}
