package com.policyconsole.domain.port.in;

import com.policyconsole.domain.bulk.BulkPlan;

/**
 * What starting a bulk batch did: started a job, held it for a second person's approval, refused the plan (errors or
 * warnings to acknowledge), or failed.
 */
public sealed interface BulkStartResult {

    /** The job was recorded; its deliveries run from now on. */
    record Started(long jobId, BulkPlan plan) implements BulkStartResult {
    }

    /** The job was recorded but waits for another person's approval until {@code expiresAt}; nothing is sent. */
    record AwaitingApproval(long jobId, BulkPlan plan, java.util.List<String> reasons, java.time.Instant expiresAt)
            implements BulkStartResult {
    }

    /** Nothing was recorded: the plan has errors, or warnings not acknowledged. */
    record Rejected(BulkPlan plan) implements BulkStartResult {
    }

    /** Nothing was recorded or sent: what exists, or the job store, could not be read. */
    record NotRecorded(String reason) implements BulkStartResult {
    }
}
