package com.policyconsole.console.adapter.in.web.account;

import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.login.LoginKey;
import com.policyconsole.domain.model.login.LoginLock;
import com.policyconsole.domain.port.in.LoginLocksUseCase;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** The accounts and client addresses that must wait after failed logins, and an admin's unlock of one. */
@Path("/admin/logins")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class LoginLocksResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance locks(List<LoginLock> locks, String notice);
    }

    private final LoginLocksUseCase locks;
    private final SecurityIdentity identity;

    public LoginLocksResource(LoginLocksUseCase locks, SecurityIdentity identity) {
        this.locks = locks;
        this.identity = identity;
    }

    @GET
    public TemplateInstance list(@RestQuery String unlocked) {
        String notice = unlocked == null || unlocked.isBlank() ? null
                : "Unlocked " + (unlocked.length() > 80 ? unlocked.substring(0, 80) : unlocked) + ".";
        return Templates.locks(locks.waiting(), notice);
    }

    @POST
    @Path("/unlock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unlock(@RestForm String kind, @RestForm String key) {
        LoginKey.Kind parsed;
        try {
            parsed = LoginKey.Kind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Response.status(422).entity(Templates.locks(locks.waiting(),
                    "Choose what to unlock: an account or an address.")).build();
        }
        if (key == null || key.isBlank() || key.length() > LoginKey.MAX_LENGTH) {
            return Response.status(422).entity(Templates.locks(locks.waiting(),
                    "Name the account or address to unlock (at most " + LoginKey.MAX_LENGTH + " characters).")).build();
        }
        LoginKey target = parsed == LoginKey.Kind.ACCOUNT ? LoginKey.account(key)
                : parsed == LoginKey.Kind.DEVICE ? new LoginKey(LoginKey.Kind.DEVICE, key) : LoginKey.address(key);
        locks.unlock(identity.getPrincipal().getName(), target);
        return Response.seeOther(URI.create("/admin/logins?unlocked="
                + java.net.URLEncoder.encode(target.value(), java.nio.charset.StandardCharsets.UTF_8))).build();
    }
}
