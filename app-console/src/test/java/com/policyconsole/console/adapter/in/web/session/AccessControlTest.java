package com.policyconsole.console.adapter.in.web.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestUserFactory.TestUser;
import com.policyconsole.console.testing.TestUserFactory;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class AccessControlTest {

    @Inject
    ManageAccountsUseCase accounts;

    @ParameterizedTest
    @ValueSource(strings = {Roles.OPERATOR, Roles.AUDITOR})
    void aLoggedInUserWithoutTheAdminRoleGetsAFriendly403PageOnAdminPages(String role) {
        TestUser user = TestUserFactory.create(accounts, "no-admin", role);
        ConsoleSession session = ConsoleSession.logIn(user.name(), user.password());

        for (String path : new String[] {"/admin", "/admin/users"}) {
            Response page = session.get(path);

            assertThat(page.statusCode()).as(path).isEqualTo(403);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.asString())
                    .contains("Not allowed").contains(user.name()).contains(role).contains("href=\"/\"")
                    .doesNotContain("Exception").doesNotContain("at com.").doesNotContain("at io.")
                    .doesNotContain("java.");
        }
    }

    @Test
    void anOperatorCannotChangeUsersEvenWithAValidCsrfToken() {
        TestUser operator = TestUserFactory.create(accounts, "sneaky", Roles.OPERATOR);
        ConsoleSession session = ConsoleSession.logIn(operator.name(), operator.password());
        // CSRF tokens belong to the browser's csrf-token cookie, not to the session: take a valid pair from a page
        TestUser admin = TestUserFactory.create(accounts, "token-source", Roles.ADMIN);
        ConsoleSession tokenSource = ConsoleSession.logIn(admin.name(), admin.password());
        tokenSource.get("/admin/users");
        String target = TestUserFactory.uniqueName("made-by-operator");

        Response response = session.request()
                .cookie(ConsoleSession.CSRF_COOKIE, tokenSource.cookies().get(ConsoleSession.CSRF_COOKIE))
                .formParam(ConsoleSession.CSRF_FIELD, tokenSource.csrfToken())
                .formParam("username", target).formParam("password", "a-long-password").formParam("role", Roles.ADMIN)
                .when().post("/admin/users");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.asString()).contains("Not allowed");
        assertThat(accounts.list()).noneMatch(a -> a.username().equals(target));
    }

    @Test
    @TestSecurity(user = "ada", roles = Roles.ADMIN)
    void anAdminOpensTheAdminPages() {
        assertThat(given().when().get("/admin").then().statusCode(200).extract().asString())
                .contains("href=\"/admin/users\"");
        assertThat(given().when().get("/admin/users").then().statusCode(200).extract().asString())
                .contains("New user").contains("name=\"" + ConsoleSession.CSRF_FIELD + "\"");
    }

    @Test
    void theSandboxApiStaysReachableWithoutASession() {
        Response response = given().redirects().follow(false).when().get("/sandbox/no-such-endpoint");

        assertThat(response.statusCode()).isNotEqualTo(302).isNotEqualTo(401).isNotEqualTo(403);
    }
}
