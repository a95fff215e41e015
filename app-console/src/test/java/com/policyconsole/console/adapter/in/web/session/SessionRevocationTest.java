package com.policyconsole.console.adapter.in.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestUserFactory;
import com.policyconsole.console.testing.TestUserFactory.TestUser;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sessions end when they should, on every console within the accounts' keeping time (2 s): a logout ends the user's
 * other sessions (a copied cookie is worth nothing after it), a password change ends the others but not the one that
 * made it, a change of roles by an admin ends them all, and an epoch cookie made up by the client is refused.
 */
@QuarkusTest
class SessionRevocationTest {

    @Inject
    ManageAccountsUseCase accounts;

    @Test
    void aLogoutEndsTheUsersOtherSessions() throws Exception {
        TestUser user = TestUserFactory.create(accounts, "sr-lou", Roles.AUDITOR);
        ConsoleSession first = ConsoleSession.logIn(user.name(), user.password());
        ConsoleSession copied = ConsoleSession.logIn(user.name(), user.password());
        assertThat(copied.get("/history").statusCode()).isEqualTo(200);

        first.get("/");
        first.post("/logout", Map.of()).then().statusCode(303);

        assertThat(endedWithin2s(copied)).as("the other session, 2 s after the logout").isTrue();
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsButNotItsOwn() throws Exception {
        TestUser user = TestUserFactory.create(accounts, "sr-pat", Roles.AUDITOR);
        ConsoleSession changing = ConsoleSession.logIn(user.name(), user.password());
        ConsoleSession other = ConsoleSession.logIn(user.name(), user.password());
        changing.get("/account");

        Response changed = changing.post("/account/password", Map.of("current_password", user.password(),
                "password", "a-new-password-1", "password_again", "a-new-password-1"));

        assertThat(changed.statusCode()).as(changed.asString()).isEqualTo(303);
        assertThat(endedWithin2s(other)).as("the other session").isTrue();
        assertThat(changing.get("/history").statusCode()).as("the session that changed it goes on").isEqualTo(200);
    }

    @Test
    void rolesChangedByAnAdminEndTheUsersSessions() throws Exception {
        TestUser user = TestUserFactory.create(accounts, "sr-ray", Roles.AUDITOR, Roles.OPERATOR);
        ConsoleSession session = ConsoleSession.logIn(user.name(), user.password());
        assertThat(session.get("/history").statusCode()).isEqualTo(200);

        accounts.setRoles("sr-admin", user.id(), List.of(Roles.AUDITOR));

        assertThat(endedWithin2s(session)).isTrue();
    }

    @Test
    void anEpochCookieTheClientMadeUpIsRefused() {
        TestUser user = TestUserFactory.create(accounts, "sr-eve", Roles.AUDITOR);
        ConsoleSession session = ConsoleSession.logIn(user.name(), user.password());
        String sessionCookie = session.cookies().get(ConsoleSession.SESSION_COOKIE);

        for (String forged : List.of("0.", "0.AAAA", "1." + "A".repeat(43), "garbage", "")) {
            Response answer = io.restassured.RestAssured.given().redirects().follow(false)
                    .cookie(ConsoleSession.SESSION_COOKIE, sessionCookie).cookie(SessionEpochCookie.NAME, forged)
                    .get("/history");
            assertThat(answer.statusCode()).as("epoch cookie '%s'", forged).isEqualTo(302);
            assertThat(answer.header("Location")).contains("/login");
        }
        Response without = io.restassured.RestAssured.given().redirects().follow(false)
                .cookie(ConsoleSession.SESSION_COOKIE, sessionCookie).get("/history");
        assertThat(without.statusCode()).as("the session cookie alone").isEqualTo(302);
        assertThat(session.get("/history").statusCode()).as("with its own epoch cookie").isEqualTo(200);
    }

    /** Whether the session is sent to the login page within the accounts' keeping time (2 s) and a margin. */
    private static boolean endedWithin2s(ConsoleSession session) throws InterruptedException {
        long until = System.nanoTime() + 2_500_000_000L;
        while (System.nanoTime() < until) {
            Response answer = session.request().get("/history");
            if (answer.statusCode() == 302 && String.valueOf(answer.header("Location")).contains("/login")) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
