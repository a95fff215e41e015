package com.policyconsole.domain.port.out;

import com.policyconsole.domain.model.token.ApiToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where API tokens are kept, each with the SHA-256 hash of its secret, never the secret. */
public interface ApiTokenStore {

    /** Stores a new token; its ID is chosen by the store. */
    ApiToken insert(long userId, String name, List<String> roles, String secretHash, Instant createdAt,
                    String createdBy, Instant expiresAt);

    /** The token with this ID and the hash of its secret. */
    Optional<StoredToken> find(long id);

    /** The user's tokens (all users' when {@code userId} is null), newest first. */
    List<ApiToken> list(Long userId);

    /** Marks the token used at {@code at} (at most once a minute is enough). */
    void used(long id, Instant at);

    /** Revokes the token; false when it was revoked already or does not exist. */
    boolean revoke(long id, Instant at);

    /**
     * A token with its secret's hash and its user as the accounts hold it now (read with it, in one query).
     *
     * @param token the token
     * @param secretHash lower-case hex SHA-256 of its secret
     * @param userEnabled whether its user may log in
     * @param userRoles its user's roles
     */
    record StoredToken(ApiToken token, String secretHash, boolean userEnabled, List<String> userRoles) {
        public StoredToken {
            userRoles = List.copyOf(userRoles);
        }
    }
}
