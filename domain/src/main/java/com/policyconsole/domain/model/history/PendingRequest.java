package com.policyconsole.domain.model.history;

import java.time.Instant;
import java.util.Objects;

/**
 * What the history records before the cloud is called.
 *
 * @param actor who submits
 * @param requestedAt when
 * @param request the validated request
 * @param rendered the request as it goes on the wire, secrets masked
 * @param retryOf the history entry this request retries, or null
 */
public record PendingRequest(String actor, Instant requestedAt, SubmittedRequest request, RenderedRequest rendered,
                             Long retryOf) {

    public PendingRequest {
        Objects.requireNonNull(actor, "'actor' must not be null");
        Objects.requireNonNull(requestedAt, "'requestedAt' must not be null");
        Objects.requireNonNull(request, "'request' must not be null");
        Objects.requireNonNull(rendered, "'rendered' must not be null");
    }
}
