package com.policyconsole.domain.model.lifecycle;

import java.util.Locale;
import java.util.Set;

/** Where one layer's delivery stands: delivered, failed (to retry), or still in progress. */
public enum LayerOutcome {
    DELIVERED,
    FAILED,
    IN_PROGRESS;

    private static final Set<String> DELIVERED_STATUSES = Set.of("SUCCESS", "SUCCEEDED", "SUCCESSFUL", "DONE",
            "FINISHED", "COMPLETED", "BLOCKED", "UNBLOCKED", "EFFECTIVE");

    /**
     * The outcome of a reported status. SecMaster publishes no list of {@code defense_block_status} values: a status
     * naming a failure (or a failure description) is FAILED, a status naming success is DELIVERED, any other status
     * (waiting, running, unknown) is IN_PROGRESS, so that it is read again rather than taken as final.
     */
    public static LayerOutcome of(String status, String failure) {
        String s = status == null ? "" : status.strip().toUpperCase(Locale.ROOT);
        if (s.contains("FAIL") || s.contains("ERROR")) {
            return FAILED;
        }
        if (DELIVERED_STATUSES.contains(s)) {
            return DELIVERED;
        }
        return failure != null && !failure.isBlank() && !s.isEmpty() && !s.contains("ING") ? FAILED : IN_PROGRESS;
    }
}
