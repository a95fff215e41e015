package com.policyconsole.console.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.sandbox.SandboxFaults;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SandboxAdminResourceTest {

    @Inject
    SandboxFaults faults;

    @AfterEach
    void noFaults() {
        faults.update(new SandboxFaults.Settings(0, 0, 0, 0));
    }

    private static Response save(String throttle, String serverError, String timeout, String failNext) {
        return ConsoleSession.openWithoutLogin("/admin/sandbox").form()
                .formParam("throttle", throttle).formParam("server_error", serverError)
                .formParam("timeout", timeout).formParam("fail_next", failNext)
                .when().post("/admin/sandbox");
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void anAdminSetsFaultsThatTheSandboxThenApplies() {
        save("0", "0", "0", "2").then().statusCode(200).body(containsString("Saved"));
        assertThat(faults.next()).isEqualTo(SandboxFaults.Fault.SERVER_ERROR);
        assertThat(faults.next()).isEqualTo(SandboxFaults.Fault.SERVER_ERROR);
        assertThat(faults.next()).isEqualTo(SandboxFaults.Fault.NONE);
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void garbageAndImpossibleSharesAreRefusedWithAMessageAndChangeNothing() {
        save("abc", "0", "0", "0").then().statusCode(422).body(containsString("is not a whole number"));
        save("60", "50", "0", "0").then().statusCode(422).body(containsString("add up to at most 100"));
        assertThat(faults.settings()).isEqualTo(new SandboxFaults.Settings(0, 0, 0, 0));
    }

    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void anOperatorCannotSetFaults() {
        given().redirects().follow(false).when().get("/admin/sandbox").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void settingFaultsWithoutTheCsrfTokenIsRefused() {
        ConsoleSession page = ConsoleSession.openWithoutLogin("/admin/sandbox");
        given().cookies(page.cookies()).contentType(ConsoleSession.FORM_CONTENT_TYPE)
                .formParam("fail_next", "5").when().post("/admin/sandbox").then().statusCode(400);
        assertThat(faults.settings().failNext()).isZero();
    }
}
