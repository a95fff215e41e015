package com.policyconsole.console.adapter.in.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.adapter.in.web.session.DeviceCookie;
import com.policyconsole.console.adapter.in.web.session.SessionEpochCookie;
import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestUserFactory;
import com.policyconsole.console.testing.TestUserFactory.TestUser;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A console behind a TLS-terminating proxy it trusts ({@code POLICYCONSOLE_BEHIND_PROXY=true}): a request the proxy
 * says came over https gets HSTS, and every cookie the login sets — Quarkus's session cookie, the session epoch, the
 * device cookie, the CSRF cookie — is Secure; a request over plain http (a console reached directly, in development)
 * gets neither.
 */
@QuarkusTest
@TestProfile(BehindProxyTest.BehindProxy.class)
class BehindProxyTest {

    /** What {@code POLICYCONSOLE_BEHIND_PROXY=true} sets. */
    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @Inject
    ManageAccountsUseCase accounts;

    @Test
    void overHttpsEveryLoginCookieIsSecureAndTheAnswerCarriesHsts() {
        TestUser user = TestUserFactory.create(accounts, "proxied", Roles.OPERATOR);
        Response form = given().header("X-Forwarded-Proto", "https").when().get("/login");
        Response login = login(user, "https");

        assertThat(form.header("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(login.statusCode()).isEqualTo(302);
        List<String> cookies = new java.util.ArrayList<>(login.headers().getValues("Set-Cookie"));
        assertThat(cookies).extracting(c -> c.substring(0, c.indexOf('='))).contains(ConsoleSession.SESSION_COOKIE,
                SessionEpochCookie.NAME, DeviceCookie.NAME);
        Map<String, String> jar = new java.util.HashMap<>();
        login.getCookies().forEach(jar::put);
        Response page = given().redirects().follow(false).header("X-Forwarded-Proto", "https").cookies(jar)
                .when().get("/policies/new");
        assertThat(page.statusCode()).isEqualTo(200);
        cookies.addAll(page.headers().getValues("Set-Cookie"));
        cookies.addAll(form.headers().getValues("Set-Cookie"));
        assertThat(cookies).as("the cookies of the login page, the login and the first form")
                .anyMatch(c -> c.startsWith(ConsoleSession.CSRF_COOKIE + "="))
                .allSatisfy(c -> assertThat(c).as(c.replaceAll("=[^;]*", "=…")).containsIgnoringCase("; Secure"));
    }

    @Test
    void overPlainHttpNeitherHstsNorSecureCookies() {
        TestUser user = TestUserFactory.create(accounts, "direct", Roles.OPERATOR);
        Response form = given().when().get("/login");
        Response login = login(user, null);

        assertThat(form.header("Strict-Transport-Security")).isNull();
        assertThat(login.headers().getValues("Set-Cookie")).anyMatch(c -> c.startsWith(ConsoleSession.SESSION_COOKIE))
                .noneMatch(c -> c.toLowerCase().contains("; secure"));
    }

    private static Response login(TestUser user, String forwardedProto) {
        var request = given().redirects().follow(false).contentType(ConsoleSession.FORM_CONTENT_TYPE)
                .formParam("j_username", user.name()).formParam("j_password", user.password());
        if (forwardedProto != null) {
            request = request.header("X-Forwarded-Proto", forwardedProto);
        }
        return request.when().post("/j_security_check");
    }
}
