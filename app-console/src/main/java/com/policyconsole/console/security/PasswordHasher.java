package com.policyconsole.console.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.security.SecureRandom;

/**
 * Bcrypt hashing and verification (Elytron's implementation, Modular Crypt format {@code $2a$12$…}). Verifying
 * against a made-up hash when there is no user keeps the time of a failed login about the same for unknown
 * and known user names.
 */
public final class PasswordHasher {

    /** Bcrypt's cost: 2^12 rounds, about a quarter of a second on one core. */
    static final int COST = 12;

    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHasher() {
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    /** Whether {@code password} is the one {@code hash} was made from; false for a malformed hash. */
    public static boolean matches(String password, String hash) {
        try {
            return BcryptUtil.matches(password, hash);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Spends the time of one verification, for a login attempt whose user does not exist. */
    static void verifyAgainstNobody(String password) {
        matches(password, DummyHash.VALUE);
    }

    /** A random password of {@code length} letters and digits, without look-alikes such as 0/O and 1/l/I. */
    static String randomPassword(int length) {
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    private static final class DummyHash {
        static final String VALUE = hash(randomPassword(20));
    }
}
