package com.policyconsole.domain.model.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A security-relevant act that is not a row of its own elsewhere, kept as a record of the audit chain: who did what
 * to which subject, and the detail a reader needs (never a secret).
 *
 * @param at when
 * @param actor who (a user, with the token's name when through the API; or the console itself)
 * @param kind what
 * @param subject what it was done to (a token's ID, a job's number, a console's instance), or null
 * @param detail what else a reader of the trail needs, in one line
 */
public record SecurityAct(Instant at, String actor, Kind kind, String subject, String detail) {

    /** The kinds of act, as the audit chain names them. */
    public enum Kind {
        TOKEN_CREATED, TOKEN_REVOKED, JOB_CANCELLED, JOB_WITHDRAWN, JOB_RETRIED, APPROVAL_SETTINGS
    }

    public SecurityAct {
        Objects.requireNonNull(at, "'at' must not be null");
        Objects.requireNonNull(actor, "'actor' must not be null");
        Objects.requireNonNull(kind, "'kind' must not be null");
        detail = detail == null ? "" : detail;
    }
}
