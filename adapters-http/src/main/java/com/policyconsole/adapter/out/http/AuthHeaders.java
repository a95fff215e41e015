package com.policyconsole.adapter.out.http;

import jakarta.ws.rs.HeaderParam;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The authentication headers of one attempt, as a {@code @BeanParam} of the REST client methods: a
 * {@code null} value is not sent. Which are set depends on the mode: {@code X-Auth-Token} (token, IAM), or
 * {@code X-Project-Id}/{@code X-Domain-Id}, {@code X-Sdk-Date}, {@code Authorization} and, for temporary
 * credentials, {@code X-Security-Token} (AK/SK).
 */
public final class AuthHeaders {

    static final Set<String> NAMES = Set.of("X-Auth-Token", "X-Security-Token", "X-Project-Id", "X-Domain-Id",
            "X-Sdk-Date", "Authorization");

    private final Map<String, String> values;

    private AuthHeaders(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Picks the authentication headers out of an attempt's complete header set.
     *
     * @param sentOtherwise the names the client method sends by other means (e.g. {@code content-type},
     *                      {@code x-secmaster-version})
     * @throws IllegalStateException if the set holds a header that would silently not be sent
     */
    public static AuthHeaders from(Map<String, String> headers, Set<String> sentOtherwise) {
        Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.putAll(headers);
        Map<String, String> known = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        NAMES.forEach(n -> known.put(n, n));
        sentOtherwise.forEach(n -> known.put(n, n));
        for (String name : values.keySet()) {
            if (!known.containsKey(name)) {
                throw new IllegalStateException("header " + name + " has no parameter in the REST client and would not be sent");
            }
        }
        return new AuthHeaders(values);
    }

    @HeaderParam("X-Auth-Token")
    public String getAuthToken() {
        return values.get("X-Auth-Token");
    }

    @HeaderParam("X-Security-Token")
    public String getSecurityToken() {
        return values.get("X-Security-Token");
    }

    @HeaderParam("X-Project-Id")
    public String getProjectId() {
        return values.get("X-Project-Id");
    }

    @HeaderParam("X-Domain-Id")
    public String getDomainId() {
        return values.get("X-Domain-Id");
    }

    @HeaderParam("X-Sdk-Date")
    public String getSdkDate() {
        return values.get("X-Sdk-Date");
    }

    @HeaderParam("Authorization")
    public String getAuthorization() {
        return values.get("Authorization");
    }

    /** Header names only. */
    @Override
    public String toString() {
        return "AuthHeaders" + values.keySet();
    }
}
