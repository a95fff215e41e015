package com.policyconsole.domain.port.in;

/** The work of bulk jobs, driven by a scheduler on every console: send due deliveries, settle orphaned ones. */
public interface RunBulkDeliveriesUseCase {

    /** Sends due deliveries, one after the other, until none is due or {@code most} were sent; returns how many. */
    int sendDue(int most);

    /**
     * Settles the deliveries left being sent by a console that stopped: never recorded — sent again; recorded with a
     * final outcome — settled by it; unknown — settled as delivered when SecMaster holds the policy, else sent again.
     * Returns how many were settled or queued again.
     */
    int recoverOrphans();
}
