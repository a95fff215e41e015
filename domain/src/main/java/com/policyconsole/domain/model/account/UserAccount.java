package com.policyconsole.domain.model.account;

import java.time.Instant;
import java.util.List;

/**
 * A console user as the rest of the console sees it: never the password hash.
 *
 * @param setByOtherAt when someone other than the user last set their password or roles (or created the account);
 *                     null when nobody else ever did
 * @param changedBy who made the last change, or null
 * @param mustChangePassword whether the password was set by someone else and the user has not set their own since
 */
public record UserAccount(long id, String username, List<String> roles, boolean enabled, Instant createdAt,
        Instant updatedAt, Instant setByOtherAt, String changedBy, boolean mustChangePassword) {

    public UserAccount {
        roles = List.copyOf(roles);
    }

    /** An account that nobody but its user ever changed. */
    public UserAccount(long id, String username, List<String> roles, boolean enabled, Instant createdAt,
                       Instant updatedAt) {
        this(id, username, roles, enabled, createdAt, updatedAt, null, null, false);
    }

    /** Whether {@code actor} (a user name, any case) is this account's own user. */
    public boolean isSelf(String actor) {
        return actor != null && username.equalsIgnoreCase(actor);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
