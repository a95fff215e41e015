package com.policyconsole.domain.port.out;

import com.policyconsole.domain.model.approval.ApprovalHold;
import com.policyconsole.domain.model.bulk.BulkDraft;
import com.policyconsole.domain.model.bulk.ClaimedDelivery;
import com.policyconsole.domain.model.bulk.DeliveryState;
import com.policyconsole.domain.model.bulk.JobProgress;
import com.policyconsole.domain.model.bulk.PlannedDelivery;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.history.PendingRequest;
import com.policyconsole.domain.model.history.RequestStatus;
import com.policyconsole.domain.port.HistoryUnavailableException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Bulk jobs and their deliveries, shared by every console on the database: a due delivery is claimed by exactly one
 * console, recorded in the history together with its link to the job, and only then sent. Every method throws
 * {@link HistoryUnavailableException} when the store cannot be reached.
 */
public interface BulkJobStore {

    /**
     * How many objects the deliveries of {@code user}'s jobs created at or after {@code since} carry, counting only
     * the jobs that started without an approval (for the count rule of four-eyes); a user's jobs under any of their
     * tokens count as theirs.
     */
    long objectsStartedWithoutApproval(String user, Instant since);

    /** Keeps a batch as {@code actor}'s draft (and drops drafts older than {@code dropBefore}); returns it. */
    BulkDraft saveDraft(String actor, String fileName, byte[] content, Instant now, Instant dropBefore);

    /** {@code actor}'s draft {@code id}; empty when there is none (another's, dropped, never made). */
    Optional<BulkDraft> draft(String actor, java.util.UUID id);

    /** Records a confirmed job: its template and deliveries, due from {@code startAt} on; returns its ID. */
    long create(String actor, Instant startAt, EmergencyPolicyRequest template, List<PlannedDelivery> deliveries);

    /**
     * Records a job that waits for a second person's approval ({@link com.policyconsole.domain.model.bulk.JobStatus
     * #AWAITING_APPROVAL}: none of its deliveries is due) with its hold; returns its ID.
     */
    long createAwaiting(String actor, Instant at, EmergencyPolicyRequest template, List<PlannedDelivery> deliveries,
                        ApprovalHold hold);

    /** The job's hold, if it was held. */
    Optional<ApprovalHold> jobHold(long jobId);

    /** The create requests of a job's deliveries, in order, as its deliveries send them. */
    List<EmergencyPolicyRequest> jobRequests(long jobId);

    /** The jobs still awaiting approval, oldest first. */
    List<Long> awaitingJobs();

    /**
     * Decides a job still AWAITING_APPROVAL and unexpired at {@code at}: approved (RUNNING, its deliveries due from
     * {@code at} on, spaced as planned) or rejected (REJECTED). False when it was decided, expired or is not held.
     */
    boolean decideJob(long jobId, boolean approved, String by, String reason, Instant at);

    /** Marks the held jobs whose time ran out by {@code at} EXPIRED; how many. */
    int expireJobs(Instant at);

    /**
     * Claims the oldest due delivery of a running job for this console, unless {@code concurrentTasks} deliveries of
     * its workspace are being sent already.
     */
    Optional<ClaimedDelivery> claim(Instant now, int concurrentTasks);

    /**
     * Records {@code pending} in the history and links it to the claimed delivery, in one transaction; returns the
     * entry's ID.
     *
     * @throws IllegalStateException when this console no longer holds the claim (nothing is recorded)
     */
    long recordSending(ClaimedDelivery delivery, PendingRequest pending);

    /** Gives a claimed delivery back, unrecorded and unsent, to be claimed again. */
    void release(ClaimedDelivery delivery);

    /**
     * Gives a delivery that SecMaster refused as busy back to be sent again from {@code notBefore}, its entry kept as
     * the one the next attempt retries.
     */
    void postpone(long jobId, int number, Instant notBefore);

    /** Settles a delivery that was sent; finishes its job when no delivery is left to run. */
    void settle(long jobId, int number, DeliveryState state);

    /**
     * The deliveries being sent by consoles whose lease expired, with their entry's status (null when no entry was
     * recorded), so that each can be settled or sent again.
     */
    List<Orphan> orphans();

    /** A delivery left SENDING by a console that stopped. */
    record Orphan(ClaimedDelivery delivery, Long entryId, RequestStatus entryStatus) {
    }

    /** Gives an orphan back to be sent again, its earlier entry kept as the one the next attempt retries. */
    void requeue(Orphan orphan);

    Optional<JobProgress> progress(long jobId);

    /** The {@code n} latest jobs, newest first. */
    List<JobProgress> recent(int n);

    /** Cancels a running job: no delivery waiting is sent any more; returns whether it was running. */
    boolean cancel(long jobId);

    /**
     * Queues again the deliveries of a job whose entry was refused or failed unsent, to be sent in {@code actor}'s name;
     * returns how many.
     */
    int retryFailed(String actor, long jobId);

    /** The create entries of a job's deliveries that SecMaster accepted and that failed on some defense layer. */
    List<Long> layerFailures(long jobId);
}
