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
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CsrfTest {

    @Inject
    ManageAccountsUseCase accounts;

    private ConsoleSession admin;

    @BeforeEach
    void logInAsAdmin() {
        TestUser user = TestUserFactory.create(accounts, "csrf-admin", Roles.ADMIN);
        admin = ConsoleSession.logIn(user.name(), user.password());
        admin.get("/admin/users");
    }

    private RequestSpecification createUserForm(Map<String, String> cookies, String username) {
        return given().redirects().follow(false).cookies(cookies)
                .formParam("username", username).formParam("password", "a-long-password").formParam("role", Roles.AUDITOR);
    }

    @Test
    void aFormPostWithTheTokenOfThePageIsAccepted() {
        String name = TestUserFactory.uniqueName("with-token");

        Response response = createUserForm(admin.cookies(), name)
                .formParam(ConsoleSession.CSRF_FIELD, admin.csrfToken()).when().post("/admin/users");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(accounts.list()).anyMatch(a -> a.username().equals(name));
    }

    @Test
    void aFormLoadedBeforeOtherPagesStillPostsSoSeveralTabsWork() {
        String tokenOfTheFirstTab = admin.csrfToken();
        admin.get("/admin");
        admin.get("/admin/users");
        String name = TestUserFactory.uniqueName("first-tab");

        Response response = createUserForm(admin.cookies(), name)
                .formParam(ConsoleSession.CSRF_FIELD, tokenOfTheFirstTab).when().post("/admin/users");

        assertThat(admin.csrfToken()).isEqualTo(tokenOfTheFirstTab);
        assertThat(response.statusCode()).isEqualTo(303);
    }

    @Test
    void aFormPostWithoutTokenIsRefused() {
        String name = TestUserFactory.uniqueName("no-token");

        Response response = createUserForm(admin.cookies(), name).when().post("/admin/users");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(accounts.list()).noneMatch(a -> a.username().equals(name));
    }

    @Test
    void aFormPostWithAWrongTokenIsRefused() {
        String name = TestUserFactory.uniqueName("wrong-token");

        Response response = createUserForm(admin.cookies(), name)
                .formParam(ConsoleSession.CSRF_FIELD, "AAAAAAAAAAAAAAAAAAAAAA").when().post("/admin/users");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(accounts.list()).noneMatch(a -> a.username().equals(name));
    }

    @Test
    void aFormPostWithTheTokenButWithoutTheCsrfCookieIsRefused() {
        String name = TestUserFactory.uniqueName("no-cookie");
        Map<String, String> sessionOnly = new HashMap<>(admin.cookies());
        sessionOnly.remove(ConsoleSession.CSRF_COOKIE);

        Response response = createUserForm(sessionOnly, name)
                .formParam(ConsoleSession.CSRF_FIELD, admin.csrfToken()).when().post("/admin/users");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(accounts.list()).noneMatch(a -> a.username().equals(name));
    }

    @Test
    void theCsrfCookieIsHttpOnlyAndStrict() {
        TestUser user = TestUserFactory.create(accounts, "csrf-cookie", Roles.ADMIN);
        ConsoleSession fresh = ConsoleSession.logIn(user.name(), user.password());

        Response page = given().cookies(fresh.cookies()).when().get("/admin/users");

        assertThat(page.headers().getValues("Set-Cookie")).filteredOn(c -> c.startsWith(ConsoleSession.CSRF_COOKIE + "="))
                .singleElement().satisfies(c -> assertThat(c).containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Strict"));
    }
}
