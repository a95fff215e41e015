package com.policyconsole.bench.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates emergency policies through one path of the console — the form or the JSON API — under a closed-loop load.
 *
 * <p>N virtual users log in as {@code --user} (password from env {@code BENCH_CONSOLE_PASSWORD}) and prepare once:
 * a form user opens the form for its CSRF token; an API user makes its own operator token on {@code /account/tokens},
 * as a person would, and reads it from the page that shows it once. Then each creates {@link PolicyFactory}'s policies
 * back to back, no think time. A form create is the POST, its 303 to the result page and that page, and counts only
 * when the page shows SUCCEEDED; an API create is one {@code POST /api/v1/emergency-policies} with the token, and
 * counts only when it is 201 with outcome SUCCEEDED and the outcome recorded. The time of a create is all of it.
 * Prints one {@code RESULT path=… users=… rate=… p50=… p99=… errors=…} line; the errors by reason go to stderr.
 *
 * <p>Options: {@code --path} ({@code form} or {@code api}), {@code --base-url}, {@code --user} (admin),
 * {@code --users} (16, at most 64), {@code --warmup} seconds (10), {@code --seconds} measured (30), {@code --seed}
 * (0–63, distinct per run on one database), {@code --policies-per-project} (250).
 */
public final class ApiVsFormLoad {

    private static final String CREATE = "/api/v1/emergency-policies";
    private static final Pattern SHOWN_TOKEN =
            Pattern.compile("<pre id=\"secret\">(pc_[0-9]+_[A-Za-z0-9_-]{43})</pre>");
    private static final Pattern API_SUCCEEDED = Pattern.compile("\"outcome\":\\{\"status\":\"SUCCEEDED\"");
    private static final String OUTCOME_RECORDED = "\"outcome_recorded\":true";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final boolean throughApi;
    private final URI console;
    private final String user;
    private final String password;
    private final int seed;
    private final int policiesPerProject;
    private final HttpClient http = ConsoleSession.sharedClient();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final AtomicLong notPrepared = new AtomicLong();
    private volatile long measureFrom = Long.MAX_VALUE;
    private volatile long measureUntil = Long.MAX_VALUE;

    private ApiVsFormLoad(Options o) {
        String path = o.required("path");
        if (!path.equals("form") && !path.equals("api")) {
            throw new IllegalArgumentException("--path is form or api, not '" + path + "'");
        }
        throughApi = path.equals("api");
        console = URI.create(o.required("base-url"));
        user = o.text("user", "admin");
        password = System.getenv("BENCH_CONSOLE_PASSWORD");
        if (password == null) {
            throw new IllegalArgumentException("set BENCH_CONSOLE_PASSWORD");
        }
        seed = o.integer("seed", 0);
        policiesPerProject = o.integer("policies-per-project", 250);
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options(args);
        new ApiVsFormLoad(o).run(o.integer("users", 16), o.integer("warmup", 10), o.integer("seconds", 30));
    }

    private void run(int users, int warmupSeconds, int measuredSeconds) throws InterruptedException {
        CountDownLatch prepared = new CountDownLatch(users);
        List<VirtualUser> vus = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            VirtualUser vu = new VirtualUser(i, prepared);
            vus.add(vu);
            Thread thread = new Thread(vu, "vu-" + i);
            thread.start();
            threads.add(thread);
        }
        prepared.await();
        if (notPrepared.get() > 0) {
            measureUntil = 0;
            report(users, 0, new Latencies(), 0);
            System.exit(1);
        }
        measureFrom = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        measureUntil = measureFrom + measuredSeconds * 1_000_000_000L;
        for (Thread t : threads) {
            t.join();
        }
        double seconds = Math.max(0, Math.min(System.nanoTime(), measureUntil) - measureFrom) / 1e9;
        report(users, seconds, Latencies.merge(vus.stream().map(v -> v.latencies).toList()),
                vus.stream().mapToLong(v -> v.measuredErrors).sum());
    }

    private void report(int users, double seconds, Latencies creates, long measuredErrors) {
        Map<String, Long> reasons = new TreeMap<>();
        errors.forEach((k, v) -> reasons.put(k, v.get()));
        System.err.println("errors by reason (whole run, warm-up included): " + reasons);
        System.out.printf(Locale.ROOT, "RESULT path=%s users=%d seconds=%.1f creates=%d rate=%.1f p50=%.2f p99=%.2f"
                        + " errors=%d%n", throughApi ? "api" : "form", users, seconds, creates.count(),
                seconds == 0 ? 0 : creates.count() / seconds, creates.percentileMillis(50),
                creates.percentileMillis(99), measuredErrors);
    }

    private void error(String reason) {
        errors.computeIfAbsent(reason, k -> new AtomicLong()).incrementAndGet();
    }

    /** One virtual user's way to create: made once (login, CSRF token or API token), then one create per call. */
    private interface Creator {
        /** Creates the next policy; true only when the console confirms it SUCCEEDED (else the reason is counted). */
        boolean create() throws IOException, InterruptedException;
    }

    private Creator prepare(int index) throws IOException, InterruptedException {
        PolicyFactory policies = new PolicyFactory(seed, index, policiesPerProject);
        ConsoleSession session = ConsoleSession.logIn(http, console, user, password);
        if (!throughApi) {
            session.readCsrfToken("/policies/new");
            return () -> createThroughForm(session, policies);
        }
        String token = makeToken(session, "bench-api-" + seed + "-" + index);
        return () -> createThroughApi(token, policies);
    }

    /** Makes an operator token on the tokens page and reads its secret from the page, the one time it is shown. */
    private static String makeToken(ConsoleSession session, String name) throws IOException, InterruptedException {
        session.readCsrfToken("/account/tokens");
        HttpResponse<String> page = session.postForm("/account/tokens", List.of(Map.entry("name", name),
                Map.entry("role", "operator"), Map.entry("expires_in_days", "1")));
        Matcher shown = SHOWN_TOKEN.matcher(page.body());
        if (page.statusCode() != 200 || !shown.find()) {
            throw new IOException("token '" + name + "' not made: HTTP " + page.statusCode());
        }
        return shown.group(1);
    }

    private boolean createThroughForm(ConsoleSession session, PolicyFactory policies)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = session.postForm("/policies/submit", policies.next());
        String location = answer.headers().firstValue("Location").map(l -> URI.create(l).getPath()).orElse("");
        if (answer.statusCode() != 303 || !SubmitLoad.ENTRY.matcher(location).matches()) {
            error("form: HTTP " + answer.statusCode() + (location.isEmpty() ? "" : " to " + location));
            return false;
        }
        HttpResponse<String> result = session.get(location);
        if (result.statusCode() != 200 || !result.body().contains(SubmitLoad.SUCCEEDED)) {
            error("result page: HTTP " + result.statusCode() + " without SUCCEEDED");
            return false;
        }
        return true;
    }

    private boolean createThroughApi(String token, PolicyFactory policies) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(console.resolve(CREATE)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(policies.nextApiBody(Instant.now()))).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            error("api: HTTP " + answer.statusCode());
            return false;
        }
        if (!API_SUCCEEDED.matcher(answer.body()).find() || !answer.body().contains(OUTCOME_RECORDED)) {
            error("api: 201 without outcome SUCCEEDED recorded");
            return false;
        }
        return true;
    }

    /** One person or script creating policy after policy; measures the creates that start and end in the window. */
    private final class VirtualUser implements Runnable {
        final Latencies latencies = new Latencies();
        long measuredErrors;
        private final int index;
        private final CountDownLatch prepared;

        VirtualUser(int index, CountDownLatch prepared) {
            this.index = index;
            this.prepared = prepared;
        }

        @Override
        public void run() {
            Creator creator;
            try {
                creator = prepare(index);
            } catch (IOException | InterruptedException e) {
                error("prepare: " + e.getMessage());
                notPrepared.incrementAndGet();
                prepared.countDown();
                return;
            }
            prepared.countDown();
            try {
                prepared.await();
                while (System.nanoTime() < measureUntil) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = creator.create();
                    } catch (IOException e) {
                        ok = false;
                        error("io: " + e.getClass().getSimpleName());
                        Thread.sleep(50);
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom && t1 <= measureUntil) {
                        if (ok) {
                            latencies.add(t1 - t0);
                        } else {
                            measuredErrors++;
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
