package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.lifecycle.PolicyDelivery;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Follows created policies' delivery per defense layer, and retries the layers that failed. */
public interface DeliveryStatusUseCase {

    /** Reads the records of the policies due (the scheduled poll); returns how many were read. */
    int checkDue();

    /** Reads the records of the policy created by {@code entryId} now; empty when the history does not follow it. */
    Optional<PolicyDelivery> refresh(long entryId);

    /** What is known of each of these create entries' delivery. */
    Map<Long, PolicyDelivery> deliveries(Collection<Long> entryIds);

    /**
     * Retries the delivery of the policy created by {@code entryId} ({@code action_type=retry}, its ID alone in
     * {@code retry_list}) when a layer failed; empty when there is nothing to retry.
     */
    Optional<SubmissionResult> retryFailedLayers(String actor, long entryId);
}
