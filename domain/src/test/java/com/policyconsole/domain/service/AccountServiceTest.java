package com.policyconsole.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.account.AccountChange;
import com.policyconsole.domain.model.account.AccountResult;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.account.StoredAccount;
import com.policyconsole.domain.model.account.UserAccount;
import com.policyconsole.domain.port.out.AccountStore;
import com.policyconsole.domain.port.out.PasswordHashing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AccountServiceTest {

    private Instant now = Instant.parse("2026-11-22T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final Store store = new Store();
    private final AccountService accounts = new AccountService(store, new PlainHashing(), clock);

    @Test
    void aSessionAccountIsReadOncePerTwoSecondsAndName() {
        assertThat(accounts.active("Ada")).isPresent();
        now = now.plusMillis(1_999);
        assertThat(accounts.active("ada")).isPresent();
        assertThat(store.reads).isEqualTo(1);

        now = now.plusMillis(1);
        assertThat(accounts.active("ada")).isPresent();
        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void aUserDisabledElsewhereLosesAccessWithinTheKeepingTime() {
        assertThat(accounts.active("ada")).isPresent();
        store.account = disabled(store.account);

        now = now.plus(AccountService.SESSION_ACCOUNT_KEPT);
        assertThat(accounts.active("ada")).isEmpty();
    }

    @Test
    void aUserDisabledHereLosesAccessAtOnce() {
        assertThat(accounts.active("ada")).isPresent();

        assertThat(accounts.setEnabled("root", 1, false)).isInstanceOf(AccountResult.Done.class);

        assertThat(accounts.active("ada")).isEmpty();
    }

    @Test
    void aClockThatGoesBackReadsAgain() {
        accounts.active("ada");
        now = now.minus(Duration.ofMinutes(1));
        accounts.active("ada");
        assertThat(store.reads).isEqualTo(2);
    }

    private static UserAccount disabled(UserAccount a) {
        return new UserAccount(a.id(), a.username(), a.roles(), false, a.createdAt(), a.updatedAt());
    }

    /** One account, "ada", counting reads by name. */
    private final class Store implements AccountStore {
        UserAccount account = new UserAccount(1, "ada", List.of(Roles.OPERATOR), true, now, now);
        int reads;

        @Override
        public List<UserAccount> list() {
            return List.of(account);
        }

        @Override
        public Optional<UserAccount> find(long id) {
            return id == 1 ? Optional.of(account) : Optional.empty();
        }

        @Override
        public Optional<StoredAccount> findByUsername(String username) {
            reads++;
            return "ada".equalsIgnoreCase(username) ? Optional.of(new StoredAccount(account, "hash")) : Optional.empty();
        }

        @Override
        public boolean isEmpty() {
            return false;
        }

        @Override
        public Optional<UserAccount> insert(String username, String passwordHash, List<String> roles, Instant at) {
            return Optional.empty();
        }

        @Override
        public AccountResult change(long id, Function<UserAccount, AccountChange> decide, Instant at) {
            AccountChange change = decide.apply(account);
            if (change instanceof AccountChange.NewEnabled enabled) {
                account = new UserAccount(1, "ada", account.roles(), enabled.enabled(), account.createdAt(), at);
            }
            return new AccountResult.Done(account);
        }
    }

    /** Not a hash at all: these tests are about reading accounts. */
    private static final class PlainHashing implements PasswordHashing {
        final List<String> verified = new ArrayList<>();

        @Override
        public String hash(String password) {
            return password;
        }

        @Override
        public boolean matches(String password, String hash) {
            return password.equals(hash);
        }

        @Override
        public void spendVerification(String password) {
            verified.add(password);
        }
    }
}
