package com.policyconsole.console.adapter.in.web.admin;

import com.policyconsole.domain.model.account.AccountResult;
import com.policyconsole.domain.model.account.FieldError;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.account.UserAccount;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import com.policyconsole.domain.validation.AccountRules;
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
import jakarta.ws.rs.core.UriBuilder;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Admin › Users: list the accounts; create one; set a password; change roles; enable or disable. Each change is
 * a CSRF-checked form POST that redirects back with a notice (post/redirect/get), or shows the page again with
 * 422 and the refused fields marked. Admins only.
 */
@Path("/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminUsersResource {

    static final int UNPROCESSABLE = 422;

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final Map<String, String> NOTICES = Map.of(
            "created", "User %s created.",
            "password", "Password of %s set.",
            "roles", "Roles of %s saved.",
            "enabled", "User %s enabled.",
            "disabled", "User %s disabled: their sessions end at their next request.");

    /** The admin pages. */
    @CheckedTemplate
    static class Templates {

        static native TemplateInstance index();

        static native TemplateInstance users(UsersPage page);

        private Templates() {
        }
    }

    /** The findings of one form, by field. */
    public record Errors(List<FieldError> all) {

        static final Errors NONE = new Errors(List.of());

        public List<FieldError> on(String field) {
            return all.stream().filter(e -> e.field().equals(field)).toList();
        }

        public boolean has(String field) {
            return all.stream().anyMatch(e -> e.field().equals(field));
        }

        public boolean any() {
            return !all.isEmpty();
        }
    }

    /** A role checkbox. */
    public record RoleChoice(String name, boolean checked) {

        static List<RoleChoice> of(List<String> checked) {
            return Roles.ALL.stream().map(r -> new RoleChoice(r, checked.contains(r))).toList();
        }
    }

    /** One account in the list, with its forms. {@code self} is the admin looking at the page. */
    public record UserRow(long id, String username, boolean enabled, boolean self, String created,
            List<RoleChoice> roles, Errors errors) {
    }

    /** The "New user" form as typed (never the password). */
    public record CreateForm(String username, List<RoleChoice> roles, Errors errors) {
    }

    public record UsersPage(List<UserRow> rows, CreateForm create, String notice, int passwordMinLength) {
    }

    private final ManageAccountsUseCase accounts;
    private final SecurityIdentity identity;

    public AdminUsersResource(ManageAccountsUseCase accounts, SecurityIdentity identity) {
        this.accounts = accounts;
        this.identity = identity;
    }

    @GET
    public TemplateInstance index() {
        return Templates.index();
    }

    @GET
    @Path("/users")
    public TemplateInstance users(@RestQuery String done, @RestQuery String user) {
        String notice = done == null || user == null || !NOTICES.containsKey(done) ? "" : NOTICES.get(done).formatted(user);
        return Templates.users(page(new CreateForm("", RoleChoice.of(List.of()), Errors.NONE), -1, Errors.NONE, notice));
    }

    @POST
    @Path("/users")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response create(@RestForm String username, @RestForm String password, @RestForm("role") List<String> roles) {
        String name = username == null ? "" : username.strip();
        List<String> chosen = roles == null ? List.of() : roles;
        AccountResult result = accounts.create(actor(), name, password, chosen);
        if (result instanceof AccountResult.Refused refused) {
            CreateForm form = new CreateForm(name, RoleChoice.of(chosen), new Errors(refused.errors()));
            return refusedPage(page(form, -1, Errors.NONE, ""));
        }
        return backToList("created", name);
    }

    @POST
    @Path("/users/{id}/password")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response setPassword(@RestPath long id, @RestForm String password) {
        return outcome(id, accounts.setPassword(actor(), id, password), "password");
    }

    @POST
    @Path("/users/{id}/roles")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response setRoles(@RestPath long id, @RestForm("role") List<String> roles) {
        return outcome(id, accounts.setRoles(actor(), id, roles == null ? List.of() : roles), "roles");
    }

    @POST
    @Path("/users/{id}/enabled")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response setEnabled(@RestPath long id, @RestForm String enabled) {
        if (!"true".equals(enabled) && !"false".equals(enabled)) {
            return outcome(id, new AccountResult.Refused(List.of(
                    new FieldError("enabled", "enabled_not_boolean", "Choose enable or disable."))), "enabled");
        }
        boolean enable = Boolean.parseBoolean(enabled);
        return outcome(id, accounts.setEnabled(actor(), id, enable), enable ? "enabled" : "disabled");
    }

    private Response outcome(long id, AccountResult result, String done) {
        if (result instanceof AccountResult.Done ok) {
            return backToList(done, ok.account().username());
        }
        if (result instanceof AccountResult.Refused refused) {
            CreateForm empty = new CreateForm("", RoleChoice.of(List.of()), Errors.NONE);
            return refusedPage(page(empty, id, new Errors(refused.errors()), ""));
        }
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE)
                .entity("There is no user " + id + ".").build();
    }

    private UsersPage page(CreateForm create, long rowInError, Errors rowErrors, String notice) {
        String actor = actor();
        List<UserRow> rows = accounts.list().stream()
                .map(a -> row(a, actor, a.id() == rowInError ? rowErrors : Errors.NONE))
                .toList();
        return new UsersPage(rows, create, notice, AccountRules.PASSWORD_MIN_LENGTH);
    }

    private static UserRow row(UserAccount account, String actor, Errors errors) {
        return new UserRow(account.id(), account.username(), account.enabled(),
                account.username().equalsIgnoreCase(actor), CREATED.format(account.createdAt()),
                RoleChoice.of(account.roles()), errors);
    }

    private static Response refusedPage(UsersPage page) {
        return Response.status(UNPROCESSABLE).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.users(page)).build();
    }

    private static Response backToList(String done, String username) {
        return Response.seeOther(UriBuilder.fromPath("/admin/users")
                .queryParam("done", done).queryParam("user", username).build()).build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
