package com.policyconsole.domain.model.account;

import java.time.Instant;
import java.util.List;

/** A console user as the rest of the console sees it: never the password hash. */
public record UserAccount(long id, String username, List<String> roles, boolean enabled, Instant createdAt,
        Instant updatedAt) {

    public UserAccount {
        roles = List.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
