package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.validation.Violations;

/**
 * A request checked and rendered, not sent.
 *
 * @param violations every error and warning
 * @param rendered the exact request that would be sent, secrets masked
 */
public record Preview(Violations violations, RenderedRequest rendered) {

    /** Whether the request can be sent (perhaps after acknowledging warnings). */
    public boolean isSendable() {
        return !violations.hasErrors();
    }
}
