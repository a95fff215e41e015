package com.policyconsole.adapter.out.auth;

import java.util.Optional;

/**
 * Huawei Cloud access key (AK), secret key (SK) and optional temporary security token, with a
 * {@link #toString()} that never reveals the secret key or the token.
 *
 * @param accessKey     the access key id (AK), sent in clear in the {@code Authorization} header
 * @param secretKey     the secret access key (SK), used only as the HMAC key; never printed
 * @param securityToken the security token of temporary credentials, or {@code null} for permanent
 *                      ones (a blank token is treated as absent); never printed
 */
public record AkSkCredentials(String accessKey, String secretKey, String securityToken) {

    private static final String REDACTED = "****";

    /** Validates the keys and normalises a blank security token to {@code null}. */
    public AkSkCredentials {
        requireHeaderSafe("accessKey", accessKey);
        requireHeaderSafe("secretKey", secretKey);
        if (securityToken != null && securityToken.isBlank()) {
            securityToken = null;
        }
        if (securityToken != null && containsLineBreakOrNul(securityToken)) {
            throw new IllegalArgumentException("securityToken must not contain CR, LF or NUL characters");
        }
    }

    /** Permanent credentials, without a security token. */
    public AkSkCredentials(String accessKey, String secretKey) {
        this(accessKey, secretKey, null);
    }

    /** The security token, if these are temporary credentials. */
    public Optional<String> optionalSecurityToken() {
        return Optional.ofNullable(securityToken);
    }

    /** Shows the access key only; the secret key and the security token are redacted. */
    @Override
    public String toString() {
        return "AkSkCredentials[accessKey=" + accessKey
                + ", secretKey=" + REDACTED
                + ", securityToken=" + (securityToken == null ? "<none>" : REDACTED) + "]";
    }

    private static void requireHeaderSafe(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
        if (containsLineBreakOrNul(value)) {
            throw new IllegalArgumentException(name + " must not contain CR, LF or NUL characters");
        }
    }

    private static boolean containsLineBreakOrNul(String value) {
        return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0;
    }
}
