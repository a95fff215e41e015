package com.policyconsole.adapter.log;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of logs, outcomes and previews: masks secret header values by name, and replaces every
 * secret value the adapters have used (tokens, keys, passwords) wherever it shows up in a text, plus
 * signature and password patterns as a second line of defence.
 */
public final class Redactor {

    /** What a secret is replaced with. */
    public static final String MASK = "****";

    private static final int MAX_REMEMBERED = 256;
    private static final int MIN_SECRET_LENGTH = 4;
    private static final Set<String> SECRET_HEADERS = Set.of("x-auth-token", "x-security-token", "x-subject-token",
            "authorization", "cookie", "set-cookie");
    private static final Pattern SIGNATURE = Pattern.compile("(?i)(Signature=)[0-9a-f]+");
    private static final Pattern ACCESS = Pattern.compile("(?i)(Access=)[^,\\s]+");
    private static final Pattern JSON_SECRET_MEMBER = Pattern.compile(
            "(?i)(\"(?:password|secret|secret_key|token|security_token|access_key)\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");

    /** {@code password=…}, {@code secret: …}, {@code token=…} as they appear in exception messages and URLs. */
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
            "(?i)\\b((?:password|passwd|secret|secret_key|secretkey|token|access_token|security_token)\\s*[=:]\\s*)"
                    + "(?!\\*\\*\\*\\*)[^\\s,;&\"'<>]+");

    /** Literal texts one of which every {@link #JSON_SECRET_MEMBER} match contains (lower case). */
    private static final String[] JSON_SECRET_WORDS = {"password", "secret", "token", "access_key"};

    /** The remembered secrets, least recently used first (access order); guarded by itself. */
    private static final Map<String, Boolean> REMEMBERED = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    /**
     * The remembered secrets longest first, so that a secret containing another is masked whole: an immutable
     * snapshot, replaced whenever a secret is added or forgotten, so that {@link #redact(String)} takes no lock.
     */
    private static volatile String[] longestFirst = new String[0];

    private Redactor() {
    }

    /**
     * Remembers a secret value so that {@link #redact(String)} masks it from now on. Secrets are remembered again
     * on every use, so the bounded memory (256 values) only ever forgets secrets that are no longer used.
     */
    public static void remember(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            return;
        }
        synchronized (REMEMBERED) {
            // get() marks a known secret as used; only a new secret (which may push out the least recently used
            // one) changes the set, and with it the snapshot.
            if (REMEMBERED.get(secret) == null) {
                REMEMBERED.put(secret, Boolean.TRUE);
                longestFirst = REMEMBERED.keySet().stream()
                        .sorted(Comparator.comparingInt(String::length).reversed())
                        .toArray(String[]::new);
            }
        }
    }

    /**
     * The text with every remembered secret masked, and every signature, access key, JSON secret member and
     * {@code password=}/{@code token:}-style assignment.
     */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : longestFirst) {
            out = out.replace(secret, MASK);
        }
        // The patterns match ASCII letters case-insensitively, so a text whose lower-case form lacks a pattern's
        // literal part cannot match it: the common case (no signature, no key, no secret member) skips the regexes.
        String lower = out.toLowerCase(Locale.ROOT);
        if (lower.contains("signature=")) {
            out = SIGNATURE.matcher(out).replaceAll("$1" + MASK);
        }
        if (lower.contains("access=")) {
            out = ACCESS.matcher(out).replaceAll("$1" + MASK);
        }
        if (containsAny(lower, JSON_SECRET_WORDS)) {
            out = JSON_SECRET_MEMBER.matcher(out).replaceAll("$1" + MASK + "$3");
            out = SECRET_ASSIGNMENT.matcher(out).replaceAll("$1" + MASK);
        }
        return out;
    }

    private static boolean containsAny(String text, String[] words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a header carries a secret ({@code X-Auth-Token}, {@code X-Security-Token}, {@code Authorization}, …). */
    public static boolean isSecretHeader(String name) {
        return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * A header value fit to show: secret headers masked; an AK/SK {@code Authorization} keeps its algorithm and
     * signed header list, so a preview still shows what is signed.
     */
    public static String maskHeader(String name, String value) {
        if (value == null || !isSecretHeader(name)) {
            return value;
        }
        if (name.equalsIgnoreCase("Authorization") && value.startsWith("SDK-HMAC-SHA256 ")) {
            return ACCESS.matcher(SIGNATURE.matcher(value).replaceAll("$1" + MASK)).replaceAll("$1" + MASK);
        }
        return MASK;
    }
}
