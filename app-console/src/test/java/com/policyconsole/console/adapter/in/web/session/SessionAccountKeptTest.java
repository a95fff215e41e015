package com.policyconsole.console.adapter.in.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestUserFactory;
import com.policyconsole.console.testing.TestUserFactory.TestUser;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import com.policyconsole.domain.service.AccountService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The account of a session is kept for at most two seconds: a user disabled by another console loses access by then. */
@QuarkusTest
class SessionAccountKeptTest {

    @Inject
    ManageAccountsUseCase accounts;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aUserDisabledInTheDatabaseByAnotherConsoleLosesAccessWithinTwoSeconds() throws Exception {
        TestUser user = TestUserFactory.create(accounts, "kept", Roles.OPERATOR);
        ConsoleSession session = ConsoleSession.logIn(user.name(), user.password());
        assertThat(session.get("/policies/new").statusCode()).isEqualTo(200);

        disableBehindThisConsole(user.id());
        Thread.sleep(AccountService.SESSION_ACCOUNT_KEPT.toMillis());

        assertThat(session.get("/policies/new").statusCode())
                .as("a request made %s after the user was disabled", AccountService.SESSION_ACCOUNT_KEPT)
                .isNotEqualTo(200);
    }

    /** As another console on the same database would: straight in the table, not through this console's service. */
    private void disableBehindThisConsole(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE console_user SET enabled = false WHERE id = ?")) {
            s.setLong(1, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
