package com.policyconsole.console.adapter.in.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestUserFactory.TestUser;
import com.policyconsole.console.testing.TestUserFactory;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.service.AccountService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Admin › Users through its forms, as a logged-in admin with real CSRF tokens. */
@QuarkusTest
class AdminUsersResourceTest {

    @Inject
    AccountService accounts;

    private TestUser adminUser;
    private ConsoleSession admin;

    @BeforeEach
    void logInAsAdmin() {
        adminUser = TestUserFactory.create(accounts, "ops-admin", Roles.ADMIN, Roles.OPERATOR);
        admin = ConsoleSession.logIn(adminUser.name(), adminUser.password());
    }

    /** A form of the users page, with the page's CSRF token. */
    private RequestSpecification form() {
        admin.get("/admin/users");
        return admin.form();
    }

    @Test
    void theListShowsEveryUserWithRolesAndStatus() {
        TestUser auditor = TestUserFactory.create(accounts, "listed", Roles.AUDITOR);

        String page = admin.get("/admin/users").then().statusCode(200).extract().asString();

        assertThat(page).contains(auditor.name()).contains(adminUser.name() + "</strong> <span class=\"muted\">(you)")
                .contains("action=\"/admin/users/" + auditor.id() + "/roles\"")
                .contains("action=\"/admin/users/" + auditor.id() + "/password\"")
                .contains("action=\"/admin/users/" + auditor.id() + "/enabled\"")
                .doesNotContain("$2a$");
    }

    @Test
    void anAdminCreatesAUserWhoCanThenLogIn() {
        String name = TestUserFactory.uniqueName("new");

        Response created = form().formParam("username", name).formParam("password", "first-password-1")
                .formParam("role", Roles.OPERATOR).formParam("role", Roles.AUDITOR)
                .when().post("/admin/users");

        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.header("Location")).contains("/admin/users?done=created&user=" + name);
        assertThat(admin.get("/admin/users?done=created&user=" + name).asString()).contains("User " + name + " created.");
        assertThat(accounts.authenticate(name, "first-password-1"))
                .hasValueSatisfying(a -> assertThat(a.roles()).containsExactly(Roles.OPERATOR, Roles.AUDITOR));
        ConsoleSession.logIn(name, "first-password-1");
    }

    @Test
    void aRefusedNewUserShowsTheErrorsAtTheirFieldsAndKeepsTheName() {
        Response refused = form().formParam("username", "a b").formParam("password", "short")
                .when().post("/admin/users");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("text/html");
        assertThat(refused.asString())
                .contains("The new user was not created")
                .contains("value=\"a b\"")
                .contains("A user name may contain only letters")
                .contains("A password has at least 12 characters.")
                .contains("Choose at least one role.")
                .doesNotContain("value=\"short\"");
        assertThat(accounts.list()).noneMatch(a -> a.username().equals("a b"));
    }

    @Test
    void aNewPasswordLetsTheUserLogInWithItAndNotWithTheOldOne() {
        TestUser user = TestUserFactory.create(accounts, "forgetful", Roles.OPERATOR);

        Response reset = form().formParam("password", "brand-new-password").when()
                .post("/admin/users/" + user.id() + "/password");

        assertThat(reset.statusCode()).isEqualTo(303);
        assertThat(ConsoleSession.postLogin(user.name(), user.password()).header("Location")).endsWith("/login?error");
        ConsoleSession.logIn(user.name(), "brand-new-password");
    }

    @Test
    void aTooShortNewPasswordIsRefusedInItsRow() {
        TestUser user = TestUserFactory.create(accounts, "short", Roles.OPERATOR);

        Response reset = form().formParam("password", "tiny").when().post("/admin/users/" + user.id() + "/password");

        assertThat(reset.statusCode()).isEqualTo(422);
        assertThat(reset.asString()).contains("Nothing was changed for " + user.name())
                .contains("A password has at least 12 characters.");
        assertThat(accounts.authenticate(user.name(), user.password())).isPresent();
    }

    @Test
    void newRolesEndTheUsersSessionsAndApplyAtTheirNextLogin() {
        TestUser user = TestUserFactory.create(accounts, "promoted", Roles.OPERATOR);
        ConsoleSession session = ConsoleSession.logIn(user.name(), user.password());
        assertThat(session.get("/admin").statusCode()).isEqualTo(403);

        Response saved = form().formParam("role", Roles.OPERATOR).formParam("role", Roles.ADMIN)
                .when().post("/admin/users/" + user.id() + "/roles");

        assertThat(saved.statusCode()).isEqualTo(303);
        Response ended = session.get("/admin");
        assertThat(ended.statusCode()).as("a change of roles ends the user's sessions").isEqualTo(302);
        assertThat(ended.header("Location")).contains("/login");
        assertThat(ConsoleSession.logIn(user.name(), user.password()).get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void disablingAndEnablingAUser() {
        TestUser user = TestUserFactory.create(accounts, "toggled", Roles.AUDITOR);

        assertThat(form().formParam("enabled", "false").when().post("/admin/users/" + user.id() + "/enabled")
                .statusCode()).isEqualTo(303);
        assertThat(ConsoleSession.postLogin(user.name(), user.password()).header("Location")).endsWith("/login?error");

        assertThat(form().formParam("enabled", "true").when().post("/admin/users/" + user.id() + "/enabled")
                .statusCode()).isEqualTo(303);
        ConsoleSession.logIn(user.name(), user.password());
    }

    @Test
    void anAdminCannotDisableOrDemoteThemself() {
        Response disable = form().formParam("enabled", "false").when().post("/admin/users/" + adminUser.id() + "/enabled");
        assertThat(disable.statusCode()).isEqualTo(422);
        assertThat(disable.asString()).contains("You cannot disable your own account");

        Response demote = form().formParam("role", Roles.OPERATOR).when().post("/admin/users/" + adminUser.id() + "/roles");
        assertThat(demote.statusCode()).isEqualTo(422);
        assertThat(demote.asString()).contains("You cannot take the admin role from yourself");

        assertThat(accounts.active(adminUser.name()))
                .hasValueSatisfying(a -> assertThat(a.roles()).containsExactly(Roles.OPERATOR, Roles.ADMIN));
    }

    @Test
    void aChangeToAnUnknownUserIsNotFound() {
        Response response = form().formParam("enabled", "false").when().post("/admin/users/" + Long.MAX_VALUE + "/enabled");

        assertThat(response.statusCode()).isEqualTo(404);
    }
}
