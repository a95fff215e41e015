package com.policyconsole.console.adapter.in.web.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestFormFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EmergencyPolicyFormTest {

    private static RequestSpecification filled(ConsoleSession session, String targets) {
        return TestFormFactory.blockForm(session, targets)
                .formParam("description", "incident SEC-1");
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void aMistakeIsShownNextToItsFieldAndNothingIsSent() {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/policies/new");

        filled(session, "8.8.8.8\n1.2.3.999").when().post("/policies/preview")
                .then().statusCode(422)
                .body(containsString("&#39;1.2.3.999&#39; (object 2) is not an IPv4 or IPv6 address or CIDR block"))
                .body(containsString("field invalid"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void previewShowsTheExactRequestAndSubmitRecordsTheOutcome() {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/policies/new");

        String a = TestFormFactory.freshIp();
        String b = TestFormFactory.freshIp();
        String preview = filled(session, a + ", " + b).formParam("ageing", "24h")
                .when().post("/policies/preview")
                .then().statusCode(200).extract().asString();
        assertThat(preview).contains("/sandbox/secmaster/v1/3bb27e024693436da46b5f5aaf499060/workspaces/sandbox-workspace/soc/policys?action_type=create")
                .contains("&quot;block_target&quot;:&quot;" + a + "," + b + "&quot;")
                .contains("x-secmaster-version");

        String location = filled(session, a + ", " + b).formParam("ageing", "24h")
                .when().post("/policies/submit")
                .then().statusCode(303).extract().header("Location");
        assertThat(location).matches(".*/history/\\d+");

        given().when().get(location).then().statusCode(200)
                .body(containsString("SUCCEEDED"))
                .body(containsString("task-"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void warningsMustBeAcknowledgedBeforeSending() {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/policies/new");

        filled(session, "10.1.2.3").when().post("/policies/preview")
                .then().statusCode(200).body(containsString("private (RFC 1918)"))
                .body(containsString("name=\"acknowledge\""));
        filled(session, "10.1.2.3").when().post("/policies/submit")
                .then().statusCode(409).body(containsString("I have read the warnings"));
        filled(session, "10.1.2.3").formParam("acknowledge", "yes").when().post("/policies/submit")
                .then().statusCode(303);
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void aRelativeAgeingIsFixedAtPreviewSoThatTheRequestSentIsTheOnePreviewed() {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/policies/new");

        String preview = filled(session, TestFormFactory.freshIp()).formParam("ageing", "24h").when().post("/policies/preview")
                .then().statusCode(200).extract().asString();
        java.util.regex.Matcher hidden = java.util.regex.Pattern
                .compile("name=\"ageing\" value=\"([^\"]+)\"").matcher(preview);
        assertThat(hidden.find()).isTrue();
        long millis = java.time.Instant.parse(hidden.group(1)).toEpochMilli();
        assertThat(preview).contains("&quot;block_ageing&quot;:&quot;" + millis + "&quot;");
    }

    @Test
    @TestSecurity(user = "adam", roles = "admin")
    void theDashboardShowsNoHistoryToAUserWhoMayNotReadIt() {
        given().when().get("/").then().statusCode(200)
                .body(containsString("Your roles do not include reading the request history"))
                .body(not(containsString("table class=\"history\"")));
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void aConfigRuleFormWithoutTheCsrfTokenIsRefused() {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/rules/new");
        session.request().contentType(ConsoleSession.FORM_CONTENT_TYPE).formParam("name", "x")
                .when().post("/rules/submit").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void fiveHundredObjectsFitInOneDeliveryAndFiveHundredOneAreRefused() {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/policies/new");
        StringBuilder targets = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            targets.append("47.").append(100 + i / 250).append('.').append(i % 250).append(".9\n");
        }
        filled(session, targets.toString()).when().post("/policies/preview")
                .then().statusCode(200).body(containsString("id=\"request-body\""));
        filled(session, targets + "47.200.0.1").when().post("/policies/preview")
                .then().statusCode(422).body(containsString("at most 500 objects per delivery (has 501)"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void anOversizedFieldIsRefusedWithAMessageNotAServerError() {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/policies/new");
        filled(session, "8.8.8.8").formParam("labels", "x".repeat(200_000)).when().post("/policies/preview")
                .then().statusCode(422).body(containsString("labels is longer than 100000 characters"));
        filled(session, "8.8.8.8").formParam("labels", "x".repeat(300_000)).when().post("/policies/preview")
                .then().statusCode(413).body(not(containsString("Exception")));
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void anUnreadableAgeingIsAFieldError() {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/policies/new");

        filled(session, "8.8.8.8").formParam("ageing", "tomorrow-ish").when().post("/policies/preview")
                .then().statusCode(422).body(containsString("is not understood"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void aFormWithoutTheCsrfTokenIsRefused() {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/policies/new");

        session.request().contentType(ConsoleSession.FORM_CONTENT_TYPE)
                .formParam("block_target", "8.8.8.8")
                .when().post("/policies/submit")
                .then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "audrey", roles = "auditor")
    void anAuditorCannotOpenTheForm() {
        given().redirects().follow(false).when().get("/policies/new")
                .then().statusCode(403).body(not(containsString("Exception")));
    }
}
