package com.policyconsole.domain.port.in;

import com.policyconsole.domain.bulk.BulkPlan;
import com.policyconsole.domain.model.bulk.BulkDraft;
import com.policyconsole.domain.model.bulk.JobProgress;
import java.util.List;
import java.util.Optional;

/** Bulk deliveries: plan a batch, start it as a job once confirmed, follow, cancel and retry the job. */
public interface BulkDeliveryUseCase {

    /** Keeps a batch as {@code actor}'s draft until it is confirmed (a day at most). */
    BulkDraft keep(String actor, String fileName, byte[] content);

    /** {@code actor}'s draft {@code id}, if it is still kept. */
    Optional<BulkDraft> draft(String actor, java.util.UUID id);

    /** The plan of a batch: nothing is recorded or sent. */
    BulkPlan plan(BulkDeliveryCommand command);

    /** Why a job of this plan would wait for a second person's approval; empty when it would start at once. */
    List<String> approvalReasons(BulkDeliveryCommand command, BulkPlan plan);

    /** Plans the batch again and, when it has no error and its warnings are acknowledged, starts it as a job. */
    BulkStartResult start(BulkDeliveryCommand command);

    Optional<JobProgress> progress(long jobId);

    /** The {@code n} latest jobs, newest first. */
    List<JobProgress> recent(int n);

    /**
     * Stops the deliveries not yet sent of a running job, recorded as {@code actor}'s act; returns whether the job was
     * running. A job awaiting approval is not cancelled: it changes only by a decision, its expiry, or its requester
     * withdrawing it (a rejection by the requester).
     */
    boolean cancel(String actor, long jobId);

    /**
     * Withdraws a job awaiting approval, if {@code actor} is its requester: none of its deliveries is sent, and the
     * withdrawal is its decision (REJECTED by the requester) and an act of the audit chain. False otherwise.
     */
    boolean withdraw(String actor, long jobId);

    /**
     * Sends again the deliveries that were refused or failed unsent, and retries ({@code action_type=retry}) the
     * policies whose delivery failed on a defense layer; returns how many deliveries were retried.
     */
    int retryFailed(String actor, long jobId);
}
