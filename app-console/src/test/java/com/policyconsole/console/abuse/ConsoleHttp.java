package com.policyconsole.console.abuse;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A logged-in browser as far as load tests need one, over {@code java.net.http}: the session and CSRF cookies of
 * a real form login, and the CSRF token the forms carry. Thread-safe once opened, so many posts can run at once.
 */
final class ConsoleHttp {

    static final String CSRF_FIELD = "csrf-token";

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"" + CSRF_FIELD + "\" value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final URI base;
    private final Map<String, String> cookies;
    private final String csrfToken;

    private ConsoleHttp(HttpClient client, URI base, Map<String, String> cookies, String csrfToken) {
        this.client = client;
        this.base = base;
        this.cookies = Map.copyOf(cookies);
        this.csrfToken = csrfToken;
    }

    /** Logs in through the login form and opens {@code formPage} to obtain the CSRF cookie and token. */
    static ConsoleHttp logIn(URI base, String user, String password, String formPage) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).build();
        Map<String, String> cookies = new LinkedHashMap<>();
        String login = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> loggedIn = client.send(HttpRequest.newBuilder(base.resolve("/j_security_check"))
                .timeout(TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(login)).build(), HttpResponse.BodyHandlers.ofString());
        keepCookies(loggedIn, cookies);
        if (loggedIn.statusCode() != 302 || !cookies.containsKey("quarkus-credential")) {
            throw new IllegalStateException("login of " + user + " failed: " + loggedIn.statusCode());
        }
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(base.resolve(formPage)).timeout(TIMEOUT)
                .header("Cookie", cookieHeader(cookies)).GET().build(), HttpResponse.BodyHandlers.ofString());
        keepCookies(page, cookies);
        Matcher token = CSRF_INPUT.matcher(page.body());
        if (page.statusCode() != 200 || !token.find() || !cookies.containsKey(CSRF_FIELD)) {
            throw new IllegalStateException("no CSRF token on " + formPage + " (status " + page.statusCode() + ")");
        }
        return new ConsoleHttp(client, base, cookies, token.group(1));
    }

    String csrfToken() {
        return csrfToken;
    }

    /** Posts an already encoded {@code application/x-www-form-urlencoded} body with this session's cookies. */
    HttpResponse<String> postForm(String path, byte[] body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Cookie", cookieHeader(cookies))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void keepCookies(HttpResponse<?> response, Map<String, String> cookies) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String value = pair.substring(eq + 1);
                if (value.isEmpty()) {
                    cookies.remove(pair.substring(0, eq));
                } else {
                    cookies.put(pair.substring(0, eq), value);
                }
            }
        }
    }

    private static String cookieHeader(Map<String, String> cookies) {
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
        return header.toString();
    }
}
