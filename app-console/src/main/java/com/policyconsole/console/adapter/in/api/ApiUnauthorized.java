package com.policyconsole.console.adapter.in.api;

import com.policyconsole.console.api.Problem;

import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A call without a valid API token: 401 as {@code application/problem+json} with {@code WWW-Authenticate: Bearer} on
 * {@code /api/*}; elsewhere (a page, which the form login guards before this) the login page.
 */
public class ApiUnauthorized {

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        if (uri == null || !uri.getPath().startsWith("/api/")) {
            return Response.seeOther(URI.create("/login")).build();
        }
        return Response.fromResponse(Problem.of(401, "unauthenticated", "A valid API token is required",
                        "Send Authorization: Bearer <token>; the token must exist, be neither revoked nor expired,"
                                + " and its user enabled. Session cookies are not accepted here.").response())
                .header("WWW-Authenticate", "Bearer realm=\"policy-console\"").build();
    }
}
