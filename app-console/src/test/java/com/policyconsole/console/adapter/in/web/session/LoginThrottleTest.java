package com.policyconsole.console.adapter.in.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.adapter.out.persistence.login.PostgresLoginRecords;
import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestUserFactory;
import com.policyconsole.console.testing.TestUserFactory.TestUser;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.account.UserAccount;
import com.policyconsole.domain.model.login.LoginKey;
import com.policyconsole.domain.model.login.LoginPolicy;
import com.policyconsole.domain.model.login.LoginResult;
import com.policyconsole.domain.port.in.AuditIntegrityUseCase;
import com.policyconsole.domain.port.in.AuthenticateUseCase;
import com.policyconsole.domain.port.in.LoginLocksUseCase;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import com.policyconsole.domain.service.LoginService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Logins that resist guessing, over HTTP on real PostgreSQL: a lock after 10 failures in a row that even the right
 * password does not pass, the same answer for a name that does not exist, an admin's unlock, the owner's page, and
 * every event in the audit chain; and 1,000 guesses against one account from one address with a simulated clock.
 */
@QuarkusTest
class LoginThrottleTest {

    private static final String LOCAL = "127.0.0.1";

    @Inject
    ManageAccountsUseCase accounts;

    @Inject
    LoginLocksUseCase locks;

    @Inject
    PostgresLoginRecords records;

    @Inject
    AuditIntegrityUseCase audit;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void unlockTheTestsAddress() {
        locks.unlock("test", LoginKey.address(LOCAL));
    }

    private List<String> loginAudit(String username) throws Exception {
        List<String> kinds = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT a.kind FROM audit_event a JOIN login_event l ON a.subject = 'login' AND a.subject_id = l.id
                 WHERE l.username = ? ORDER BY l.id""")) {
            s.setString(1, username);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    kinds.add(r.getString(1));
                }
            }
        }
        return kinds;
    }

    @Test
    void tenFailuresInARowLockTheAccountUntilAnAdminUnlocksItAndEveryStepIsAudited() throws Exception {
        TestUser admin = TestUserFactory.create(accounts, "lock-admin", Roles.ADMIN);
        ConsoleSession adminSession = ConsoleSession.logIn(admin.name(), admin.password());
        adminSession.get("/admin/logins");
        TestUser user = TestUserFactory.create(accounts, "lock-user", Roles.OPERATOR);

        for (int i = 0; i < 10; i++) {
            assertThat(ConsoleSession.postLogin(user.name(), "wrong-" + i).header("Location")).endsWith("/login?error");
        }
        Response locked = ConsoleSession.postLogin(user.name(), user.password());

        assertThat(locked.header("Location")).as("the right password while locked").endsWith("/login?error");
        assertThat(io.restassured.RestAssured.given().get("/login?error").asString())
                .contains("too many failed logins").doesNotContain(user.name());
        String page = adminSession.get("/admin/logins").then().statusCode(200).extract().asString();
        assertThat(page).contains("data-key=\"ACCOUNT:" + user.name().toLowerCase() + "\"").contains("locked");

        adminSession.post("/admin/logins/unlock", Map.of("kind", "ACCOUNT", "key", user.name())).then().statusCode(303);
        adminSession.post("/admin/logins/unlock", Map.of("kind", "ADDRESS", "key", LOCAL)).then().statusCode(303);
        ConsoleSession owner = ConsoleSession.logIn(user.name(), user.password());

        String account = owner.get("/account").then().statusCode(200).extract().asString();
        assertThat(account).contains("id=\"failures-since\">11<").contains("this is your first login")
                .contains("refused unchecked").contains("wrong password");
        assertThat(loginAudit(user.name().toLowerCase())).startsWith("LOGIN_FAILED").contains("LOGIN_LOCKED",
                "LOGIN_THROTTLED", "LOGIN_UNLOCKED").endsWith("LOGIN_SUCCEEDED");
        ConsoleSession.logIn(user.name(), user.password());
        assertThat(owner.get("/account").asString()).contains("id=\"failures-since\">0<").doesNotContain("first login");
        assertThat(audit.verify("test", Optional.empty()).result().intact()).as("the audit chain with login events")
                .isTrue();
    }

    @Test
    void aNameThatDoesNotExistIsAnsweredAndLockedTheSame() {
        TestUser user = TestUserFactory.create(accounts, "same-answer", Roles.AUDITOR);
        String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);

        Response wrongKnown = ConsoleSession.postLogin(user.name(), "wrong-password-1");
        Response wrongGhost = ConsoleSession.postLogin(ghost, "wrong-password-1");
        assertThat(wrongGhost.statusCode()).isEqualTo(wrongKnown.statusCode());
        assertThat(wrongGhost.header("Location")).isEqualTo(wrongKnown.header("Location"));
        for (int i = 0; i < 9; i++) {
            ConsoleSession.postLogin(ghost, "wrong-" + i);
            locks.unlock("test", LoginKey.address(LOCAL));
        }

        assertThat(locks.waiting()).filteredOn(l -> l.key().equals(LoginKey.account(ghost))).singleElement()
                .satisfies(l -> assertThat(l.locked()).isTrue());
        assertThat(ConsoleSession.postLogin(user.name(), user.password()).header("Location"))
                .as("another account is not locked by it").doesNotContain("/login");
    }

    @Test
    void aThousandGuessesAgainstOneAccountFromOneAddressMeetAbout29HoursOfDelayAndNoneSucceeds() {
        MovingClock clock = new MovingClock(Instant.parse("2031-01-01T00:00:00Z").plusSeconds(
                (long) (Math.random() * 1_000_000)));
        String name = "brute-" + UUID.randomUUID().toString().substring(0, 8);
        String address = "198.51.100." + (int) (Math.random() * 200);
        UserAccount target = new UserAccount(1, name, List.of(Roles.OPERATOR), true, clock.instant(), clock.instant());
        AuthenticateUseCase passwords = new AuthenticateUseCase() {
            @Override
            public Optional<UserAccount> authenticate(String username, String password) {
                return name.equals(username) && "the-right-one".equals(password) ? Optional.of(target) : Optional.empty();
            }

            @Override
            public Optional<UserAccount> active(String username) {
                return Optional.of(target);
            }

            @Override
            public long sessionEpoch(String username) {
                return 0;
            }

            @Override
            public void endSessions(String username) {
            }
        };
        LoginService service = new LoginService(passwords, records, LoginPolicy.DEFAULT, clock);

        Duration enforced = Duration.ZERO;
        int guesses = 0;
        while (guesses < 1_000) {
            LoginResult result = service.logIn(name, "guess-" + guesses, address);
            assertThat(result).isNotInstanceOf(LoginResult.LoggedIn.class);
            if (result instanceof LoginResult.Throttled t) {
                enforced = enforced.plus(t.retryAfter());
                clock.advance(t.retryAfter());
            } else {
                guesses++;
            }
        }

        // each 10 guesses in a row wait 1 + 2 + 4 + 8 + 16 + 4 × 30 s and then the 15-minute lock: about 29 h in all
        assertThat(enforced).as("the delay the default policy enforces")
                .isBetween(Duration.ofHours(28), Duration.ofHours(30));
        assertThat(service.logIn(name, "the-right-one", address)).isInstanceOf(LoginResult.Throttled.class);
        clock.advance(LoginPolicy.DEFAULT.lockDuration());
        assertThat(service.logIn(name, "the-right-one", address)).isInstanceOf(LoginResult.LoggedIn.class);
        System.out.println("LoginThrottleTest: 1,000 guesses met " + enforced.toMinutes() + " minutes of enforced delay");
    }

    /** A clock the test moves forward. */
    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
