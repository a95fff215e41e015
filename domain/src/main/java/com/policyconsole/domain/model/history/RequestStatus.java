package com.policyconsole.domain.model.history;

/** Where a recorded request stands: sent and waiting, or its final outcome. */
public enum RequestStatus {
    /** Recorded, not sent: a second person must approve it first (four-eyes). */
    AWAITING_APPROVAL,
    /** Recorded, the cloud call not finished (or the console stopped during it). */
    PENDING,
    /** The cloud accepted the request. */
    SUCCEEDED,
    /** The request certainly did not take effect (e.g. connection refused, server error on an idempotent call). */
    FAILED,
    /** The cloud refused the request (4xx, or 200 with {@code success=false}). */
    REFUSED,
    /** The request may or may not have taken effect (timeout after sending); resolve it with a retry. */
    UNKNOWN,
    /** Never sent: the approver rejected it. */
    REJECTED,
    /** Never sent: nobody approved it in time. */
    EXPIRED
}
