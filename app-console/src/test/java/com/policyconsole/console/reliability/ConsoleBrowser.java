package com.policyconsole.console.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser for the reliability tests: a real form login, cookies kept across requests, and every form POST
 * made with the CSRF token of the last page. Each password, session cookie and CSRF token it sees goes to
 * {@link RunSecrets}.
 */
final class ConsoleBrowser {

    private static final String SESSION_COOKIE = "quarkus-credential";
    private static final String CSRF_COOKIE = "csrf-token";
    private static final String CSRF_FIELD = "csrf-token";
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"" + CSRF_FIELD + "\" value=\"([^\"]+)\"");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Map<String, String> cookies = new HashMap<>();
    private String csrfToken;

    private ConsoleBrowser() {
    }

    /** A password made up for this run only. */
    static String newPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    /** Logs in through the login form; the login must succeed. */
    static ConsoleBrowser logIn(String user, String password) {
        RunSecrets.remember("password of user " + user, password);
        Response response = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user).formParam("j_password", password)
                .when().post("/j_security_check");
        assertThat(response.statusCode()).as("login of %s", user).isEqualTo(302);
        assertThat(response.header("Location")).as("login of %s", user).doesNotContain("/login");
        ConsoleBrowser browser = new ConsoleBrowser();
        browser.keep(response);
        assertThat(browser.cookies).as("session cookie after login").containsKey(SESSION_COOKIE);
        return browser;
    }

    /** GETs {@code path}, keeping the cookies and the CSRF token it brings. */
    Response get(String path) {
        Response response = given().redirects().follow(false).cookies(cookies).when().get(path);
        keep(response);
        return response;
    }

    /** POSTs {@code fields} as a form with the CSRF token of the last page, keeping what the answer brings. */
    Response post(String path, Map<String, String> fields) {
        assertThat(csrfToken).as("a page with a CSRF token was opened before posting to %s", path).isNotNull();
        RequestSpecification request = given().redirects().follow(false).cookies(cookies)
                .contentType("application/x-www-form-urlencoded").formParam(CSRF_FIELD, csrfToken);
        fields.forEach(request::formParam);
        Response response = request.when().post(path);
        keep(response);
        return response;
    }

    private void keep(Response response) {
        response.getCookies().forEach((name, value) -> {
            if (value == null || value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
                if (SESSION_COOKIE.equals(name) || CSRF_COOKIE.equals(name)) {
                    RunSecrets.remember("cookie " + name, value);
                }
            }
        });
        Matcher token = CSRF_INPUT.matcher(response.asString());
        if (token.find()) {
            csrfToken = token.group(1);
            RunSecrets.remember("CSRF token", csrfToken);
        }
    }
}
