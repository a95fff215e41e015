package com.policyconsole.domain.model.history;

import java.util.Objects;

/**
 * One entry with the request as it was sent (secrets masked) and the answer.
 *
 * @param entry the entry
 * @param request the request as sent, as a structure
 * @param responseBody the answer's body, null when none arrived
 * @param resolvedBy the succeeded retry that completed this entry's delivery, or null
 */
public record HistoryDetail(HistoryEntry entry, RenderedRequest request, String responseBody, Long resolvedBy) {

    public HistoryDetail {
        Objects.requireNonNull(entry, "'entry' must not be null");
        Objects.requireNonNull(request, "'request' must not be null");
    }

    /** Whether a retry may be started from this entry: a failed or unknown create that no retry completed yet. */
    public boolean isRetryable() {
        return entry.isRetryable() && resolvedBy == null;
    }
}
