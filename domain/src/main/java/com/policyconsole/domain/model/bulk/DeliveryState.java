package com.policyconsole.domain.model.bulk;

/**
 * Where one delivery of a bulk job stands: waiting its turn, being sent, accepted and being delivered to its layers,
 * done either way, or cancelled unsent.
 */
public enum DeliveryState {
    WAITING,
    SENDING,
    DELIVERING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    /** Whether nothing more happens to the delivery unless someone retries it. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
