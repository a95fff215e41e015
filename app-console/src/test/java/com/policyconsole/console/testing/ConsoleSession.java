package com.policyconsole.console.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser's HTTP session for tests: a form login, the cookies it keeps, the CSRF token of the last page. */
public final class ConsoleSession {

    public static final String SESSION_COOKIE = "quarkus-credential";
    public static final String CSRF_COOKIE = "csrf-token";
    public static final String CSRF_FIELD = "csrf-token";
    public static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"" + CSRF_FIELD + "\" value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final BiConsumer<String, String> FORGET = (what, value) -> { };

    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private final BiConsumer<String, String> secretsSeen;
    private volatile String csrfToken;
    private HttpClient http;

    private ConsoleSession(BiConsumer<String, String> secretsSeen) {
        this.secretsSeen = secretsSeen;
    }

    /** Logs in through the login form; the login must succeed. */
    public static ConsoleSession logIn(String user, String password) {
        return logIn(user, password, FORGET);
    }

    /** Logs in (it must succeed), handing each password, cookie and CSRF token seen to {@code secretsSeen}. */
    public static ConsoleSession logIn(String user, String password, BiConsumer<String, String> secretsSeen) {
        secretsSeen.accept("password of user " + user, password);
        Response response = postLogin(user, password);
        assertThat(response.statusCode()).as("login of %s", user).isEqualTo(302);
        assertThat(response.header("Location")).as("login of %s", user).doesNotContain("/login");
        ConsoleSession session = new ConsoleSession(secretsSeen);
        session.keep(response);
        assertThat(session.cookies.get(SESSION_COOKIE)).as("session cookie after the login of %s", user).isNotBlank();
        return session;
    }

    /** Posts the login form as a browser would, without following the redirect, and returns the answer as it is. */
    public static Response postLogin(String user, String password) {
        return given().redirects().follow(false)
                .contentType(FORM_CONTENT_TYPE)
                .formParam("j_username", user)
                .formParam("j_password", password)
                .when().post("/j_security_check");
    }

    /** A session without a form login (as under {@code @TestSecurity}) that opened {@code page} and holds its token. */
    public static ConsoleSession openWithoutLogin(String page) {
        ConsoleSession session = new ConsoleSession(FORGET);
        Response response = session.get(page);
        if (session.csrfToken == null) {
            throw new AssertionError("no CSRF token on " + page + " (status " + response.statusCode() + ")");
        }
        return session;
    }

    /** GETs {@code path} with this session's cookies, keeping any cookie and CSRF token the answer brings. */
    public Response get(String path) {
        Response response = request().when().get(path);
        keep(response);
        return response;
    }

    /** POSTs {@code fields} as a form with the CSRF token of the last page, keeping what the answer brings. */
    public Response post(String path, Map<String, String> fields) {
        RequestSpecification request = form();
        fields.forEach(request::formParam);
        Response response = request.when().post(path);
        keep(response);
        return response;
    }

    /** A request with this session's cookies that does not follow redirects; what it brings back is not kept. */
    public RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies);
    }

    /** A form POST with this session's cookies and the CSRF token of the last page; its answer is not kept. */
    public RequestSpecification form() {
        return request().contentType(FORM_CONTENT_TYPE).formParam(CSRF_FIELD, csrfToken());
    }

    /** POSTs an encoded form body byte for byte over {@code java.net.http} (load tests); the answer is not kept. */
    public HttpResponse<String> postEncodedForm(String path, byte[] body) throws IOException, InterruptedException {
        URI base = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/");
        return http().send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Cookie", cookieHeader())
                .header("Content-Type", FORM_CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The cookies this session holds now, by name. */
    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    /** The CSRF token of the last page fetched or posted to; such a page must have been opened. */
    public String csrfToken() {
        assertThat(csrfToken).as("a page with a CSRF token was opened").isNotNull();
        return csrfToken;
    }

    private void keep(Response response) {
        response.getCookies().forEach((name, value) -> {
            if (value == null || value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
                if (SESSION_COOKIE.equals(name) || CSRF_COOKIE.equals(name)) {
                    secretsSeen.accept("cookie " + name, value);
                }
            }
        });
        Matcher token = CSRF_INPUT.matcher(response.asString());
        if (token.find()) {
            csrfToken = token.group(1);
            secretsSeen.accept("CSRF token", csrfToken);
        }
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).build();
        }
        return http;
    }

    private String cookieHeader() {
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ")
                .append(name).append('=').append(value));
        return header.toString();
    }
}
