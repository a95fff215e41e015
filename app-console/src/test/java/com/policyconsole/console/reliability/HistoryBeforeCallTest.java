package com.policyconsole.console.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestDatabase;
import com.policyconsole.console.testing.TestFormFactory;
import com.policyconsole.sandbox.SandboxState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** History before call, with the database up for reads but refusing the pending insert: nothing reaches the cloud. */
@QuarkusTest
class HistoryBeforeCallTest {

    @Inject
    SandboxState sandbox;

    /** Alters the table as its owner would (the superuser here): the console's own role may not. */
    private void sql(String statement) throws SQLException {
        TestDatabase.asSuperuser(statement);
    }

    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void whenThePendingRowCannotBeWrittenTheCloudIsNotCalled() throws SQLException {
        String target = TestFormFactory.freshIp();
        ConsoleSession session = ConsoleSession.openWithoutLogin("/policies/new");
        sql("ALTER TABLE request_history ADD CONSTRAINT refuse_new_rows CHECK (false) NOT VALID");
        try {
            TestFormFactory.blockForm(session, target)
                    .when().post("/policies/submit")
                    .then().statusCode(503)
                    .body(containsString("Nothing was sent"))
                    .body(containsString("could not record the request"));
        } finally {
            sql("ALTER TABLE request_history DROP CONSTRAINT refuse_new_rows");
        }
        assertThat(sandbox.policies(SandboxState.WORKSPACE_ID)).noneMatch(p -> target.equals(p.policy().blockTarget()));
    }
}
