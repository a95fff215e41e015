package com.policyconsole.console.adapter.in.web.history;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestFormFactory;
import com.policyconsole.sandbox.SandboxFaults;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HistoryFlowTest {

    @Inject
    SandboxFaults faults;

    @AfterEach
    void noFaults() {
        faults.update(new SandboxFaults.Settings(0, 0, 0, 0));
    }

    private static String submit(String target) {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/policies/new");
        return TestFormFactory.blockForm(session, target)
                .when().post("/policies/submit")
                .then().statusCode(303).extract().header("Location");
    }

    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void aFailedDeliveryIsRetriedWithItsPolicyIdAndLinkedToTheOriginal() {
        faults.update(new SandboxFaults.Settings(0, 0, 0, 1));
        String target = TestFormFactory.freshIp();
        String original = submit(target);
        given().when().get(original).then().statusCode(200)
                .body(containsString("UNKNOWN"))
                .body(containsString("id=\"retry\""));

        ConsoleSession session = ConsoleSession.openWithoutLogin(original);
        String retried = session.form().when().post(original + "/retry")
                .then().statusCode(303).extract().header("Location");

        assertThat(retried).isNotEqualTo(original);
        String originalId = original.substring(original.lastIndexOf('/') + 1);
        given().when().get(retried).then().statusCode(200)
                .body(containsString("SUCCEEDED"))
                .body(containsString("Retry of"))
                .body(containsString("#" + originalId))
                .body(containsString("&quot;retry_list&quot;:[&quot;"))
                .body(containsString("action_type=retry"));
    }

    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void aCompletedDeliveryOffersNoSecondRetryAndItsPolicyCountsAsActive() {
        faults.update(new SandboxFaults.Settings(0, 0, 0, 1));
        String target = TestFormFactory.freshIp();
        String original = submit(target);
        ConsoleSession session = ConsoleSession.openWithoutLogin(original);
        String retried = session.form().when().post(original + "/retry").then().statusCode(303).extract().header("Location");

        given().when().get(original).then().statusCode(200)
                .body(containsString("Completed by the retry"))
                .body(containsString(java.net.URI.create(retried).getPath()))
                .body(not(containsString("id=\"retry\"")));
        session.form().when().post(original + "/retry").then().statusCode(409);

        ConsoleSession form = ConsoleSession.openWithoutLogin("/policies/new");
        TestFormFactory.blockForm(form, target)
                .when().post("/policies/preview")
                .then().statusCode(200).body(containsString("is already covered by"));
    }

    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void aDeliveryThatCertainlyFailedIsOfferedAgainAsACreate() {
        faults.update(new SandboxFaults.Settings(100, 0, 0, 0));
        String original = submit(TestFormFactory.freshIp());
        given().when().get(original).then().statusCode(200).body(containsString("FAILED"));
        faults.update(new SandboxFaults.Settings(0, 0, 0, 0));

        ConsoleSession session = ConsoleSession.openWithoutLogin(original);
        String form = session.form().when().post(original + "/retry").then().statusCode(200)
                .body(containsString("certainly did not reach SecMaster"))
                .body(containsString("New emergency policy"))
                .extract().asString();
        String originalId = original.substring(original.lastIndexOf('/') + 1);
        assertThat(form).contains("name=\"retry_of\" value=\"" + originalId + "\"");

        String target = java.util.regex.Pattern.compile("name=\"block_target\"[^>]*>([^<]+)<").matcher(form)
                .results().findFirst().orElseThrow().group(1).strip();
        String again = TestFormFactory.blockForm(session, target).formParam("retry_of", originalId)
                .when().post("/policies/submit").then().statusCode(303).extract().header("Location");
        given().when().get(again).then().body(containsString("Retry of")).body(containsString("#" + originalId));
        given().when().get(original).then().body(containsString("Completed by the retry"))
                .body(not(containsString("id=\"retry\"")));
    }

    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void theRetryPicksThePolicyWithTheSameAgeingWhenTheObjectIsBlockedTwice() {
        String target = TestFormFactory.freshIp();
        submit(target);
        faults.update(new SandboxFaults.Settings(0, 0, 0, 1));
        ConsoleSession session = ConsoleSession.openWithoutLogin("/policies/new");
        String original = TestFormFactory.blockForm(session, target)
                .formParam("ageing", "2030-01-01T00:00").formParam("acknowledge", "yes")
                .when().post("/policies/submit").then().statusCode(303).extract().header("Location");
        given().when().get(original).then().body(containsString("UNKNOWN"));

        String retried = session.form().when().post(original + "/retry").then().statusCode(303)
                .extract().header("Location");
        given().when().get(retried).then().statusCode(200).body(containsString("SUCCEEDED"))
                .body(containsString("&quot;block_ageing&quot;:&quot;1893456000000&quot;"));
    }

    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void aRetryWithoutTheCsrfTokenIsRefused() {
        faults.update(new SandboxFaults.Settings(0, 0, 0, 1));
        String original = submit(TestFormFactory.freshIp());
        ConsoleSession session = ConsoleSession.openWithoutLogin(original);

        session.request().contentType(ConsoleSession.FORM_CONTENT_TYPE).formParam("x", "1")
                .when().post(original + "/retry").then().statusCode(400);
        session.request().contentType("text/plain").body("x")
                .when().post(original + "/retry").then().statusCode(415);
        given().when().get(original).then().body(containsString("UNKNOWN"));
    }

    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void aSucceededEntryOffersNoRetry() {
        String entry = submit(TestFormFactory.freshIp());
        given().when().get(entry).then().statusCode(200).body(not(containsString("id=\"retry\"")));
    }

    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void theTargetFilterFindsAnIpInsideABlockedRange() {
        String ip = TestFormFactory.freshIp();
        String block = ip.substring(0, ip.lastIndexOf('.')) + ".0/24";
        String entry = submit(block);
        String id = entry.substring(entry.lastIndexOf('/') + 1);

        given().queryParam("target", ip.substring(0, ip.lastIndexOf('.')) + ".77").when().get("/history")
                .then().statusCode(200).body(containsString("href=\"/history/" + id + "\""));
    }

    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void aBadFilterIsShownNextToItsField() {
        given().queryParam("from", "yesterday").when().get("/history")
                .then().statusCode(400).body(containsString("a date (2026-11-22) or UTC date-time"));
    }

    @Test
    @TestSecurity(user = "audrey", roles = "auditor")
    void anAuditorExportsCsv() {
        String csv = given().queryParam("operation", "CREATE_EMERGENCY_POLICY").when().get("/history/export.csv")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertThat(csv).startsWith("id,requested_at");
        assertThat(csv.lines().skip(1)).allMatch(line -> line.contains("CREATE_EMERGENCY_POLICY"));
    }

    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void anOperatorCannotExport() {
        given().redirects().follow(false).when().get("/history/export.csv").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "audrey", roles = "auditor")
    void anAuditorCannotRetry() {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/history");
        session.form().when().post("/history/1/retry").then().statusCode(403);
    }
}
