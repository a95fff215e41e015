package com.policyconsole.adapter.out.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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

    private static final LinkedHashSet<String> REMEMBERED = new LinkedHashSet<>();

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
            REMEMBERED.remove(secret);
            REMEMBERED.add(secret);
            while (REMEMBERED.size() > MAX_REMEMBERED) {
                REMEMBERED.remove(REMEMBERED.iterator().next());
            }
        }
    }

    /** The text with every remembered secret and every signature, access key or JSON secret member masked. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<String> secrets;
        synchronized (REMEMBERED) {
            secrets = new ArrayList<>(REMEMBERED);
        }
        // Longest first, so that a secret containing another is masked whole.
        secrets.sort((a, b) -> Integer.compare(b.length(), a.length()));
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        out = SIGNATURE.matcher(out).replaceAll("$1" + MASK);
        out = ACCESS.matcher(out).replaceAll("$1" + MASK);
        return JSON_SECRET_MEMBER.matcher(out).replaceAll("$1" + MASK + "$3");
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
