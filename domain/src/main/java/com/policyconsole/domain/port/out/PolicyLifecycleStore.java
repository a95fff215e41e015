package com.policyconsole.domain.port.out;

import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.lifecycle.DeliveryCheck;
import com.policyconsole.domain.model.lifecycle.HistoryPolicy;
import com.policyconsole.domain.model.lifecycle.LayerDelivery;
import com.policyconsole.domain.model.lifecycle.PolicyDelivery;
import com.policyconsole.domain.model.lifecycle.TrackedPolicy;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the console knows of created policies after their create: SecMaster's ID, the delivery records per layer,
 * removals and ageing changes. Shared by every console on the database; every method throws
 * {@link com.policyconsole.domain.port.HistoryUnavailableException} when the store cannot be reached.
 */
public interface PolicyLifecycleStore {

    /**
     * Claims up to {@code max} policies whose records are due to be read at {@code now}; a claim runs out after
     * {@code claimFor}, so that a console that stops leaves them to another.
     */
    List<TrackedPolicy> claimDue(Instant now, int max, java.time.Duration claimFor);

    /** The policy created by {@code entryId}, when the history follows it. */
    Optional<TrackedPolicy> tracked(long entryId);

    /**
     * Records a read of a policy's delivery: its ID, where it stands, the layers, and when to read again (null: not
     * again). A final check also settles the bulk delivery the entry belongs to.
     */
    void recordCheck(long entryId, String policyId, DeliveryCheck check, List<LayerDelivery> layers, Instant checkedAt,
                     Instant nextCheckAt);

    /** Reads the policy of {@code entryId} again at {@code at}, e.g. after a retry of its failed layers. */
    void checkAgain(long entryId, Instant at);

    /** What is known of the delivery of each of these create entries that the history follows. */
    Map<Long, PolicyDelivery> deliveries(Collection<Long> entryIds);

    /** The workspace's policies the history created and did not remove. */
    List<HistoryPolicy> historyPolicies(SecMasterWorkspace workspace);
}
