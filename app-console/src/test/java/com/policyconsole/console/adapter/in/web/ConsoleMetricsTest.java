package com.policyconsole.console.adapter.in.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestFormFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsoleMetricsTest {

    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void submissionsAreCountedByOperationAndOutcomeAndTimed() {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/policies/new");
        TestFormFactory.blockForm(session, TestFormFactory.freshIp())
                .when().post("/policies/submit").then().statusCode(303);

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("policyconsole_submissions_total{operation=\"create_emergency_policy\",outcome=\"succeeded\"}"))
                .body(containsString("policyconsole_submission_seconds_count{operation=\"create_emergency_policy\",outcome=\"succeeded\"}"));
    }

    @Test
    void healthIsPublicAndCoversTheDatabaseAndTheCloudEndpoints() {
        given().when().get("/q/health").then().statusCode(200)
                .body(containsString("cloud endpoints"))
                .body(containsString("Database connections health check"));
    }

    @Test
    void metricsNeedALogin() {
        given().redirects().follow(false).when().get("/q/metrics").then().statusCode(302)
                .body(not(containsString("policyconsole_submissions_total")));
    }
}
