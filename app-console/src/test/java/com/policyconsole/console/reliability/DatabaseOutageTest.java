package com.policyconsole.console.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestFormFactory;
import com.policyconsole.console.testing.TestPostgres;
import com.policyconsole.sandbox.SandboxState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** History before call: with the database stopped, a submission is refused clearly and the cloud is never called. */
@QuarkusTest
class DatabaseOutageTest {

    @Inject
    SandboxState sandbox;

    private static RequestSpecification form(ConsoleSession session, String target) {
        return TestFormFactory.blockForm(session, target);
    }

    private long sandboxPoliciesFor(String target) {
        return sandbox.policies(SandboxState.WORKSPACE_ID).stream()
                .filter(p -> target.equals(p.policy().blockTarget())).count();
    }

    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void givenTheDatabaseIsStopped_submit_sendsNothingAndRecoversWhenItIsBack() throws Exception {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/policies/new");
        String target = TestFormFactory.freshIp();

        TestPostgres.stop();
        try {
            form(session, target).when().post("/policies/submit")
                    .then().statusCode(503)
                    .body(containsString("Nothing was sent"))
                    .body(containsString(target));
            assertThat(sandboxPoliciesFor(target)).isZero();
        } finally {
            TestPostgres.start();
        }

        int status = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (status != 303 && System.nanoTime() < deadline) {
            status = form(session, target).when().post("/policies/submit").then().extract().statusCode();
            if (status != 303) {
                Thread.sleep(500);
            }
        }
        assertThat(status).as("a submission after the database is back").isEqualTo(303);
        assertThat(sandboxPoliciesFor(target)).isEqualTo(1);
    }
}
