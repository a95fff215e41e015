package com.policyconsole.console.reliability;

import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secrets this test run made up — passwords of the users it created, session cookies, CSRF tokens — kept
 * in memory (never written anywhere) for {@link SecretsLeakTest}, which runs last in the same JVM.
 */
final class RunSecrets {

    private static final Set<SecretScanner.Secret> SECRETS = ConcurrentHashMap.newKeySet();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private RunSecrets() {
    }

    /** A password made up for this run only (remembered once a session logs in with it). */
    static String newPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    /** Remembers {@code value} under {@code name}; values too short to scan for are left out. */
    static void remember(String name, String value) {
        if (value != null && value.length() >= SecretScanner.MIN_LENGTH) {
            SECRETS.add(new SecretScanner.Secret(name, value));
        }
    }

    static List<SecretScanner.Secret> all() {
        return List.copyOf(SECRETS);
    }
}
