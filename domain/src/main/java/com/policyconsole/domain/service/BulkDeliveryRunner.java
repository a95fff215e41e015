package com.policyconsole.domain.service;

import com.policyconsole.domain.model.bulk.ClaimedDelivery;
import com.policyconsole.domain.model.bulk.DeliveryState;
import com.policyconsole.domain.model.bulk.SecMasterLimits;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.PendingRequest;
import com.policyconsole.domain.model.history.RequestStatus;
import com.policyconsole.domain.model.history.SubmittedRequest;
import com.policyconsole.domain.port.CloudReadException;
import com.policyconsole.domain.port.in.RunBulkDeliveriesUseCase;
import com.policyconsole.domain.port.out.BulkJobStore;
import com.policyconsole.domain.port.out.EmergencyPolicyGateway;
import com.policyconsole.domain.port.out.PreparedCall;
import com.policyconsole.domain.port.out.RequestHistory;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;

/**
 * Runs bulk jobs' deliveries like single submissions: claim a due delivery, prepare its request once, record it in
 * the history linked to the job, only then send it, record the outcome and settle the delivery. Several consoles run
 * this at once; the store hands each due delivery to one of them.
 */
public final class BulkDeliveryRunner implements RunBulkDeliveriesUseCase {

    private final BulkJobStore jobs;
    private final EmergencyPolicyGateway gateway;
    private final RequestHistory history;
    private final SecMasterLimits limits;
    private final Clock clock;
    private final Set<String> busyCodes;

    /** How long a delivery waits after SecMaster answered that too many tasks run (or throttled it). */
    static final Duration BUSY_PAUSE = Duration.ofSeconds(2);

    public BulkDeliveryRunner(BulkJobStore jobs, EmergencyPolicyGateway gateway, RequestHistory history,
                              SecMasterLimits limits, Clock clock) {
        this(jobs, gateway, history, limits, clock, Set.of());
    }

    /**
     * @param busyCodes SecMaster's error codes that mean "too many tasks run now, try later": a delivery refused with
     *                  one (or throttled, 429) waits {@link #BUSY_PAUSE} and is sent again instead of failing
     */
    public BulkDeliveryRunner(BulkJobStore jobs, EmergencyPolicyGateway gateway, RequestHistory history,
                              SecMasterLimits limits, Clock clock, Set<String> busyCodes) {
        this.busyCodes = Set.copyOf(busyCodes);
        this.jobs = Objects.requireNonNull(jobs, "'jobs' must not be null");
        this.gateway = Objects.requireNonNull(gateway, "'gateway' must not be null");
        this.history = Objects.requireNonNull(history, "'history' must not be null");
        this.limits = Objects.requireNonNull(limits, "'limits' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    @Override
    public int sendDue(int most) {
        int sent = 0;
        while (sent < most) {
            Optional<ClaimedDelivery> claimed = jobs.claim(clock.instant(), limits.concurrentTasks());
            if (claimed.isEmpty()) {
                break;
            }
            if (send(claimed.get())) {
                sent++;
            } else {
                break;
            }
        }
        return sent;
    }

    /** Sends one claimed delivery; false when it could not be recorded (it is given back, unsent). */
    private boolean send(ClaimedDelivery delivery) {
        EmergencyPolicyRequest request = delivery.request();
        PreparedCall call;
        long entryId;
        try {
            call = gateway.prepare(request);
            entryId = jobs.recordSending(delivery, new PendingRequest(delivery.actor(), clock.instant(),
                    new SubmittedRequest.EmergencyPolicySubmission(request), call.rendered(), delivery.earlierEntry()));
        } catch (RuntimeException e) {
            try {
                jobs.release(delivery);
            } catch (RuntimeException ignored) {
                // The claim stays with this console; once its lease expires the delivery is an orphan, never sent.
            }
            return false;
        }
        // An outcome the history cannot take now is written by its late-outcome queue; the delivery is settled below.
        CloudOutcome outcome = SubmissionPipeline.sendAndRecord(call, entryId, history).outcome();
        try {
            if (isBusy(outcome)) {
                jobs.postpone(delivery.jobId(), delivery.number(), clock.instant().plus(BUSY_PAUSE));
            } else {
                jobs.settle(delivery.jobId(), delivery.number(), outcome instanceof CloudOutcome.Accepted
                        ? DeliveryState.DELIVERING : DeliveryState.FAILED);
            }
        } catch (RuntimeException e) {
            // Left SENDING: settled from its entry as an orphan once this console's lease is gone.
        }
        return true;
    }

    private boolean isBusy(CloudOutcome outcome) {
        return outcome.httpStatus() == 429 || outcome instanceof CloudOutcome.Refused r && r.errorCode() != null
                && busyCodes.contains(r.errorCode());
    }

    @Override
    public int recoverOrphans() {
        int settled = 0;
        for (BulkJobStore.Orphan orphan : jobs.orphans()) {
            RequestStatus status = orphan.entryStatus();
            if (status == null) {
                jobs.requeue(orphan);
            } else if (status == RequestStatus.SUCCEEDED) {
                jobs.settle(orphan.delivery().jobId(), orphan.delivery().number(), DeliveryState.DELIVERING);
            } else if (status == RequestStatus.REFUSED || status == RequestStatus.FAILED) {
                jobs.settle(orphan.delivery().jobId(), orphan.delivery().number(), DeliveryState.FAILED);
            } else if (status == RequestStatus.UNKNOWN) {
                try {
                    if (SecMasterMatches.policies(gateway, orphan.delivery().request()).isEmpty()) {
                        jobs.requeue(orphan);
                    } else {
                        jobs.settle(orphan.delivery().jobId(), orphan.delivery().number(), DeliveryState.SUCCEEDED);
                    }
                } catch (CloudReadException e) {
                    continue;
                }
            } else {
                continue;
            }
            settled++;
        }
        return settled;
    }
}
