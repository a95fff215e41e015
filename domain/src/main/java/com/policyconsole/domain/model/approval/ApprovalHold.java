package com.policyconsole.domain.model.approval;

import com.policyconsole.domain.model.history.RenderedRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A submission held for approval: why, by whom, until when, bound to the hash of its exact request; and, once decided,
 * who decided what and why.
 *
 * @param reasons why it needs a second person
 * @param requestedBy the user who asked (without a token's name)
 * @param requestHash {@link #hash(RenderedRequest)} of the request as recorded
 * @param expiresAt when it expires unapproved
 * @param decidedBy who approved or rejected it, or null
 * @param decidedAt when, or null
 * @param decisionReason why, or null
 */
public record ApprovalHold(List<String> reasons, String requestedBy, String requestHash, Instant expiresAt,
                           String decidedBy, Instant decidedAt, String decisionReason) {

    /** Header names that carry credentials (masked, or varying per call): not part of what is approved. */
    private static final Pattern CREDENTIAL_HEADER = Pattern.compile(
            "(?i)authorization|x-auth-token|x-security-token|x-sdk-date|x-sdk-content-sha256");

    public ApprovalHold {
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(requestHash, "'requestHash' must not be null");
        Objects.requireNonNull(expiresAt, "'expiresAt' must not be null");
    }

    /** A new hold, not decided. */
    public static ApprovalHold of(List<String> reasons, String actor, RenderedRequest request, Instant expiresAt) {
        return new ApprovalHold(reasons, userOf(actor), hash(request), expiresAt, null, null, null);
    }

    /**
     * The SHA-256 of what a request does: method, URL, path template and values, query, the headers that are not
     * credentials, and the body. An approval is for exactly this.
     */
    public static String hash(RenderedRequest r) {
        StringBuilder text = new StringBuilder(r.method()).append('\n').append(r.url()).append('\n')
                .append(r.pathTemplate()).append('\n');
        new TreeMap<>(r.pathParameters()).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        new TreeMap<>(r.query()).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Map<String, String> headers = new TreeMap<>();
        r.headers().forEach((k, v) -> {
            if (!CREDENTIAL_HEADER.matcher(k).matches()) {
                headers.put(k.toLowerCase(Locale.ROOT), v);
            }
        });
        headers.forEach((k, v) -> text.append(k).append(':').append(v).append('\n'));
        text.append('\n').append(r.body());
        return sha256(text.toString());
    }

    /** The SHA-256 of {@code text}'s UTF-8 bytes, in hex. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The user of an actor: {@code alice} of {@code alice (token soar)}. */
    public static String userOf(String actor) {
        int space = actor.indexOf(' ');
        return space < 0 ? actor : actor.substring(0, space);
    }
}
