package com.policyconsole.console.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.testing.TestFormFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The packaged console ({@code target/quarkus-app}) in a JVM of its own on real HTTP, as the process tests start it,
 * and a browser-like session with it: a session cookie and the CSRF token of the last page.
 */
record PackagedConsole(Process process, String base, int port, HttpClient http) {

    static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final Pattern ENTRY = Pattern.compile("/history/(\\d+)");

    PackagedConsole(Process process, int port) {
        this(process, "http://127.0.0.1:" + port, port, HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** A free TCP port on this machine. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Starts the console {@code name} on {@code port} against {@code databaseUrl} with the admin {@code password} and
     * these extra environment variables, and waits until it is ready; its log goes to target/.
     */
    static PackagedConsole start(String name, int port, String databaseUrl, String password, Map<String, String> extra,
                                 List<Process> started) throws Exception {
        Path log = Path.of("target", "process-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", APP.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("POLICYCONSOLE_DB_URL", databaseUrl);
        // it migrates as the owner role and runs as the runtime role (their defaults); Quarkus needs the owner's
        // password set to migrate as it, and the test cluster trusts local connections, so any value does
        env.put("POLICYCONSOLE_DB_OWNER_PASSWORD", "not-checked-by-the-test-cluster");
        env.put("PORT", Integer.toString(port));
        env.put("POLICYCONSOLE_ADMIN_PASSWORD", password);
        // made up here, not in the process, so that the final leak scan (SecretsLeakIT) knows what to look for
        env.put("POLICYCONSOLE_CLOUD_TOKEN", RunSecrets.newPassword());
        env.put("POLICYCONSOLE_SESSION_KEY", RunSecrets.newPassword() + RunSecrets.newPassword());
        env.putAll(extra);
        env.forEach((variable, value) -> {
            if (variable.startsWith("POLICYCONSOLE_") && variable.matches(".*(TOKEN|KEY|PASSWORD)$")) {
                RunSecrets.remember(variable + " of a packaged console", value);
            }
        });
        Process process = builder.start();
        started.add(process);
        PackagedConsole console = new PackagedConsole(process, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("console " + name + " is running; see " + log).isTrue();
            try {
                if (console.get("/q/health/ready").statusCode() == 200) {
                    return console;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("console " + name + " did not become ready; see " + log);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream().map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(150))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts {@code fields} as multipart/form-data, as a browser posts a form that may carry a file. */
    HttpResponse<String> postMultipart(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String boundary = "----policy-console-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                    + "\"\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    void logIn(String password) throws IOException, InterruptedException {
        get("/login");
        HttpResponse<String> answer = post("/j_security_check", Map.of("j_username", "admin", "j_password", password));
        assertThat(answer.statusCode()).as("login at " + base).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    /** Makes this console's sandbox hold {@code percent} % of deliveries past every timeout. */
    void failWithTimeouts(int percent) throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf-token", token("/admin/sandbox"));
        fields.put("throttle", "0");
        fields.put("server_error", "0");
        fields.put("timeout", Integer.toString(percent));
        fields.put("fail_next", "0");
        assertThat(post("/admin/sandbox", fields).statusCode()).isEqualTo(200);
    }

    /** Submits a BLOCK of one address; the entry ID when the console acknowledged it (303 to the entry). */
    Optional<Long> submitBlock(String target) throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf-token", token("/policies/new"));
        fields.putAll(blockTemplate());
        fields.put("block_target", target);
        fields.put("acknowledge", "yes");
        HttpResponse<String> answer = post("/policies/submit", fields);
        Matcher m = ENTRY.matcher(answer.headers().firstValue("Location").orElse(""));
        return answer.statusCode() == 303 && m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** Starts a bulk job of {@code batch} (BLOCK through CFW); the job's ID. */
    long startBulk(String batch) throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf-token", token("/bulk/new"));
        fields.putAll(blockTemplate());
        fields.put("batch", batch);
        fields.put("acknowledge", "yes");
        HttpResponse<String> answer = postMultipart("/bulk/start", fields);
        String location = answer.headers().firstValue("Location").orElse("");
        assertThat(answer.statusCode()).as("bulk start at " + base + ": " + answer.body().length()).isEqualTo(303);
        return Long.parseLong(location.replaceAll(".*/bulk/jobs/(\\d+).*", "$1"));
    }

    String token(String page) throws IOException, InterruptedException {
        Matcher m = TOKEN.matcher(get(page).body());
        assertThat(m.find()).as("CSRF token on " + page).isTrue();
        return m.group(1);
    }

    private static Map<String, String> blockTemplate() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("project_id", "3bb27e024693436da46b5f5aaf499060");
        fields.put("workspace_id", "sandbox-workspace");
        fields.put("secmaster_version", "25.5.0");
        fields.put("region_id", "cn-north-7");
        fields.put("policy_category", "BLOCK");
        fields.put("policy_type", "Source Ip");
        fields.put("connection", TestFormFactory.CFW);
        return fields;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
