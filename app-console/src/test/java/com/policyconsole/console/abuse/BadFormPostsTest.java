package com.policyconsole.console.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.abuse.BadFormPosts.Base;
import com.policyconsole.console.abuse.BadFormPosts.Fault;
import com.policyconsole.console.abuse.BadFormPosts.Post;
import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import com.policyconsole.sandbox.SandboxRules;
import com.policyconsole.sandbox.SandboxState;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * More than 10,000 generated bad posts to both forms, preview and submit: none gets a 5xx, each is refused naming
 * the bad field (or, over the transport limit, with 413), no markup from the input reaches a page unescaped, and
 * nothing is recorded in the history or sent to the sandbox.
 */
@QuarkusTest
class BadFormPostsTest {

    /** Fixed, so that a failing post is generated again exactly ({@code new BadFormPosts(SEED).post(n)}). */
    static final long SEED = 20_260_517L;
    static final int POSTS = 10_400;
    static final int IN_FLIGHT = 6;

    private static final Pattern ERROR_PATH = Pattern.compile("<li><code>([^<]*)</code>");
    private static final List<String> MARKUP = List.of("<script", "<img", "<svg", "<iframe");

    @Inject
    ManageAccountsUseCase accounts;

    @Inject
    DataSource dataSource;

    @Inject
    SandboxState sandbox;

    @Inject
    SandboxRules sandboxRules;

    private ConsoleSession operator;

    @BeforeEach
    void logInAsOperator() throws Exception {
        String name = "abuser-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "abuse-password-1";
        accounts.create(name, name, password, List.of("operator"));
        operator = ConsoleSession.logIn(name, password);
        assertThat(operator.get("/policies/new").statusCode()).as("the form page").isEqualTo(200);
        assertThat(operator.cookies()).as("cookies after opening the form").containsKey(ConsoleSession.CSRF_COOKIE);
        assertThat(operator.csrfToken()).as("CSRF token of the form").isNotBlank();
    }

    @Test
    void theUnspoiledFormsPreviewWithoutAnErrorSoEveryRefusalBelowComesFromTheFault() throws Exception {
        for (Base base : Base.values()) {
            Post clean = new Post(0, base.resource + "/preview", base.pairs(), List.of(), BadFormPosts.Refusal.FIELD_ERRORS);

            HttpResponse<String> response = operator.postEncodedForm(clean.path(), clean.body(operator.csrfToken()));

            assertThat(response.statusCode()).as(base + ": " + errorPaths(response.body())).isEqualTo(200);
            assertThat(response.body()).contains("id=\"request-body\"");
        }
    }

    @Test
    void tenThousandBadPostsAreAllRefusedByFieldWithoutAServerErrorAndNothingIsSent() throws Exception {
        BadFormPosts generator = new BadFormPosts(SEED);
        long historyBefore = historyCount();
        int policiesBefore = sandbox.policies(SandboxState.WORKSPACE_ID).size();
        int rulesBefore = sandboxRules.rules(BadFormPosts.DOMAIN_ID).size();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> failingKinds = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        long started = System.nanoTime();

        ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < IN_FLIGHT; w++) {
                int worker = w;
                running.add(pool.submit(() -> {
                    for (int n = worker; n < POSTS; n += IN_FLIGHT) {
                        Post post = generator.post(n);
                        String problem;
                        try {
                            HttpResponse<String> response = operator.postEncodedForm(post.path(), post.body(operator.csrfToken()));
                            statuses.computeIfAbsent(post.refusal() + " " + response.statusCode(), k -> new AtomicInteger())
                                    .incrementAndGet();
                            problem = problem(post, response);
                        } catch (Exception e) {
                            problem = "no answer: " + e;
                        }
                        if (problem != null) {
                            failed.incrementAndGet();
                            post.faults().forEach(f -> failingKinds.computeIfAbsent(f.field() + ":" + f.kind(),
                                    k -> new AtomicInteger()).incrementAndGet());
                            if (failures.size() < 40) {
                                failures.add(post.describe() + " → " + problem);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "BadFormPostsTest: %d bad posts in %.1f s (%.0f/s), seed %d, outcomes %s%n",
                POSTS, seconds, POSTS / seconds, SEED, new TreeMap<>(statuses));

        assertThat(failures).as("%d of %d bad posts were not refused properly (faults involved: %s), e.g.",
                failed.get(), POSTS, new TreeMap<>(failingKinds)).isEmpty();
        assertThat(historyCount()).as("history entries").isEqualTo(historyBefore);
        assertThat(sandbox.policies(SandboxState.WORKSPACE_ID)).as("sandbox policies").hasSize(policiesBefore);
        assertThat(sandboxRules.rules(BadFormPosts.DOMAIN_ID)).as("sandbox rules").hasSize(rulesBefore);
    }

    /** Why the answer to {@code post} is not a proper refusal, or {@code null} if it is one. */
    private static String problem(Post post, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        if (status >= 500) {
            return "server error " + status;
        }
        String lower = body.toLowerCase(Locale.ROOT);
        for (String markup : MARKUP) {
            if (lower.contains(markup)) {
                return "unescaped " + markup + " in the page";
            }
        }
        boolean undecodable = body.contains("is not valid percent-encoding");
        if (post.refusal() == BadFormPosts.Refusal.TOO_LARGE) {
            boolean tooLarge = status == 413 && body.contains("a form field is longer than the console reads");
            boolean alsoUndecodable = post.pairs().stream().anyMatch(p -> p.encoded()
                    && BadFormPosts.UNDECODABLE.contains(p.value())) && status == 400 && undecodable;
            return tooLarge || alsoUndecodable ? null : "expected 413 saying so, got " + status + " " + abbreviate(body);
        }
        if (post.refusal() == BadFormPosts.Refusal.UNDECODABLE) {
            String quoted = post.pairs().stream().filter(p -> p.encoded() && BadFormPosts.UNDECODABLE.contains(p.value()))
                    .map(p -> "'" + p.value() + "'").findFirst().orElseThrow();
            return status == 400 && undecodable && body.contains(quoted) ? null
                    : "expected 400 quoting " + quoted + ", got " + status + " " + abbreviate(body);
        }
        if (status != 422) {
            return "expected 422 with field errors, got " + status + " " + abbreviate(body);
        }
        List<String> paths = errorPaths(body);
        for (Fault fault : post.faults()) {
            boolean excused = fault.maskedIn(post.faults());
            boolean named = paths.stream().anyMatch(p -> fault.reportedAs().stream().anyMatch(r -> BadFormPosts.names(p, r)));
            if (!named && !excused) {
                return "no error names " + fault.field() + " (" + fault.reportedAs() + "); errors: " + paths;
            }
        }
        return null;
    }

    /** The wire paths of the error summary ("The request was not sent: …"). */
    private static List<String> errorPaths(String body) {
        int start = body.indexOf("The request was not sent");
        if (start < 0) {
            return List.of();
        }
        int end = body.indexOf("</ul>", start);
        Matcher m = ERROR_PATH.matcher(body.substring(start, end < 0 ? body.length() : end));
        List<String> paths = new ArrayList<>();
        while (m.find()) {
            paths.add(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                    .replace("&#39;", "'").replace("&amp;", "&"));
        }
        return paths;
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }

    private long historyCount() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM request_history")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
