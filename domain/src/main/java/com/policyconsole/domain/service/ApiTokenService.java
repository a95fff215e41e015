package com.policyconsole.domain.service;

import com.policyconsole.domain.model.account.FieldError;
import com.policyconsole.domain.model.account.StoredAccount;
import com.policyconsole.domain.model.account.UserAccount;
import com.policyconsole.domain.model.token.ApiToken;
import com.policyconsole.domain.model.token.NewToken;
import com.policyconsole.domain.port.in.ApiTokensUseCase;
import com.policyconsole.domain.port.out.AccountStore;
import com.policyconsole.domain.port.out.ApiTokenStore;
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

    private final ApiTokenStore tokens;
    private final AccountStore accounts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokenService(ApiTokenStore tokens, AccountStore accounts, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "'tokens' must not be null");
        this.accounts = Objects.requireNonNull(accounts, "'accounts' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    @Override
    public Created create(String actor, boolean actorIsAdmin, String username, String name, List<String> roles,
                          Duration lifetime) {
        List<FieldError> errors = new ArrayList<>();
        Optional<UserAccount> user = username == null ? Optional.empty()
                : accounts.findByUsername(username).map(StoredAccount::account);
        if (user.isEmpty() || !user.get().enabled()) {
            errors.add(new FieldError("username", "unknown_user", "there is no enabled user of that name"));
        } else if (!actorIsAdmin && !user.get().username().equalsIgnoreCase(actor)) {
            errors.add(new FieldError("username", "not_yours", "only an admin makes tokens for another user"));
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
        return new Created.Made(new NewToken("pc_" + token.id() + "_" + secretPart, token));
    }

    @Override
    public List<ApiToken> list(String username) {
        if (username == null) {
            return tokens.list(null);
        }
        return accounts.findByUsername(username).map(a -> tokens.list(a.account().id())).orElse(List.of());
    }

    @Override
    public boolean revoke(String actor, boolean actorIsAdmin, long tokenId) {
        Optional<ApiTokenStore.StoredToken> found = tokens.find(tokenId);
        if (found.isEmpty() || !actorIsAdmin && !found.get().token().username().equalsIgnoreCase(actor)) {
            return false;
        }
        return tokens.revoke(tokenId, clock.instant());
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
