package com.policyconsole.domain.model.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the console knows of the policy a create entry made: SecMaster's ID once found, the delivery records per
 * layer as last read, and whether it was removed.
 *
 * @param entryId the creating history entry
 * @param policyId SecMaster's policy ID, null while {@link DeliveryCheck#LOOKING}
 * @param check where the delivery stands
 * @param layers the layers' records as last read, latest per connection
 * @param checkedAt when they were read, null before the first read
 * @param removedBy the history entry that removed the policy, null if not removed
 */
public record PolicyDelivery(long entryId, String policyId, DeliveryCheck check, List<LayerDelivery> layers,
                             Instant checkedAt, Long removedBy) {

    public PolicyDelivery {
        Objects.requireNonNull(check, "'check' must not be null");
        layers = List.copyOf(layers);
    }

    /** Whether some layer failed, so that a retry of exactly this policy makes sense. */
    public boolean canRetryLayers() {
        return policyId != null && check == DeliveryCheck.FAILED;
    }
}
