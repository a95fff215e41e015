package com.policyconsole.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.account.FieldError;
import com.policyconsole.domain.model.account.Roles;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "alice", "Bob.Smith", "ops_team-2", "a.b", "x234567890123456789012345678901234567890123456789012345678901234"})
    void givenNamesOfThreeToSixtyFourAllowedCharacters_username_accepts(String name) {
        assertThat(AccountRules.username(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "x2345678901234567890123456789012345678901234567890123456789012345"})
    void givenNamesOfWrongLength_username_refusesTheLength(String name) {
        assertThat(AccountRules.username(name)).extracting(FieldError::code).containsExactly("username_length");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice smith", "alice@example", "ålice", "bob/../x", "eve\nadmin", "semi;colon"})
    void givenNamesWithOtherCharacters_username_refusesTheCharacters(String name) {
        assertThat(AccountRules.username(name)).extracting(FieldError::code).contains("username_characters");
        assertThat(AccountRules.username(name)).allSatisfy(e -> assertThat(e.field()).isEqualTo("username"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void givenNoName_username_asksForOne(String name) {
        assertThat(AccountRules.username(name)).extracting(FieldError::code).containsExactly("username_required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "elevenchars", "           "})
    void givenPasswordsShorterThanTwelve_password_refuses(String password) {
        assertThat(AccountRules.password(password, "alice")).extracting(FieldError::code).contains("password_too_short");
    }

    @Test
    void givenTwelveCharacters_password_accepts() {
        assertThat(AccountRules.password("twelve-chars", "alice")).isEmpty();
    }

    @Test
    void givenSeventyTwoBytes_password_acceptsAndSeventyThreeRefuses() {
        assertThat(AccountRules.password("p".repeat(72), "alice")).isEmpty();
        assertThat(AccountRules.password("p".repeat(73), "alice")).extracting(FieldError::code)
                .containsExactly("password_too_long");
        // 25 three-byte characters are 75 bytes
        assertThat(AccountRules.password("密".repeat(25), "alice")).extracting(FieldError::code)
                .containsExactly("password_too_long");
    }

    @Test
    void givenTheUserNameAsPassword_password_refuses() {
        assertThat(AccountRules.password("Administrator", "administrator")).extracting(FieldError::code)
                .containsExactly("password_is_username");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void givenNoPassword_password_asksForOne(String password) {
        assertThat(AccountRules.password(password, "alice")).extracting(FieldError::code).containsExactly("password_required");
    }

    @Test
    void givenNoRole_roles_asksForOne() {
        assertThat(AccountRules.roles(List.of())).extracting(FieldError::code).containsExactly("roles_required");
        assertThat(AccountRules.roles(null)).extracting(FieldError::code).containsExactly("roles_required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"root", "Admin", "operator,auditor", ""})
    void givenAnUnknownRole_roles_refusesIt(String role) {
        assertThat(AccountRules.roles(List.of(Roles.OPERATOR, role))).extracting(FieldError::code)
                .containsExactly("role_unknown");
    }

    @Test
    void givenAnySubsetOfTheRoles_roles_acceptsAndStoresItInTheConsolesOrder() {
        assertThat(AccountRules.roles(Set.of(Roles.ADMIN, Roles.OPERATOR))).isEmpty();
        assertThat(AccountRules.toColumn(List.of(Roles.ADMIN, Roles.OPERATOR, Roles.ADMIN))).isEqualTo("operator,admin");
        assertThat(AccountRules.fromColumn("operator,auditor,approver,admin")).containsExactlyElementsOf(Roles.ALL);
    }
}
