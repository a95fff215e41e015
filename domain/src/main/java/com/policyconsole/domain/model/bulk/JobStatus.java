package com.policyconsole.domain.model.bulk;

/**
 * A bulk job's state: waiting for a second person's approval (then rejected or expired, never run), deliveries still
 * to run, cancelled (no more sent), or every delivery final.
 */
public enum JobStatus {
    AWAITING_APPROVAL,
    REJECTED,
    EXPIRED,
    RUNNING,
    CANCELLED,
    FINISHED
}
