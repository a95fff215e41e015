package com.policyconsole.console.adapter.in.web.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestUserFactory.TestUser;
import com.policyconsole.console.testing.TestUserFactory;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class LoginTest {

    @Inject
    ManageAccountsUseCase accounts;

    private static List<String> setCookies(Response response, String name) {
        return response.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).toList();
    }

    @Test
    void theRightPasswordGivesAnHttpOnlyStrictSessionCookieThatOpensProtectedPages() {
        TestUser user = TestUserFactory.create(accounts, "login", Roles.ADMIN);

        Response login = ConsoleSession.postLogin(user.name(), user.password());

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/");
        assertThat(setCookies(login, ConsoleSession.SESSION_COOKIE)).singleElement().satisfies(cookie -> assertThat(cookie)
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/"));

        ConsoleSession session = ConsoleSession.logIn(user.name(), user.password());
        Response page = session.get("/admin");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains(user.name()).contains("Log out").contains("href=\"/admin/users\"");
    }

    @Test
    void theUserNameIsNotCaseSensitiveAndTheSessionCarriesTheStoredName() {
        TestUser user = TestUserFactory.create(accounts, "Mixed", Roles.ADMIN);

        ConsoleSession session = ConsoleSession.logIn(user.name().toUpperCase(), user.password());

        assertThat(session.get("/admin").asString()).contains(user.name() + " · admin");
    }

    @Test
    void aWrongPasswordGoesBackToTheLoginPageWithAnErrorAndNoSession() {
        TestUser user = TestUserFactory.create(accounts, "wrong", Roles.OPERATOR);

        Response login = ConsoleSession.postLogin(user.name(), "not-the-password");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/login?error");
        assertThat(setCookies(login, ConsoleSession.SESSION_COOKIE)).isEmpty();
        assertThat(given().when().get("/login?error").then().statusCode(200).extract().asString())
                .contains("a wrong user name or password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-such-user", "x", "admin' or '1'='1"})
    void anUnknownUserIsRefusedLikeAWrongPassword(String name) {
        Response login = ConsoleSession.postLogin(name, "some-password-123");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/login?error");
        assertThat(setCookies(login, ConsoleSession.SESSION_COOKIE)).isEmpty();
    }

    @Test
    void aDisabledUserIsRefused() {
        TestUser user = TestUserFactory.create(accounts, "disabled", Roles.OPERATOR);
        accounts.setEnabled("test", user.id(), false);

        Response login = ConsoleSession.postLogin(user.name(), user.password());

        assertThat(login.header("Location")).endsWith("/login?error");
        assertThat(setCookies(login, ConsoleSession.SESSION_COOKIE)).isEmpty();
    }

    @Test
    void disablingAUserEndsTheirSessionAtTheNextRequestAndDropsTheCookie() {
        TestUser user = TestUserFactory.create(accounts, "ended", Roles.ADMIN);
        ConsoleSession session = ConsoleSession.logIn(user.name(), user.password());
        assertThat(session.get("/admin").statusCode()).isEqualTo(200);

        accounts.setEnabled("test", user.id(), false);
        Response next = session.request().when().get("/admin");

        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.header("Location")).endsWith("/login");
        assertThat(setCookies(next, ConsoleSession.SESSION_COOKIE)).singleElement()
                .satisfies(cookie -> assertThat(cookie).containsIgnoringCase("Max-Age=0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/admin", "/admin/users", "/history", "/no-such-page"})
    void anAnonymousRequestForAPageIsSentToTheLoginPage(String path) {
        Response response = given().redirects().follow(false).when().get(path);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/login");
    }

    @Test
    void afterLoginTheBrowserReturnsToThePageItAskedFor() {
        TestUser user = TestUserFactory.create(accounts, "back", Roles.ADMIN);
        Response asked = given().redirects().follow(false).when().get("/admin/users");
        // the browser's own favicon request from the login page must not replace the page to return to
        Response favicon = given().redirects().follow(false).cookies(asked.getCookies()).when().get("/favicon.ico");
        assertThat(favicon.statusCode()).isNotEqualTo(302);

        Response login = given().redirects().follow(false).cookies(asked.getCookies())
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user.name()).formParam("j_password", user.password())
                .when().post("/j_security_check");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/admin/users");
    }

    @Test
    void theLoginPageHealthAndStylesheetAreOpenToEveryone() {
        String page = given().when().get("/login").then().statusCode(200).extract().asString();
        assertThat(page).contains("action=\"/j_security_check\"").contains("name=\"j_username\"")
                .contains("name=\"j_password\"").doesNotContain("Log out").doesNotContain("Wrong user name");

        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/css/console.css").then().statusCode(200);
    }

    @Test
    void aLoggedInUserOpeningTheLoginPageIsSentToTheStartPage() {
        TestUser user = TestUserFactory.create(accounts, "again", Roles.AUDITOR);
        ConsoleSession session = ConsoleSession.logIn(user.name(), user.password());

        Response response = session.get("/login");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("/");
    }

    @Test
    void logoutWithTheCsrfTokenDropsTheSessionCookie() {
        TestUser user = TestUserFactory.create(accounts, "logout", Roles.ADMIN);
        ConsoleSession session = ConsoleSession.logIn(user.name(), user.password());
        session.get("/admin");

        Response logout = session.form().when().post("/logout");

        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.header("Location")).endsWith("/login");
        assertThat(setCookies(logout, ConsoleSession.SESSION_COOKIE)).singleElement()
                .satisfies(cookie -> assertThat(cookie).containsIgnoringCase("Max-Age=0"));
    }

    @Test
    void logoutWithoutTheCsrfTokenIsRefused() {
        TestUser user = TestUserFactory.create(accounts, "nologout", Roles.ADMIN);
        ConsoleSession session = ConsoleSession.logIn(user.name(), user.password());
        session.get("/admin");

        Response logout = session.request()
                .formParam("something", "else")
                .when().post("/logout");

        assertThat(logout.statusCode()).isEqualTo(400);
        assertThat(setCookies(logout, ConsoleSession.SESSION_COOKIE)).noneMatch(c -> c.contains("Max-Age=0"));
    }
}
