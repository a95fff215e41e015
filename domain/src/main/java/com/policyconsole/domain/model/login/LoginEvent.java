package com.policyconsole.domain.model.login;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of the login log, each an audit record in the hash chain.
 *
 * @param kind what happened
 * @param at when
 * @param username the user name as typed, lower case and cut to 64 (for a lock or unlock: the account key's), or
 *                 null for an address's lock or unlock
 * @param address the client address (for a lock or unlock of an address: that address), or null
 * @param actor who unlocked, or null
 */
public record LoginEvent(Kind kind, Instant at, String username, String address, String actor) {

    /** What happened. */
    public enum Kind {
        /** The password was right. */
        SUCCEEDED,
        /** The password was wrong, the account unknown or disabled: one answer for all. */
        FAILED,
        /** Refused unchecked: the account or the address must still wait. */
        THROTTLED,
        /** Failures in a row locked an account or an address. */
        LOCKED,
        /** An admin lifted a lock. */
        UNLOCKED
    }

    public LoginEvent {
        Objects.requireNonNull(kind, "'kind' must not be null");
        Objects.requireNonNull(at, "'at' must not be null");
    }
}
