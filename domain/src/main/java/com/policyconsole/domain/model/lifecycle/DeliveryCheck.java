package com.policyconsole.domain.model.lifecycle;

/** What the console knows of a created policy's delivery to its layers. */
public enum DeliveryCheck {
    /** SecMaster's policy ID is not known yet. */
    LOOKING,
    /** Some layer is still being delivered to. */
    IN_PROGRESS,
    /** Every layer was delivered to. */
    DELIVERED,
    /** Some layer failed; a retry of the policy delivers to it again. */
    FAILED,
    /** SecMaster has no such policy (never created, or removed outside the console). */
    NOT_FOUND,
    /** Removed through the console. */
    REMOVED;

    /** Whether the poll stops: nothing more will change without an action. */
    public boolean isFinal() {
        return this != LOOKING && this != IN_PROGRESS;
    }

    /** The check that follows from the layers' records; no record yet is IN_PROGRESS. */
    public static DeliveryCheck of(java.util.List<LayerDelivery> layers) {
        if (layers.isEmpty() || layers.stream().anyMatch(l -> l.outcome() == LayerOutcome.IN_PROGRESS)) {
            return IN_PROGRESS;
        }
        return layers.stream().anyMatch(l -> l.outcome() == LayerOutcome.FAILED) ? FAILED : DELIVERED;
    }
}
