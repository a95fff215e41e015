package com.policyconsole.console.adapter.in.web.session;

import com.policyconsole.domain.model.account.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A logged-in user without the role a page needs ({@code @RolesAllowed}) gets 403 with a short page saying so,
 * never a stack trace. (Anonymous users never get here: form authentication sends them to the login page.)
 */
public class ForbiddenPage {

    private final SecurityIdentity identity;

    public ForbiddenPage(SecurityIdentity identity) {
        this.identity = identity;
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, jakarta.ws.rs.core.UriInfo uri) {
        if (uri != null && uri.getPath().startsWith("/api/")) {
            return com.policyconsole.console.api.Problem.of(403, "forbidden", "Not allowed",
                    "This token's roles do not allow this operation.").response();
        }
        String user = identity.isAnonymous() ? "nobody" : identity.getPrincipal().getName();
        String roles = Roles.ALL.stream().filter(identity::hasRole).collect(Collectors.joining(", "));
        return Response.status(Response.Status.FORBIDDEN)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(LoginResource.Templates.forbidden(user, roles))
                .build();
    }
}
