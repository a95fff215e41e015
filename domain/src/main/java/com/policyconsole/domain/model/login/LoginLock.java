package com.policyconsole.domain.model.login;

import java.time.Instant;

/**
 * A key that must wait: locked (after too many failures in a row) or delayed.
 *
 * @param key the account or address
 * @param failures its failures in a row
 * @param until when its next attempt is allowed
 * @param locked whether it is a lock, not a delay
 */
public record LoginLock(LoginKey key, int failures, Instant until, boolean locked) {
}
