package com.policyconsole.domain.service;

import com.policyconsole.domain.model.account.FieldError;
import com.policyconsole.domain.model.account.UserAccount;
import com.policyconsole.domain.model.token.ApiToken;
import com.policyconsole.domain.model.token.NewToken;
import com.policyconsole.domain.port.in.ApiTokensUseCase;
import com.policyconsole.domain.model.audit.SecurityAct;
import com.policyconsole.domain.port.in.AuthenticateUseCase;
import com.policyconsole.domain.port.out.ApiTokenStore;
import com.policyconsole.domain.port.out.SecurityActs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API tokens. A token's text is {@code pc_<id>_<43 random URL-safe characters>} (256 random bits); the console keeps
 * only the SHA-256 of it, compares hashes in constant time, and accepts a token only while it is neither revoked nor
 * expired and its user is enabled — with the roles the token was given that the user still has.
 */
public final class ApiTokenService implements ApiTokensUseCase {

    /** What a token's text looks like. */
    private static final Pattern TEXT = Pattern.compile("pc_([0-9]{1,18})_([A-Za-z0-9_-]{43})");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** A token's last use is written at most this often. */
    private static final Duration USE_GRANULARITY = Duration.ofMinutes(1);

    /** Live tokens a user may hold at once by default. */
    public static final int DEFAULT_LIVE_TOKENS = 10;

    private final ApiTokenStore tokens;
    private final AuthenticateUseCase passwords;
    private final SecurityActs acts;
    private final int maxLiveTokens;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param passwords checks the password a user types to make a token
     * @param acts where making and revoking a token are recorded
     * @param maxLiveTokens how many unrevoked, unexpired tokens a user may hold at once
     */
    public ApiTokenService(ApiTokenStore tokens, AuthenticateUseCase passwords, SecurityActs acts, int maxLiveTokens,
                           Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "'tokens' must not be null");
        this.passwords = Objects.requireNonNull(passwords, "'passwords' must not be null");
        this.acts = Objects.requireNonNull(acts, "'acts' must not be null");
        if (maxLiveTokens < 1) {
            throw new IllegalArgumentException("a user may hold at least one token, got " + maxLiveTokens);
        }
        this.maxLiveTokens = maxLiveTokens;
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    @Override
    public Created create(String actor, String password, String name, List<String> roles, Duration lifetime) {
        List<FieldError> errors = new ArrayList<>();
        Optional<UserAccount> user = actor == null ? Optional.empty() : passwords.authenticate(actor, password);
        if (user.isEmpty()) {
            errors.add(new FieldError("password", "wrong_password", "type your current password to make a token"));
        } else if (user.get().mustChangePassword()) {
            errors.add(new FieldError("password", "password_not_yours", "your password was set by "
                    + (user.get().changedBy() == null ? "an admin" : user.get().changedBy())
                    + ": set your own on /account first"));
        } else if (tokens.list(user.get().id()).stream().filter(t -> t.activeAt(clock.instant())).count()
                >= maxLiveTokens) {
            errors.add(new FieldError("name", "too_many_tokens", "you hold " + maxLiveTokens
                    + " live tokens, the most allowed: revoke one first"));
        }
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(new FieldError("name", "bad_name", "name the token: 1 to 64 letters, digits, '.', '_' and '-'"));
        }
        List<String> chosen = roles == null ? List.of() : roles.stream().distinct().sorted().toList();
        if (chosen.isEmpty()) {
            errors.add(new FieldError("roles", "no_roles", "give the token at least one role"));
        } else if (user.isPresent() && !user.get().roles().containsAll(chosen)) {
            errors.add(new FieldError("roles", "more_than_the_user", "a token carries the user's roles or fewer ("
                    + String.join(", ", user.get().roles()) + ")"));
        }
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            errors.add(new FieldError("expires_in_days", "bad_lifetime", "a token lives 1 to "
                    + MAX_LIFETIME.toDays() + " days"));
        }
        if (!errors.isEmpty()) {
            return new Created.Refused(errors);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secretPart = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        // the ID is part of the text, so the hash covers the secret part alone and the text is made after the insert
        ApiToken token = tokens.insert(user.get().id(), name, chosen, sha256(secretPart), now, actor, now.plus(lifetime));
        acts.record(new SecurityAct(now, actor, SecurityAct.Kind.TOKEN_CREATED, Long.toString(token.id()),
                "token '" + name + "' of " + token.username() + " with roles " + String.join(",", chosen)
                        + ", expires " + token.expiresAt()));
        return new Created.Made(new NewToken("pc_" + token.id() + "_" + secretPart, token));
    }

    @Override
    public List<ApiToken> list(String username) {
        if (username == null) {
            return tokens.list(null);
        }
        return passwords.active(username).map(a -> tokens.list(a.id()))
                .orElseGet(() -> tokens.list(null).stream().filter(t -> t.username().equalsIgnoreCase(username)).toList());
    }

    @Override
    public boolean revoke(String actor, boolean actorIsAdmin, long tokenId) {
        Optional<ApiTokenStore.StoredToken> found = tokens.find(tokenId);
        if (found.isEmpty() || !actorIsAdmin && !found.get().token().username().equalsIgnoreCase(actor)) {
            return false;
        }
        Instant now = clock.instant();
        boolean revoked = tokens.revoke(tokenId, now);
        if (revoked) {
            ApiToken token = found.get().token();
            acts.record(new SecurityAct(now, actor, SecurityAct.Kind.TOKEN_REVOKED, Long.toString(tokenId),
                    "token '" + token.name() + "' of " + token.username()));
        }
        return revoked;
    }

    @Override
    public Optional<ApiToken> authenticate(String secret) {
        Matcher m = secret == null ? null : TEXT.matcher(secret);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        Optional<ApiTokenStore.StoredToken> stored = tokens.find(Long.parseLong(m.group(1)));
        String offered = sha256(m.group(2));
        if (stored.isEmpty() || !MessageDigest.isEqual(offered.getBytes(StandardCharsets.US_ASCII),
                stored.get().secretHash().getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        ApiToken token = stored.get().token();
        Instant now = clock.instant();
        if (!token.activeAt(now)) {
            return Optional.empty();
        }
        if (!stored.get().userEnabled()) {
            return Optional.empty();
        }
        if (token.lastUsedAt() == null || token.lastUsedAt().plus(USE_GRANULARITY).isBefore(now)) {
            tokens.used(token.id(), now);
        }
        List<String> still = token.roles().stream().filter(stored.get().userRoles()::contains).toList();
        return Optional.of(new ApiToken(token.id(), token.userId(), token.username(), token.name(), still,
                token.createdAt(), token.createdBy(), token.expiresAt(), now, token.revokedAt()));
    }

    /** Lower-case hex SHA-256 of the text. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
