package com.policyconsole.domain.model.token;

import java.time.Instant;
import java.util.List;

/**
 * An API token as the console keeps it: never the secret, only a hash of it.
 *
 * @param id its number, part of the token's text
 * @param userId the user it acts for
 * @param username that user's name
 * @param name what the user called it (e.g. {@code soar-playbook}), shown in the history beside the user
 * @param roles the roles it carries: the user's or fewer
 * @param createdAt when it was made
 * @param createdBy who made it (the user, or an admin)
 * @param expiresAt when it stops working
 * @param lastUsedAt when it was last accepted, or null
 * @param revokedAt when it was revoked, or null
 */
public record ApiToken(long id, long userId, String username, String name, List<String> roles, Instant createdAt,
                       String createdBy, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

    public ApiToken {
        roles = List.copyOf(roles);
    }

    /** Whether it is accepted at {@code now}. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** The actor the history records for calls made with it: the user and the token's name. */
    public String actor() {
        return username + " (token " + name + ")";
    }
}
