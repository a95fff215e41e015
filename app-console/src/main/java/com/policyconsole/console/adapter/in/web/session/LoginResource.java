package com.policyconsole.console.adapter.in.web.session;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * The login page. The form posts to {@code /j_security_check}, where Quarkus form authentication checks it and
 * redirects to the page asked for (or {@code /}), or back here with {@code ?error}. Works without JavaScript.
 */
@Path("/login")
public class LoginResource {

    /** The login page, and the page shown when a logged-in user lacks the role a page needs. */
    @CheckedTemplate
    public static class Templates {

        public static native TemplateInstance login(boolean failed);

        public static native TemplateInstance forbidden(String user, String roles);

        private Templates() {
        }
    }

    private final SecurityIdentity identity;

    public LoginResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response login(@Context UriInfo uri) {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create("/")).build();
        }
        boolean failed = uri.getQueryParameters().containsKey("error");
        return Response.ok(Templates.login(failed)).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
