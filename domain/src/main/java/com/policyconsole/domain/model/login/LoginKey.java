package com.policyconsole.domain.model.login;

import java.util.Locale;
import java.util.Objects;

/**
 * What failures are counted for: a user name as typed (without regard to case, whether or not such an account
 * exists, so that the answers do not tell), a client address, or a browser that logged in to the account before (its
 * device cookie).
 *
 * @param kind account, address or known device
 * @param value the lower-case user name (at most 64 characters), the address, or the device's digest
 */
public record LoginKey(Kind kind, String value) {

    /** What a key counts failures for. */
    public enum Kind {
        ACCOUNT, ADDRESS, DEVICE
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

    /**
     * A browser that logged in to {@code username} before, by the ID its device cookie carries: its failures are its
     * own, so that a stranger's failures for the name do not lock the owner out of a browser they use (OWASP, "Slow
     * Down Online Guessing Attacks with Device Cookies").
     */
    public static LoginKey device(String username, String deviceId) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest((account(username).value() + "|"
                    + Objects.requireNonNull(deviceId, "'deviceId' must not be null"))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new LoginKey(Kind.DEVICE, java.util.HexFormat.of().formatHex(digest));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static LoginKey address(String address) {
        String a = address == null || address.isBlank() ? "unknown" : address.strip();
        return new LoginKey(Kind.ADDRESS, a.length() > MAX_LENGTH ? a.substring(0, MAX_LENGTH) : a);
    }
}
