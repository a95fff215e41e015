package com.policyconsole.console.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.policyconsole.console.testing.TestUserFactory;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.service.AccountService;
import com.policyconsole.console.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The first-start bean on an empty {@code console_user}. Each test empties the table first (every other test
 * creates the users it needs, so this is safe), and calls the startup method with the password it wants.
 */
@QuarkusTest
class FirstAdminTest {

    private static final String SUPPLIED = "supplied-admin-password";

    @Inject
    FirstAdmin firstAdmin;

    @Inject
    AccountService accounts;

    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void emptyTheUserTableAndListen() throws java.sql.SQLException {
        // the console's own role deletes no user: the test empties the table as the superuser
        TestDatabase.asSuperuser("DELETE FROM console_user");
        Logger.getLogger(FirstAdmin.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger(FirstAdmin.class.getName()).removeHandler(capture);
    }

    @Test
    void onAnEmptyTableTheSuppliedPasswordBecomesTheAdminsAndIsNeverLogged() {
        FirstAdmin.Outcome outcome = firstAdmin.createIfNoUsers(Optional.of(SUPPLIED));

        assertThat(outcome).isInstanceOf(FirstAdmin.Outcome.CreatedWithSuppliedPassword.class);
        assertThat(accounts.authenticate("admin", SUPPLIED)).hasValueSatisfying(admin -> {
            assertThat(admin.roles()).as("every role but approver")
                    .containsExactly(Roles.OPERATOR, Roles.AUDITOR, Roles.ADMIN);
            assertThat(admin.enabled()).isTrue();
        });
        assertThat(logged).isNotEmpty().noneMatch(line -> line.contains(SUPPLIED));
    }

    @Test
    void onAnEmptyTableWithoutAPasswordATwentyCharacterOneIsGeneratedAndLoggedOnce() {
        FirstAdmin.Outcome outcome = firstAdmin.createIfNoUsers(Optional.empty());

        assertThat(outcome).isInstanceOfSatisfying(FirstAdmin.Outcome.CreatedWithGeneratedPassword.class, generated -> {
            assertThat(generated.password()).hasSize(20).matches("[A-Za-z0-9]{20}");
            assertThat(accounts.authenticate("admin", generated.password())).isPresent();
            assertThat(logged).filteredOn(line -> line.contains(generated.password())).singleElement()
                    .satisfies(line -> assertThat(line).contains("First start: log in as admin with password")
                            .contains("change it on /account"));
            assertThat(generated.toString()).doesNotContain(generated.password());
        });

        assertThat(firstAdmin.createIfNoUsers(Optional.empty())).isInstanceOf(FirstAdmin.Outcome.UsersExist.class);
        assertThat(logged.stream().filter(line -> line.contains("First start: log in"))).hasSize(1);
    }

    @Test
    void aSuppliedPasswordShorterThanTwelveRefusesTheStartAndCreatesNobody() {
        assertThatThrownBy(() -> firstAdmin.createIfNoUsers(Optional.of("short-pw")))
                .hasStackTraceContaining("POLICYCONSOLE_ADMIN_PASSWORD")
                .hasStackTraceContaining("at least 12 characters");

        assertThat(accounts.isEmpty()).isTrue();
    }

    @Test
    void whenUsersExistNothingIsCreatedAndTheSuppliedPasswordIsIgnored() {
        TestUserFactory.create(accounts, "existing", Roles.AUDITOR);

        assertThat(firstAdmin.createIfNoUsers(Optional.of(SUPPLIED))).isInstanceOf(FirstAdmin.Outcome.UsersExist.class);

        assertThat(accounts.list()).hasSize(1).noneMatch(a -> a.username().equals("admin"));
    }
}
