package com.policyconsole.console.adapter.out.persistence.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.testing.TestUserFactory.TestUser;
import com.policyconsole.console.testing.TestUserFactory;
import com.policyconsole.domain.model.account.AccountResult;
import com.policyconsole.domain.model.account.FieldError;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.service.AccountService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserAccountsTest {

    @Inject
    AccountService accounts;

    @Inject
    BcryptPasswordHashing hashing;

    @Inject
    EntityManager em;

    private String storedHash(long id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select password_hash from console_user where id = ?1")
                .setParameter(1, id).getSingleResult());
    }

    @Test
    void passwordsAreStoredAsBcryptHashesNeverAsThemselves() {
        TestUser user = TestUserFactory.create(accounts, "hash", Roles.OPERATOR);

        String stored = storedHash(user.id());

        assertThat(stored).matches("\\$2[aby]?\\$12\\$[./A-Za-z0-9]{53}").doesNotContain(user.password());
        assertThat(hashing.matches(user.password(), stored)).isTrue();
        assertThat(hashing.matches(user.password() + "x", stored)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyForTwoUsers() {
        TestUser first = TestUserFactory.create(accounts, "salt", Roles.OPERATOR);
        TestUser second = TestUserFactory.create(accounts, "salt", Roles.OPERATOR);

        assertThat(storedHash(first.id())).isNotEqualTo(storedHash(second.id()));
    }

    @Test
    void aNameTakenInAnotherCaseIsRefused() {
        TestUser user = TestUserFactory.create(accounts, "case", Roles.AUDITOR);

        AccountResult again = accounts.create("test", user.name().toUpperCase(), "another-password-1", List.of(Roles.AUDITOR));

        assertThat(again).isInstanceOfSatisfying(AccountResult.Refused.class, r -> assertThat(r.errors())
                .extracting(FieldError::field, FieldError::code).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "username", "username_taken")));
    }

    @Test
    void invalidInputIsRefusedFieldByFieldAndNothingIsStored() {
        String name = TestUserFactory.uniqueName("bad") + " x";

        AccountResult result = accounts.create("test", name, "short", List.of("root"));

        assertThat(result).isInstanceOfSatisfying(AccountResult.Refused.class, r -> assertThat(r.errors())
                .extracting(FieldError::field).containsExactly("username", "password", "roles"));
        assertThat(accounts.list()).noneMatch(a -> a.username().equals(name));
    }

    @Test
    void authenticateAcceptsOnlyTheRightPasswordOfAnEnabledUserInAnyCase() {
        TestUser user = TestUserFactory.create(accounts, "auth", Roles.OPERATOR, Roles.AUDITOR);

        assertThat(accounts.authenticate(user.name().toUpperCase(), user.password()))
                .hasValueSatisfying(a -> {
                    assertThat(a.username()).isEqualTo(user.name());
                    assertThat(a.roles()).containsExactly(Roles.OPERATOR, Roles.AUDITOR);
                });
        assertThat(accounts.authenticate(user.name(), "wrong-password-123")).isEmpty();
        assertThat(accounts.authenticate("nobody-" + user.name(), user.password())).isEmpty();
        assertThat(accounts.authenticate(user.name(), "x".repeat(500))).isEmpty();

        accounts.setEnabled("test", user.id(), false);

        assertThat(accounts.authenticate(user.name(), user.password())).isEmpty();
        assertThat(accounts.active(user.name())).isEmpty();
    }

    @Test
    void aNewPasswordReplacesTheOldOne() {
        TestUser user = TestUserFactory.create(accounts, "reset", Roles.OPERATOR);

        assertThat(accounts.setPassword("test", user.id(), "the-new-password")).isInstanceOf(AccountResult.Done.class);

        assertThat(accounts.authenticate(user.name(), user.password())).isEmpty();
        assertThat(accounts.authenticate(user.name(), "the-new-password")).isPresent();
        assertThat(accounts.setPassword("test", user.id(), "short")).isInstanceOf(AccountResult.Refused.class);
        assertThat(accounts.setPassword("test", Long.MAX_VALUE, "long-enough-password")).isInstanceOf(AccountResult.NotFound.class);
    }

    @Test
    void rolesAreReplacedAndStoredInTheConsolesOrder() {
        TestUser user = TestUserFactory.create(accounts, "roles", Roles.OPERATOR);

        AccountResult result = accounts.setRoles("test", user.id(), List.of(Roles.ADMIN, Roles.AUDITOR));

        assertThat(result).isInstanceOfSatisfying(AccountResult.Done.class,
                d -> assertThat(d.account().roles()).containsExactly(Roles.AUDITOR, Roles.ADMIN));
        assertThat(accounts.active(user.name())).hasValueSatisfying(a -> assertThat(a.hasRole(Roles.OPERATOR)).isFalse());
        assertThat(accounts.setRoles("test", user.id(), List.of())).isInstanceOf(AccountResult.Refused.class);
    }

    @Test
    void anAdminCannotDemoteOrDisableThemselfButCanAnotherAdmin() {
        TestUser admin = TestUserFactory.create(accounts, "self", Roles.ADMIN, Roles.OPERATOR);
        TestUser other = TestUserFactory.create(accounts, "other", Roles.ADMIN);

        assertThat(accounts.setRoles(admin.name(), admin.id(), List.of(Roles.OPERATOR)))
                .isInstanceOfSatisfying(AccountResult.Refused.class,
                        r -> assertThat(r.errors()).extracting(FieldError::code).containsExactly("admin_demotes_self"));
        assertThat(accounts.setEnabled(admin.name().toUpperCase(), admin.id(), false))
                .isInstanceOfSatisfying(AccountResult.Refused.class,
                        r -> assertThat(r.errors()).extracting(FieldError::code).containsExactly("admin_disables_self"));
        assertThat(accounts.active(admin.name())).hasValueSatisfying(a -> assertThat(a.roles()).contains(Roles.ADMIN));

        assertThat(accounts.setRoles(admin.name(), other.id(), List.of(Roles.AUDITOR))).isInstanceOf(AccountResult.Done.class);
        assertThat(accounts.setEnabled(admin.name(), other.id(), false)).isInstanceOf(AccountResult.Done.class);
        assertThat(accounts.setRoles(admin.name(), admin.id(), List.of(Roles.ADMIN))).isInstanceOf(AccountResult.Done.class);
    }
}
