package com.policyconsole.console.adapter.in.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.testing.ConsoleSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class SecurityHeadersTest {

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    @ParameterizedTest
    @CsvSource({
            "/login, 200",
            "/login?error, 200",
            "/admin/users, 302",
            "/q/health/live, 200",
            "/css/console.css, 200",
    })
    void everyResponseCarriesTheSecurityHeaders(String path, int status) {
        Response response = given().redirects().follow(false).when().get(path);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.header("Content-Security-Policy")).isEqualTo(CSP);
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @ParameterizedTest
    @CsvSource({"/login", "/admin/users", "/q/health/live"})
    void pagesAndOtherDynamicResponsesAreNeverStored(String path) {
        Response response = given().redirects().follow(false).when().get(path);

        assertThat(response.headers().getValues("Cache-Control")).containsExactly("no-store");
    }

    @Test
    void aFailedLoginRedirectCarriesTheHeadersToo() {
        Response response = ConsoleSession.postLogin("nobody-at-all", "some-password-123");

        assertThat(response.header("Content-Security-Policy")).isEqualTo(CSP);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void theStylesheetMayBeCached() {
        Response response = given().when().get("/css/console.css");

        assertThat(response.headers().getValues("Cache-Control")).doesNotContain("no-store");
    }
}
