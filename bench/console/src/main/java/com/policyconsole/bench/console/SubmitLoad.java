package com.policyconsole.bench.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Submission load on the console, end to end: N virtual users, each logged in with its own session and CSRF token,
 * post distinct valid emergency policies to {@code /policies/submit} back to back (closed loop, no think time) and,
 * like a browser, follow the redirect to the result page. A submission counts as acknowledged only when the answer
 * is 303 to {@code /history/<id>} and that page shows SUCCEEDED. Prints one {@code RESULT key=value ...} line.
 *
 * <p>Options: {@code --base-url} (several, comma-separated: user i submits to console i mod n), {@code --user} (admin), password from env {@code BENCH_CONSOLE_PASSWORD},
 * {@code --users} (16), {@code --warmup} seconds (10), {@code --seconds} measured (30), {@code --seed} (0–15, distinct
 * per run on one database), {@code --policies-per-project} (250), {@code --follow} (true: GET the result page),
 * {@code --ack-file} (append each acknowledged entry ID as soon as the redirect arrives, for the crash test),
 * {@code --until-connection-lost} (false: a virtual user stops at its first I/O error, e.g. the console was killed).
 */
public final class SubmitLoad {

    /** Where the form's 303 points: the new history entry's result page. */
    static final Pattern ENTRY = Pattern.compile("^/history/(\\d+)$");
    /** What the result page shows for a create SecMaster accepted. */
    static final String SUCCEEDED = "id=\"status\">SUCCEEDED<";

    private final List<URI> consoles;
    private final String user;
    private final String password;
    private final int seed;
    private final int policiesPerProject;
    private final boolean follow;
    private final boolean untilConnectionLost;
    private final PrintWriter acknowledgements;
    private final HttpClient http = ConsoleSession.sharedClient();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final AtomicLong acknowledgedTotal = new AtomicLong();
    private volatile long measureFrom;
    private volatile long measureUntil;

    private SubmitLoad(Options o) throws IOException {
        consoles = Arrays.stream(o.required("base-url").split(",")).map(String::strip).map(URI::create)
                .toList();
        user = o.text("user", "admin");
        password = System.getenv("BENCH_CONSOLE_PASSWORD");
        if (password == null) {
            throw new IllegalArgumentException("set BENCH_CONSOLE_PASSWORD");
        }
        seed = o.integer("seed", 0);
        policiesPerProject = o.integer("policies-per-project", 250);
        follow = o.flag("follow", true);
        untilConnectionLost = o.flag("until-connection-lost", false);
        String ackFile = o.text("ack-file", null);
        acknowledgements = ackFile == null ? null : new PrintWriter(Files.newBufferedWriter(Path.of(ackFile),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND), true);
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options(args);
        SubmitLoad load = new SubmitLoad(o);
        load.run(o.integer("users", 16), o.integer("warmup", 10), o.integer("seconds", 30));
    }

    private void run(int users, int warmupSeconds, int measuredSeconds) throws Exception {
        List<VirtualUser> vus = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            vus.add(new VirtualUser(i));
        }
        CountDownLatch loggedIn = new CountDownLatch(users);
        List<Thread> threads = new ArrayList<>();
        long far = Long.MAX_VALUE;
        measureFrom = far;
        measureUntil = far;
        for (VirtualUser vu : vus) {
            Thread t = new Thread(() -> vu.run(loggedIn), "vu-" + vu.index);
            t.start();
            threads.add(t);
        }
        loggedIn.await();
        long start = System.nanoTime();
        measureFrom = start + warmupSeconds * 1_000_000_000L;
        measureUntil = measureFrom + measuredSeconds * 1_000_000_000L;
        for (Thread t : threads) {
            t.join();
        }
        long ended = Math.min(System.nanoTime(), measureUntil);
        double seconds = Math.max(0, ended - measureFrom) / 1e9;
        Latencies submit = Latencies.merge(vus.stream().map(v -> v.submitLatency).toList());
        Latencies roundTrip = Latencies.merge(vus.stream().map(v -> v.roundTripLatency).toList());
        long measuredErrors = vus.stream().mapToLong(v -> v.measuredErrors).sum();
        Map<String, Long> reasons = new TreeMap<>();
        errors.forEach((k, v) -> reasons.put(k, v.get()));
        System.err.println("errors by reason (whole run): " + reasons);
        System.out.printf(java.util.Locale.ROOT,
                "RESULT users=%d seconds=%.1f acknowledged=%d rate=%.1f submit_p50=%.2f submit_p99=%.2f "
                        + "roundtrip_p50=%.2f roundtrip_p99=%.2f errors=%d acknowledged_total=%d%n",
                users, seconds, submit.count(), seconds == 0 ? 0 : submit.count() / seconds,
                submit.percentileMillis(50), submit.percentileMillis(99), roundTrip.percentileMillis(50),
                roundTrip.percentileMillis(99), measuredErrors, acknowledgedTotal.get());
        if (acknowledgements != null) {
            acknowledgements.close();
        }
    }

    private void error(String reason) {
        errors.computeIfAbsent(reason, k -> new AtomicLong()).incrementAndGet();
    }

    /** One person at the console: logs in, opens the form once, then submits policy after policy. */
    private final class VirtualUser {
        final int index;
        final Latencies submitLatency = new Latencies();
        final Latencies roundTripLatency = new Latencies();
        long measuredErrors;
        private final PolicyFactory policies;

        VirtualUser(int index) {
            this.index = index;
            this.policies = new PolicyFactory(seed, index, policiesPerProject);
        }

        void run(CountDownLatch loggedIn) {
            ConsoleSession session;
            try {
                session = ConsoleSession.logIn(http, consoles.get(index % consoles.size()), user, password);
                session.readCsrfToken("/policies/new");
            } catch (IOException | InterruptedException e) {
                error("login: " + e.getMessage());
                loggedIn.countDown();
                return;
            }
            loggedIn.countDown();
            try {
                loggedIn.await();
            } catch (InterruptedException e) {
                return;
            }
            while (System.nanoTime() < measureUntil) {
                long t0 = System.nanoTime();
                boolean ok;
                try {
                    ok = submitOnce(session, t0);
                } catch (IOException e) {
                    ok = false;
                    error("io: " + e.getClass().getSimpleName());
                    if (untilConnectionLost) {
                        return;
                    }
                    sleepQuietly();
                } catch (InterruptedException e) {
                    return;
                }
                if (!ok && t0 >= measureFrom && System.nanoTime() <= measureUntil) {
                    measuredErrors++;
                }
            }
        }

        private boolean submitOnce(ConsoleSession session, long t0) throws IOException, InterruptedException {
            HttpResponse<String> answer = session.postForm("/policies/submit", policies.next());
            long t1 = System.nanoTime();
            String location = answer.headers().firstValue("Location").map(l -> URI.create(l).getPath()
                    + (URI.create(l).getQuery() == null ? "" : "?" + URI.create(l).getQuery())).orElse("");
            Matcher m = ENTRY.matcher(location);
            if (answer.statusCode() != 303 || !m.matches()) {
                error("submit: HTTP " + answer.statusCode() + (location.isEmpty() ? "" : " to " + location));
                return false;
            }
            if (acknowledgements != null) {
                acknowledgements.println(m.group(1));
            }
            long t2 = t1;
            if (follow) {
                HttpResponse<String> result = session.get(location);
                t2 = System.nanoTime();
                if (result.statusCode() != 200 || !result.body().contains(SUCCEEDED)) {
                    error("result page: HTTP " + result.statusCode() + " without SUCCEEDED");
                    return false;
                }
            }
            acknowledgedTotal.incrementAndGet();
            if (t0 >= measureFrom && t2 <= measureUntil) {
                submitLatency.add(t1 - t0);
                roundTripLatency.add(t2 - t0);
            }
            return true;
        }

        private void sleepQuietly() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
