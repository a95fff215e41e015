package com.policyconsole.console.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser, as far as tests need one: the cookies of a real form login, and the CSRF token of a page. */
final class WebSession {

    static final String SESSION_COOKIE = "quarkus-credential";
    static final String CSRF_COOKIE = "csrf-token";
    static final String CSRF_FIELD = "csrf-token";

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"" + CSRF_FIELD + "\" value=\"([^\"]+)\"");

    private final Map<String, String> cookies = new HashMap<>();
    private String csrfToken;

    private WebSession() {
    }

    /** Posts the login form; the login must succeed. */
    static WebSession login(String username, String password) {
        Response response = postLogin(username, password);
        assertThat(response.statusCode()).as("login of %s", username).isEqualTo(302);
        assertThat(response.header("Location")).doesNotContain("/login");
        WebSession session = new WebSession();
        assertThat(response.cookie(SESSION_COOKIE)).as("session cookie").isNotBlank();
        session.cookies.put(SESSION_COOKIE, response.cookie(SESSION_COOKIE));
        return session;
    }

    /** Posts the login form as a browser would, without following the redirect. */
    static Response postLogin(String username, String password) {
        return given().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username)
                .formParam("j_password", password)
                .when().post("/j_security_check");
    }

    Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    /** GETs {@code path} with this session's cookies, keeping any cookie and CSRF token the response brings. */
    Response get(String path) {
        Response response = given().redirects().follow(false).cookies(cookies).when().get(path);
        keep(response);
        return response;
    }

    /** The CSRF token of the last page fetched with {@link #get}. */
    String csrfToken() {
        assertThat(csrfToken).as("a page with a CSRF token was fetched").isNotNull();
        return csrfToken;
    }

    private void keep(Response response) {
        response.getCookies().forEach((name, value) -> {
            if (value == null || value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        });
        Matcher token = CSRF_INPUT.matcher(response.asString());
        if (token.find()) {
            csrfToken = token.group(1);
        }
    }
}
