package com.policyconsole.domain.model.bulk;

import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A bulk job and its deliveries as they stand, with the counts its progress bar shows. */
public record JobProgress(long jobId, String actor, Instant createdAt, SecMasterWorkspace workspace, JobStatus status,
                          List<DeliveryProgress> deliveries) {

    public JobProgress {
        Objects.requireNonNull(status, "'status' must not be null");
        deliveries = List.copyOf(deliveries);
    }

    public int total() {
        return deliveries.size();
    }

    public long succeeded() {
        return count(DeliveryState.SUCCEEDED);
    }

    public long failed() {
        return count(DeliveryState.FAILED);
    }

    public long cancelled() {
        return count(DeliveryState.CANCELLED);
    }

    /** Deliveries waiting, being sent, or being delivered to their layers. */
    public long pending() {
        return count(DeliveryState.WAITING) + count(DeliveryState.SENDING) + count(DeliveryState.DELIVERING);
    }

    /** Objects in deliveries that succeeded. */
    public long objectsBlocked() {
        return deliveries.stream().filter(d -> d.state() == DeliveryState.SUCCEEDED).mapToLong(DeliveryProgress::objects)
                .sum();
    }

    public long objects() {
        return deliveries.stream().mapToLong(DeliveryProgress::objects).sum();
    }

    /** The share of deliveries that are final, 0 to 100. */
    public int percentDone() {
        return total() == 0 ? 100 : (int) ((total() - pending()) * 100 / total());
    }

    private long count(DeliveryState state) {
        return deliveries.stream().filter(d -> d.state() == state).count();
    }
}
