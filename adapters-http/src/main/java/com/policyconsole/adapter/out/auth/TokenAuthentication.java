package com.policyconsole.adapter.out.auth;

import com.policyconsole.adapter.log.Redactor;
import com.policyconsole.adapter.out.http.CallAuthentication;
import com.policyconsole.adapter.out.http.WireRequest;
import java.util.Map;
import java.util.Objects;

/** Mode {@code token}: every call carries the configured token as {@code X-Auth-Token}, whatever its scope. */
public final class TokenAuthentication implements Authentication {

    /** The token header. */
    public static final String HEADER = "X-Auth-Token";

    private final Secret token;

    public TokenAuthentication(Secret token) {
        this.token = Objects.requireNonNull(token, "'token' must not be null");
    }

    @Override
    public CallAuthentication forScope(AuthScope scope) {
        return request -> Map.of(HEADER, token.reveal());
    }

    @Override
    public Map<String, String> preview(WireRequest request, AuthScope scope) {
        return Map.of(HEADER, Redactor.MASK);
    }

    @Override
    public String toString() {
        return "TokenAuthentication[" + token + "]";
    }
}
