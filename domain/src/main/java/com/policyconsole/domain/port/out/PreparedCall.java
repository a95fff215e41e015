package com.policyconsole.domain.port.out;

import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.RenderedRequest;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A cloud request prepared once by its gateway: the form the preview shows and the history records, and the call
 * that sends exactly that request.
 *
 * @param rendered the request as it goes on the wire, secrets masked
 * @param sender sends it; never throws for cloud or network failures, which come back as outcomes
 */
public record PreparedCall(RenderedRequest rendered, Supplier<CloudOutcome> sender) {

    public PreparedCall {
        Objects.requireNonNull(rendered, "'rendered' must not be null");
        Objects.requireNonNull(sender, "'sender' must not be null");
    }

    /** Sends the request. */
    public CloudOutcome send() {
        return sender.get();
    }
}
