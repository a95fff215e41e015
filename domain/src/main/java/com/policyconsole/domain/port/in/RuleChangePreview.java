package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.validation.Violations;
import java.util.List;

/**
 * An operation on a rule checked and rendered, not sent: one request, or two for a delete that must disable the rule
 * first.
 *
 * @param violations every error and warning
 * @param requests the exact requests that would be sent, in order, secrets masked
 * @param approvalReasons why it would wait for a second person's approval; empty when it would be sent at once
 */
public record RuleChangePreview(Violations violations, List<RenderedRequest> requests, List<String> approvalReasons) {

    public RuleChangePreview {
        requests = List.copyOf(requests);
        approvalReasons = List.copyOf(approvalReasons);
    }

    /** A preview of an operation that needs no approval. */
    public RuleChangePreview(Violations violations, List<RenderedRequest> requests) {
        this(violations, requests, List.of());
    }

    /** Whether the operation can be sent (perhaps after acknowledging warnings). */
    public boolean isSendable() {
        return !violations.hasErrors();
    }
}
