package com.policyconsole.adapter.out.http;

import java.util.Map;

/**
 * Authenticates the attempts of one call: gives the headers to add to each attempt (a token, or a fresh AK/SK
 * signature), and may renew cached credentials once after a 401.
 */
public interface CallAuthentication {

    /** No authentication (the IAM token request itself). */
    CallAuthentication NONE = request -> Map.of();

    /**
     * The authentication headers for one attempt of {@code request}.
     *
     * @throws AuthenticationFailure when no credentials can be had; the request is then not sent
     */
    Map<String, String> headers(WireRequest request);

    /**
     * Called after a 401: drops cached credentials and says whether a new attempt with fresh ones makes
     * sense (only for cached IAM tokens).
     */
    default boolean renewAfterUnauthorized() {
        return false;
    }
}
