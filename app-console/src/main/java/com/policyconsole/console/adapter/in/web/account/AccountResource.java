package com.policyconsole.console.adapter.in.web.account;

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

/** The signed-in user's own page: their roles, their login before this one, and the failed logins since. */
@Path("/account")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class AccountResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(String user, String roles, AccountActivity activity);
    }

    private final LogInUseCase logins;
    private final SecurityIdentity identity;

    public AccountResource(LogInUseCase logins, SecurityIdentity identity) {
        this.logins = logins;
        this.identity = identity;
    }

    @GET
    public TemplateInstance account() {
        String user = identity.getPrincipal().getName();
        return Templates.account(user, String.join(", ", identity.getRoles().stream().sorted().toList()),
                logins.activity(user));
    }
}
