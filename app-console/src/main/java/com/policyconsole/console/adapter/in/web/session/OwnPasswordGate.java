package com.policyconsole.console.adapter.in.web.session;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A user whose password an admin set sees only their account page until they set their own: every other page answers
 * 303 to {@code /account}, so the admin who knows the password cannot act as them meanwhile. (The API needs a token,
 * which only the user makes, with their own password.)
 */
public class OwnPasswordGate {

    /** What such a user may still reach: the page where they set it, and logging out. */
    private static final Set<String> OPEN = Set.of("/account", "/account/password", "/logout", "/login");

    private final SecurityIdentity identity;

    public OwnPasswordGate(SecurityIdentity identity) {
        this.identity = identity;
    }

    @ServerRequestFilter
    public Optional<Response> gate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (identity.isAnonymous() || OPEN.contains(path) || path.startsWith("/sandbox/") || path.startsWith("/api/")) {
            return Optional.empty();
        }
        // read with the account when the session or token was restored: no second look-up
        if (!Boolean.TRUE.equals(identity.getAttribute(Identities.MUST_CHANGE_PASSWORD))) {
            return Optional.empty();
        }
        return Optional.of(Response.seeOther(URI.create("/account")).build());
    }
}
