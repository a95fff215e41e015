package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.account.FieldError;
import com.policyconsole.domain.model.token.ApiToken;
import com.policyconsole.domain.model.token.NewToken;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * API tokens: made only by their own user, who types their password again to make one; shown once, listed, revoked
 * (an admin lists and revokes anyone's), checked.
 */
public interface ApiTokensUseCase {

    /** Longest life of a token. */
    Duration MAX_LIFETIME = Duration.ofDays(365);

    /** What making a token answers: the token, or what is wrong with the request. */
    sealed interface Created {
        record Made(NewToken token) implements Created {
        }

        record Refused(List<FieldError> errors) implements Created {
        }
    }

    /**
     * Makes a token for {@code actor} with {@code roles} (theirs, or fewer) that lives {@code lifetime}, if
     * {@code password} is their password now, their password is their own (not one an admin set), and they hold
     * fewer live tokens than the cap.
     */
    Created create(String actor, String password, String name, List<String> roles, Duration lifetime);

    /** The user's tokens, or every user's for an admin asking with {@code username} null. */
    List<ApiToken> list(String username);

    /** Revokes the token if {@code actor} owns it or is an admin; false otherwise or when it was revoked already. */
    boolean revoke(String actor, boolean actorIsAdmin, long tokenId);

    /** The active token this secret is, with the roles its user still has; empty for anything else. */
    Optional<ApiToken> authenticate(String secret);
}
