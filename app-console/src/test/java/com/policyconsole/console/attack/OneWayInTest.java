package com.policyconsole.console.attack;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestUserFactory;
import com.policyconsole.console.testing.TestUserFactory.TestUser;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attacks on the one way into the API and on the login form, sent as raw HTTP so that no client library cleans the
 * path: a page session used on the API through a path spelled another way, and a login posted from another site to
 * a path that form login also takes.
 */
@QuarkusTest
class OneWayInTest {

    @Inject
    ManageAccountsUseCase accounts;

    @TestHTTPResource("/")
    URL base;

    @ParameterizedTest
    @ValueSource(strings = {"/api;x/v1/history", "/api/v1;x/history", "/api/v1/history;jsessionid=1", "/x/../api/v1/history",
            "/api/./v1/history", "/api/v1/%2e%2e/v1/history", "/api%2fv1/history", "/api%2Fv1/history", "//api/v1/history",
            "/api/v1\\history", "/%61pi/v1/history;"})
    void aPageSessionNeverReachesTheApiThroughAPathSpelledAnotherWay(String path) throws IOException {
        TestUser auditor = TestUserFactory.create(accounts, "oneway", Roles.AUDITOR);
        ConsoleSession session = ConsoleSession.logIn(auditor.name(), auditor.password());
        String cookie = ConsoleSession.SESSION_COOKIE + "=" + session.cookies().get(ConsoleSession.SESSION_COOKIE);

        String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nCookie: " + cookie
                + "\r\nConnection: close\r\n\r\n");

        assertThat(statusOf(answer)).as(path + " answered:%n%s", answer).isEqualTo(400);
        assertThat(answer).doesNotContain("\"entries\"");
    }

    @Test
    void theCanonicalApiPathWithAPageSessionIsStillRefused() throws IOException {
        TestUser auditor = TestUserFactory.create(accounts, "oneway-c", Roles.AUDITOR);
        ConsoleSession session = ConsoleSession.logIn(auditor.name(), auditor.password());
        String cookie = ConsoleSession.SESSION_COOKIE + "=" + session.cookies().get(ConsoleSession.SESSION_COOKIE);

        String answer = raw("GET /api/v1/history HTTP/1.1\r\nHost: localhost\r\nCookie: " + cookie
                + "\r\nConnection: close\r\n\r\n");

        assertThat(statusOf(answer)).as("the API takes only Bearer tokens").isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/x/j_security_check", "/login/j_security_check", "/j_security_check"})
    void aLoginPostedFromAnotherSiteIsRefusedOnEveryPathFormLoginTakes(String path) throws IOException {
        TestUser victim = TestUserFactory.create(accounts, "csrf-login", Roles.AUDITOR);
        String form = "j_username=" + victim.name() + "&j_password=" + victim.password();

        String answer = raw("POST " + path + " HTTP/1.1\r\nHost: localhost:" + base.getPort()
                + "\r\nOrigin: https://evil.example\r\nSec-Fetch-Site: cross-site"
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
                + "\r\nConnection: close\r\n\r\n" + form);

        assertThat(statusOf(answer)).as(path + " answered:%n%s", answer).isEqualTo(403);
        assertThat(answer).doesNotContain(ConsoleSession.SESSION_COOKIE + "=");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int statusOf(String answer) {
        assertThat(answer).startsWith("HTTP/1.1 ");
        return Integer.parseInt(answer.substring(9, 12));
    }
}
