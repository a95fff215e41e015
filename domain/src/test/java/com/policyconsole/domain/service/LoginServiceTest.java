package com.policyconsole.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.account.UserAccount;
import com.policyconsole.domain.model.login.AccountActivity;
import com.policyconsole.domain.model.login.LoginEvent;
import com.policyconsole.domain.model.login.LoginKey;
import com.policyconsole.domain.model.login.LoginLock;
import com.policyconsole.domain.model.login.LoginPolicy;
import com.policyconsole.domain.model.login.LoginResult;
import com.policyconsole.domain.port.in.AuthenticateUseCase;
import com.policyconsole.domain.port.out.LoginRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginServiceTest {

    private static final String RIGHT = "correct horse battery";
    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-02T09:00:00Z"));
    private final Records records = new Records();
    private final UserAccount admin = new UserAccount(1, "admin", List.of("admin"), true, clock.instant(),
            clock.instant());
    private final AuthenticateUseCase passwords = new AuthenticateUseCase() {
        @Override
        public Optional<UserAccount> authenticate(String username, String password) {
            return "admin".equalsIgnoreCase(username) && RIGHT.equals(password) ? Optional.of(admin) : Optional.empty();
        }

        @Override
        public Optional<UserAccount> active(String username) {
            return Optional.empty();
        }

        @Override
        public long sessionEpoch(String username) {
            return 0;
        }

        @Override
        public void endSessions(String username) {
        }
    };
    private final LoginService service = new LoginService(passwords, records, LoginPolicy.DEFAULT, clock);

    @Test
    void theWaitGrowsWithEachFailureInARowAndLocksAfterTen() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 9, 10, 11).stream().map(LoginPolicy.DEFAULT::waitAfter).toList())
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                        Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(30), Duration.ofSeconds(30),
                        Duration.ofMinutes(15), Duration.ofMinutes(15));
    }

    @Test
    void aThousandGuessesAgainstOneAccountFromOneAddressTakeHoursOfEnforcedDelayAndNoneSucceeds() {
        Duration waited = Duration.ZERO;
        int checked = 0;
        int throttled = 0;
        for (int guess = 0; guess < 1_000; ) {
            LoginResult result = service.logIn("admin", "guess-" + guess, "203.0.113.9");
            assertThat(result).isNotInstanceOf(LoginResult.LoggedIn.class);
            if (result instanceof LoginResult.Throttled t) {
                throttled++;
                waited = waited.plus(t.retryAfter());
                clock.advance(t.retryAfter());
            } else {
                checked++;
                guess++;
            }
        }

        assertThat(checked).isEqualTo(1_000);
        assertThat(throttled).isGreaterThan(0);
        assertThat(waited).as("enforced delay").isGreaterThanOrEqualTo(Duration.ofMinutes(10));
        assertThat(waited).as("99 locks of 15 minutes at least").isGreaterThanOrEqualTo(Duration.ofMinutes(15 * 99));
        assertThat(service.logIn("admin", RIGHT, "203.0.113.9")).as("the right password while locked")
                .isInstanceOf(LoginResult.Throttled.class);

        clock.advance(Duration.ofMinutes(15));
        assertThat(service.logIn("admin", RIGHT, "198.51.100.7")).as("the right password after the lock")
                .isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(records.events).filteredOn(e -> e.kind() == LoginEvent.Kind.LOCKED).isNotEmpty();
    }

    @Test
    void anAttemptWhileWaitingIsRefusedUncheckedAndTheAnswerIsTheSameForAnUnknownUser() {
        assertThat(service.logIn("nobody", "x", "192.0.2.1")).isInstanceOf(LoginResult.Refused.class);
        assertThat(service.logIn("admin", "x", "192.0.2.2")).isInstanceOf(LoginResult.Refused.class);

        LoginResult unknown = service.logIn("nobody", "y", "192.0.2.3");
        LoginResult known = service.logIn("admin", RIGHT, "192.0.2.4");

        assertThat(unknown).isEqualTo(new LoginResult.Throttled(Duration.ofSeconds(1)));
        assertThat(known).as("even the right password waits").isEqualTo(new LoginResult.Throttled(Duration.ofSeconds(1)));
    }

    @Test
    void attemptsThatMustWaitAreCountedPerMinuteNotEachAppended() {
        assertThat(service.logIn("admin", "wrong", "198.51.100.4")).isInstanceOf(LoginResult.Refused.class);
        for (int i = 0; i < 50; i++) {
            assertThat(service.logIn("admin", "wrong", "198.51.100.4")).isInstanceOf(LoginResult.Throttled.class);
        }
        assertThat(records.events).filteredOn(e -> e.kind() == LoginEvent.Kind.THROTTLED).as("one per minute")
                .hasSize(1);
        assertThat(records.throttled).containsValue(50);
    }

    @Test
    void aStrangerWhoLocksTheNameDoesNotLockTheOwnerOutOfABrowserThatLoggedInBefore() {
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(service.logIn("admin", "guess-" + i, "203.0.113.66")).isInstanceOf(LoginResult.Refused.class);
        }
        assertThat(service.logIn("admin", RIGHT, "198.51.100.7")).as("a new browser: the name is locked")
                .isInstanceOf(LoginResult.Throttled.class);

        assertThat(service.logIn("admin", RIGHT, "198.51.100.7", "device-of-the-owner"))
                .as("the owner's browser").isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(service.logIn("admin", "wrong", "198.51.100.8", "device-of-the-owner"))
                .isInstanceOf(LoginResult.Refused.class);
        assertThat(service.logIn("admin", RIGHT, "198.51.100.9", "device-of-the-owner"))
                .as("a known browser waits on its own failures").isInstanceOf(LoginResult.Throttled.class);
    }

    @Test
    void oneAddressGuessingManyAccountsIsLockedToo() {
        for (int i = 0; i < 10; i++) {
            assertThat(service.logIn("user" + i, "x", "192.0.2.50")).isInstanceOf(LoginResult.Refused.class);
            clock.advance(Duration.ofSeconds(31));
        }

        assertThat(service.logIn("admin", RIGHT, "192.0.2.50")).isInstanceOf(LoginResult.Throttled.class);
        assertThat(service.logIn("admin", RIGHT, "192.0.2.51")).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(service.waiting()).extracting(LoginLock::key).contains(LoginKey.address("192.0.2.50"));
    }

    @Test
    void anAdminUnlocksAndTheUnlockIsLogged() {
        for (int i = 0; i < 10; i++) {
            service.logIn("admin", "x" + i, "192.0.2." + i);
            clock.advance(Duration.ofSeconds(31));
        }
        assertThat(service.logIn("admin", RIGHT, "192.0.2.99")).isInstanceOf(LoginResult.Throttled.class);

        service.unlock("root", LoginKey.account("admin"));

        assertThat(service.logIn("admin", RIGHT, "192.0.2.99")).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(records.events).filteredOn(e -> e.kind() == LoginEvent.Kind.UNLOCKED).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("root"));
    }

    @Test
    void failuresOlderThanTheLockDurationNoLongerCount() {
        for (int i = 0; i < 9; i++) {
            service.logIn("admin", "x", "192.0.2." + i);
            clock.advance(Duration.ofSeconds(31));
        }
        clock.advance(Duration.ofMinutes(16));

        service.logIn("admin", "x", "192.0.2.200");

        assertThat(records.failures.get(LoginKey.account("admin"))).isEqualTo(1);
    }

    /** The login records in memory: counters with their last failure and wait, and the log. */
    private static final class Records implements LoginRecords {
        final Map<LoginKey, Integer> failures = new HashMap<>();
        final Map<LoginKey, Instant> lastFailure = new HashMap<>();
        final Map<LoginKey, Instant> until = new HashMap<>();
        final Map<LoginKey, Boolean> locked = new HashMap<>();
        final List<LoginEvent> events = new ArrayList<>();

        @Override
        public Optional<Instant> notBefore(LoginKey key) {
            return Optional.ofNullable(until.get(key));
        }

        @Override
        public int recordFailure(LoginKey key, Instant at, Instant forgetBefore) {
            Instant last = lastFailure.get(key);
            int n = last == null || !last.isAfter(forgetBefore) ? 1 : failures.getOrDefault(key, 0) + 1;
            failures.put(key, n);
            lastFailure.put(key, at);
            return n;
        }

        @Override
        public void holdUntil(LoginKey key, Instant at, boolean lock) {
            until.merge(key, at, (a, b) -> a.isAfter(b) ? a : b);
            locked.put(key, lock);
        }

        @Override
        public void reset(LoginKey key) {
            failures.remove(key);
            lastFailure.remove(key);
            until.remove(key);
        }

        @Override
        public void append(LoginEvent event) {
            events.add(event);
        }

        final Map<String, Integer> throttled = new HashMap<>();

        @Override
        public int countThrottled(String username, String address, Instant window, Instant forgetBefore) {
            return throttled.merge(username + "|" + address + "|" + window, 1, Integer::sum);
        }

        @Override
        public List<LoginLock> waiting(Instant now) {
            return until.entrySet().stream().filter(e -> e.getValue().isAfter(now))
                    .map(e -> new LoginLock(e.getKey(), failures.getOrDefault(e.getKey(), 0), e.getValue(),
                            locked.getOrDefault(e.getKey(), false))).toList();
        }

        @Override
        public AccountActivity activity(String username, int recent) {
            return new AccountActivity(null, null, 0, List.of());
        }
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
