package com.policyconsole.bench.console;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser-like session of the console, as a logged-in person has it: its own cookies (the session cookie and
 * the {@code csrf-token} cookie), the CSRF token read from a form, and requests that never follow redirects.
 * Not thread-safe: each virtual user owns one.
 */
final class ConsoleSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrfToken;

    private ConsoleSession(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    /** A client shared by sessions: HTTP/1.1 keep-alive connections, no redirects, no cookie store of its own. */
    static HttpClient sharedClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Logs in through the login form ({@code /j_security_check}) and fails unless the console set a session. */
    static ConsoleSession logIn(HttpClient http, URI base, String user, String password)
            throws IOException, InterruptedException {
        ConsoleSession session = new ConsoleSession(http, base);
        session.get("/login");
        HttpResponse<String> answer = session.post("/j_security_check",
                List.of(Map.entry("j_username", user), Map.entry("j_password", password)), false);
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() / 100 != 3 || location.contains("error") || !session.cookies.containsKey("quarkus-credential")) {
            throw new IOException("login of '" + user + "' failed: HTTP " + answer.statusCode() + " to " + location);
        }
        return session;
    }

    /** Opens a page that holds a form and keeps its CSRF token for the next posts. */
    void readCsrfToken(String page) throws IOException, InterruptedException {
        HttpResponse<String> answer = get(page);
        Matcher m = CSRF_FIELD.matcher(answer.body());
        if (answer.statusCode() != 200 || !m.find()) {
            throw new IOException("no CSRF token on " + page + " (HTTP " + answer.statusCode() + ")");
        }
        csrfToken = m.group(1);
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return remember(http.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    HttpResponse<InputStream> getStream(String pathAndQuery) throws IOException, InterruptedException {
        return remember(http.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    /** A form POST carrying the session's CSRF token (read first with {@link #readCsrfToken}). */
    HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> fields)
            throws IOException, InterruptedException {
        return post(path, fields, true);
    }

    /** A multipart/form-data POST (a form that may carry a file) with the session's CSRF token. */
    HttpResponse<String> postMultipart(String path, List<Map.Entry<String, String>> fields)
            throws IOException, InterruptedException {
        if (csrfToken == null) {
            throw new IllegalStateException("no CSRF token read yet");
        }
        String boundary = "----bench-" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        List<Map.Entry<String, String>> all = new java.util.ArrayList<>();
        all.add(Map.entry("csrf-token", csrfToken));
        all.addAll(fields);
        for (Map.Entry<String, String> f : all) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(f.getKey())
                    .append("\"\r\n\r\n").append(f.getValue()).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        HttpRequest request = request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        return remember(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields, boolean withCsrf)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        if (withCsrf) {
            if (csrfToken == null) {
                throw new IllegalStateException("no CSRF token read yet");
            }
            append(body, "csrf-token", csrfToken);
        }
        fields.forEach(f -> append(body, f.getKey(), f.getValue()));
        HttpRequest request = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return remember(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private static void append(StringBuilder body, String name, String value) {
        if (body.length() > 0) {
            body.append('&');
        }
        body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(REQUEST_TIMEOUT);
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=').append(value));
            b.header("Cookie", header.toString());
        }
        return b;
    }

    /** Applies the answer's Set-Cookie headers (a renewed session cookie, the CSRF cookie, a deletion). */
    private <T> HttpResponse<T> remember(HttpResponse<T> response) {
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            boolean expired = setCookie.toLowerCase().contains("max-age=0") || value.isEmpty();
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }
}
