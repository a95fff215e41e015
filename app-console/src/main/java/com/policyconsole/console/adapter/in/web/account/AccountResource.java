package com.policyconsole.console.adapter.in.web.account;

import com.policyconsole.domain.model.account.AccountResult;
import com.policyconsole.domain.model.account.FieldError;
import com.policyconsole.domain.model.account.UserAccount;
import com.policyconsole.domain.port.in.AuthenticateUseCase;
import com.policyconsole.console.adapter.in.web.session.SessionEpochCookie;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import com.policyconsole.domain.model.login.AccountActivity;
import com.policyconsole.domain.port.in.LogInUseCase;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The signed-in user's own page: their roles, their login before this one, the failed logins since, and the form to
 * set their own password (the current one required). A user whose password an admin set is sent here until they do.
 */
@Path("/account")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class AccountResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(String user, String roles, AccountActivity activity,
                                               boolean mustChangePassword, boolean passwordChanged,
                                               List<FieldError> errors);
    }

    private final LogInUseCase logins;
    private final ManageAccountsUseCase accounts;
    private final AuthenticateUseCase sessions;
    private final SecurityIdentity identity;
    private final SessionEpochCookie epochCookie;

    public AccountResource(LogInUseCase logins, ManageAccountsUseCase accounts, AuthenticateUseCase sessions,
                           SecurityIdentity identity, SessionEpochCookie epochCookie) {
        this.logins = logins;
        this.accounts = accounts;
        this.sessions = sessions;
        this.identity = identity;
        this.epochCookie = epochCookie;
    }

    @GET
    public TemplateInstance account(@RestQuery("password") String changed) {
        return page("changed".equals(changed), List.of());
    }

    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@RestForm("current_password") String current, @RestForm String password,
                                   @RestForm("password_again") String again, RoutingContext routing) {
        if (password != null && !password.equals(again)) {
            return Response.status(422).entity(page(false, List.of(new FieldError("password_again", "passwords_differ",
                    "The two new passwords differ.")))).build();
        }
        AccountResult result = accounts.changeOwnPassword(user(), current, password);
        if (result instanceof AccountResult.Refused refused) {
            return Response.status(422).entity(page(false, refused.errors())).build();
        }
        // the change ended every session of the user; this one goes on with the new epoch
        epochCookie.issue(routing, user(), sessions.sessionEpoch(user()));
        return Response.seeOther(URI.create("/account?password=changed")).build();
    }

    private TemplateInstance page(boolean changed, List<FieldError> errors) {
        String user = user();
        boolean mustChange = sessions.active(user).map(UserAccount::mustChangePassword).orElse(false);
        return Templates.account(user, String.join(", ", identity.getRoles().stream().sorted().toList()),
                logins.activity(user), mustChange, changed, errors);
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
