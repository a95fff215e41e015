package com.policyconsole.domain.model.login;

import java.util.Locale;
import java.util.Objects;

/**
 * What failures are counted for: a user name as typed (without regard to case, whether or not such an account
 * exists, so that the answers do not tell) or a client address.
 *
 * @param kind account or address
 * @param value the lower-case user name (at most 64 characters), or the address
 */
public record LoginKey(Kind kind, String value) {

    /** What a key counts failures for. */
    public enum Kind {
        ACCOUNT, ADDRESS
    }

    /** The longest value kept. */
    public static final int MAX_LENGTH = 64;

    public LoginKey {
        Objects.requireNonNull(kind, "'kind' must not be null");
        Objects.requireNonNull(value, "'value' must not be null");
    }

    public static LoginKey account(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return new LoginKey(Kind.ACCOUNT, name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name);
    }

    public static LoginKey address(String address) {
        String a = address == null || address.isBlank() ? "unknown" : address.strip();
        return new LoginKey(Kind.ADDRESS, a.length() > MAX_LENGTH ? a.substring(0, MAX_LENGTH) : a);
    }
}
