package com.policyconsole.console.adapter.in.web.account;

import com.policyconsole.domain.model.account.FieldError;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.token.ApiToken;
import com.policyconsole.domain.model.token.NewToken;
import com.policyconsole.domain.port.in.ApiTokensUseCase;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * API tokens: a user makes tokens for themself only, typing their password again (their roles or fewer, an expiry),
 * sees each secret once, lists and revokes them; an admin sees and revokes every user's tokens but makes none for
 * another user — a token made by someone else would let them act, and approve, in that user's name.
 */
@Path("/account/tokens")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ApiTokensResource {

    /** The lifetime offered when none is chosen. */
    static final int DEFAULT_DAYS = 90;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tokens(String user, boolean admin, List<String> roles, List<ApiToken> tokens,
                                              NewToken created, List<FieldError> errors, java.time.Instant now);
    }

    private final ApiTokensUseCase tokens;
    private final SecurityIdentity identity;
    private final Clock clock;

    public ApiTokensResource(ApiTokensUseCase tokens, SecurityIdentity identity, Clock clock) {
        this.tokens = tokens;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    public TemplateInstance list() {
        return page(null, List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String password, @RestForm String name, @RestForm("role") List<String> roles,
                           @RestForm("expires_in_days") String days) {
        Duration lifetime = days != null && days.strip().matches("[0-9]{1,4}")
                ? Duration.ofDays(Integer.parseInt(days.strip())) : null;
        ApiTokensUseCase.Created created = tokens.create(user(), password, name == null ? null : name.strip(),
                roles, lifetime);
        if (created instanceof ApiTokensUseCase.Created.Made made) {
            return Response.ok(page(made.token(), List.of())).build();
        }
        return Response.status(422).entity(page(null, ((ApiTokensUseCase.Created.Refused) created).errors())).build();
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") String id) {
        if (!id.matches("[0-9]{1,18}") || !tokens.revoke(user(), admin(), Long.parseLong(id))) {
            return Response.status(404).entity(page(null, List.of(new FieldError("token", "not_found",
                    "There is no active token " + (id.length() > 20 ? id.substring(0, 20) : id) + " of yours.")))).build();
        }
        return Response.seeOther(URI.create("/account/tokens")).build();
    }

    private TemplateInstance page(NewToken created, List<FieldError> errors) {
        List<String> roles = Roles.ALL.stream().filter(identity::hasRole).toList();
        return Templates.tokens(user(), admin(), roles, tokens.list(admin() ? null : user()), created, errors,
                clock.instant());
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    private boolean admin() {
        return identity.hasRole(Roles.ADMIN);
    }
}
