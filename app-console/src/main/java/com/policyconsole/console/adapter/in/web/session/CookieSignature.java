package com.policyconsole.console.adapter.in.web.session;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures of the console's own cookies, each use with a key of its own derived from the session key,
 * so that a value signed for one cookie is worth nothing in another.
 */
final class CookieSignature {

    private final SecretKeySpec key;

    /** A signer for {@code purpose} (e.g. "device"), keyed from {@code sessionKey}. */
    CookieSignature(String purpose, String sessionKey) {
        try {
            byte[] derived = MessageDigest.getInstance("SHA-256")
                    .digest((purpose + "|" + sessionKey).getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(derived, "HmacSHA256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The signature of {@code text}, URL-safe Base64. */
    String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code signature} is that of {@code text}, compared in constant time. */
    boolean verifies(String text, String signature) {
        return MessageDigest.isEqual(sign(text).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
