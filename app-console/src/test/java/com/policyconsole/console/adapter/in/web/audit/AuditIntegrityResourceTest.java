package com.policyconsole.console.adapter.in.web.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import com.policyconsole.console.testing.ConsoleSession;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

/** Audit › Integrity over HTTP: who may see it, the head to note, a verification, and garbage anchors. */
@QuarkusTest
class AuditIntegrityResourceTest {

    @Test
    @TestSecurity(user = "ada", roles = "auditor")
    void anAuditorSeesTheHeadAndVerifiesTheTrail() {
        given().when().get("/audit/integrity").then().statusCode(200)
                .body(containsString("id=\"anchor\">#"))
                .body(matchesPattern("(?s).*#\\d+:[0-9a-f]{64}.*"))
                .body(matchesPattern("(?s).*id=\"unsealed\">\\d+ records? waits? to be sealed.*"));
        ConsoleSession session = ConsoleSession.openWithoutLogin("/audit/integrity");
        session.form().formParam("anchor", "").when().post("/audit/integrity").then().statusCode(200)
                .body(containsString("Intact."))
                .body(matchesPattern("(?s).*\\d+ sealed records and\\s+\\d+ not sealed yet checked.*"))
                .body(containsString("Verified by ada"));
    }

    @Test
    @TestSecurity(user = "root", roles = "admin")
    void aGarbageAnchorIsRefusedWithTheExpectedFormAndEscaped() {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/audit/integrity");
        session.form().formParam("anchor", "<script>alert(1)</script>").when().post("/audit/integrity").then()
                .statusCode(422)
                .body(containsString("Anchor: give a position and a SHA-256 hash as #position:hash"))
                .body(allOf(containsString("&lt;script&gt;"), not(containsString("<script>alert"))));
    }

    @Test
    @TestSecurity(user = "root", roles = "admin")
    void aWrongAnchorIsReportedAsARewrittenChain() {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/audit/integrity");
        session.form().formParam("anchor", "#1:" + "0".repeat(64)).when().post("/audit/integrity").then()
                .statusCode(200)
                .body(containsString("Tampered."))
                .body(containsString("record #1</strong>: rewritten"));
    }

    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void anOperatorMayNotSeeIt() {
        given().redirects().follow(false).when().get("/audit/integrity").then().statusCode(403);
    }
}
