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

    /** One account, "ada" (password "ada-password-1"), counting reads by name; a second, "root", an admin. */
    private final class Store implements AccountStore {
        UserAccount account = new UserAccount(1, "ada", List.of(Roles.OPERATOR), true, now, now);
        String hash = "ada-password-1";
        UserAccount root = new UserAccount(2, "root", List.of(Roles.ADMIN), true, now, now);
        int reads;

        @Override
        public List<UserAccount> list() {
            return List.of(account, root);
        }

        @Override
        public Optional<UserAccount> find(long id) {
            return id == 1 ? Optional.of(account) : id == 2 ? Optional.of(root) : Optional.empty();
        }

        @Override
        public Optional<StoredAccount> findByUsername(String username) {
            reads++;
            return "ada".equalsIgnoreCase(username) ? Optional.of(new StoredAccount(account, hash))
                    : "root".equalsIgnoreCase(username) ? Optional.of(new StoredAccount(root, "root-password-1"))
                    : Optional.empty();
        }

        @Override
        public boolean isEmpty() {
            return false;
        }

        @Override
        public Optional<UserAccount> insert(String username, String passwordHash, List<String> roles, Instant at,
                                            String actor, boolean bySomeoneElse) {
            return Optional.empty();
        }

        @Override
        public AccountResult change(long id, Function<UserAccount, AccountChange> decide, Instant at, String actor) {
            UserAccount a = id == 2 ? root : account;
            AccountChange change = decide.apply(a);
            UserAccount changed = null;
            if (change instanceof AccountChange.NewEnabled enabled) {
                changed = new UserAccount(a.id(), a.username(), a.roles(), enabled.enabled(), a.createdAt(), at,
                        a.setByOtherAt(), actor, a.mustChangePassword());
            } else if (change instanceof AccountChange.NewRoles roles) {
                changed = new UserAccount(a.id(), a.username(), roles.roles(), a.enabled(), a.createdAt(), at,
                        roles.bySomeoneElse() ? at : a.setByOtherAt(), actor, a.mustChangePassword());
            } else if (change instanceof AccountChange.NewPasswordHash password) {
                if (id == 1) {
                    hash = password.hash();
                }
                changed = new UserAccount(a.id(), a.username(), a.roles(), a.enabled(), a.createdAt(), at,
                        password.bySomeoneElse() ? at : a.setByOtherAt(), actor, password.bySomeoneElse());
            }
            if (changed == null) {
                return new AccountResult.Refused(((AccountChange.Refuse) change).errors());
            }
            if (id == 2) {
                root = changed;
            } else {
                account = changed;
            }
            return new AccountResult.Done(changed);
        }
    }

    @Test
    void aPasswordAnAdminSetMustBeReplacedAndKeepsApprovalsFromCountingForTheValidityWindow() {
        Duration window = Duration.ofHours(1);
        assertThat(accounts.whyApprovalDoesNotCount("ada", window)).isEmpty();

        assertThat(accounts.setPassword("root", 1, "chosen-by-root-1")).isInstanceOf(AccountResult.Done.class);
        assertThat(store.account.mustChangePassword()).isTrue();
        assertThat(store.account.changedBy()).isEqualTo("root");
        assertThat(accounts.whyApprovalDoesNotCount("ada", window)).get().asString().contains("set by root");

        assertThat(accounts.changeOwnPassword("ada", "wrong-password-1", "adas-own-choice-1"))
                .isInstanceOf(AccountResult.Refused.class);
        assertThat(accounts.changeOwnPassword("ada", "chosen-by-root-1", "chosen-by-root-1"))
                .as("the same one again").isInstanceOf(AccountResult.Refused.class);
        assertThat(accounts.changeOwnPassword("ada", "chosen-by-root-1", "adas-own-choice-1"))
                .isInstanceOf(AccountResult.Done.class);
        assertThat(store.account.mustChangePassword()).isFalse();
        now = now.plus(Duration.ofMinutes(59));
        assertThat(accounts.whyApprovalDoesNotCount("ada", window)).as("whoever set it may have set ada's own too")
                .get().asString().contains("within the approval validity");
        now = now.plus(Duration.ofMinutes(2));
        assertThat(accounts.whyApprovalDoesNotCount("ada", window)).isEmpty();
    }

    @Test
    void rolesSetBySomeoneElseCountAsSetByThemAndNobodyMakesThemselfAnApprover() {
        assertThat(accounts.setRoles("root", 1, List.of(Roles.OPERATOR, Roles.APPROVER)))
                .isInstanceOf(AccountResult.Done.class);
        assertThat(store.account.setByOtherAt()).isEqualTo(now);
        assertThat(accounts.whyApprovalDoesNotCount("ada", Duration.ofHours(1))).isPresent();

        AccountResult self = accounts.setRoles("root", 2, List.of(Roles.ADMIN, Roles.APPROVER));
        assertThat(self).isInstanceOfSatisfying(AccountResult.Refused.class, r -> assertThat(r.errors())
                .extracting(e -> e.code()).containsExactly("approver_grants_self"));
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
