package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.validation.Violations;
import java.util.List;

/**
 * A request checked and rendered, not sent.
 *
 * @param violations every error and warning
 * @param rendered the exact request that would be sent, secrets masked
 * @param approvalReasons why it would wait for a second person's approval; empty when it would be sent at once
 */
public record Preview(Violations violations, RenderedRequest rendered, List<String> approvalReasons) {

    public Preview {
        approvalReasons = List.copyOf(approvalReasons);
    }

    /** A preview of a request that needs no approval. */
    public Preview(Violations violations, RenderedRequest rendered) {
        this(violations, rendered, List.of());
    }

    /** Whether the request can be sent (perhaps after acknowledging warnings). */
    public boolean isSendable() {
        return !violations.hasErrors();
    }
}
