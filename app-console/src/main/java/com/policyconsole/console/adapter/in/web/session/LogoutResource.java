package com.policyconsole.console.adapter.in.web.session;

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
 * {@code POST /logout} (the form in the page header, CSRF-checked like every form): drops the session cookie
 * and goes to the login page.
 */
@Path("/logout")
public class LogoutResource {

    private static final Logger LOG = Logger.getLogger(LogoutResource.class);

    private final SecurityIdentity identity;
    private final SessionCookie cookie;

    public LogoutResource(SecurityIdentity identity, SessionCookie cookie) {
        this.identity = identity;
        this.cookie = cookie;
    }

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response logout(RoutingContext routing) {
        cookie.clear(routing);
        if (!identity.isAnonymous()) {
            LOG.infof("User '%s' logged out", identity.getPrincipal().getName());
        }
        return Response.seeOther(URI.create("/login")).build();
    }
}
