package com.policyconsole.console.adapter.in.web.session;

import com.policyconsole.domain.port.in.AuthenticateUseCase;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.logging.Logger;

/**
 * {@code POST /logout} (the form in the page header, CSRF-checked like every form): ends every session of the user
 * (their session epoch advances), drops the session cookies and goes to the login page.
 */
@Path("/logout")
public class LogoutResource {

    private static final Logger LOG = Logger.getLogger(LogoutResource.class);

    private final SecurityIdentity identity;
    private final SessionCookie cookie;
    private final SessionEpochCookie epochCookie;
    private final AuthenticateUseCase accounts;

    public LogoutResource(SecurityIdentity identity, SessionCookie cookie, SessionEpochCookie epochCookie,
                          AuthenticateUseCase accounts) {
        this.identity = identity;
        this.cookie = cookie;
        this.epochCookie = epochCookie;
        this.accounts = accounts;
    }

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response logout(RoutingContext routing) {
        cookie.clear(routing);
        epochCookie.clear(routing);
        if (!identity.isAnonymous()) {
            // every session of the user ends, on every console: a copied cookie is worth nothing after a logout
            accounts.endSessions(identity.getPrincipal().getName());
            LOG.infof("User '%s' logged out; their sessions ended", identity.getPrincipal().getName());
        }
        return Response.seeOther(URI.create("/login")).build();
    }
}
