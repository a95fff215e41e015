package com.policyconsole.console.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.policyconsole.console.abuse.BadApiPosts.ApiPost;
import com.policyconsole.console.abuse.BadApiPosts.Credential;
import com.policyconsole.console.abuse.BadApiPosts.Route;
import com.policyconsole.console.abuse.BadApiPosts.Shape;
import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestDatabase;
import com.policyconsole.console.testing.TestUserFactory;
import com.policyconsole.console.testing.TestUserFactory.TestUser;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.token.NewToken;
import com.policyconsole.domain.port.in.ApiTokensUseCase;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import com.policyconsole.sandbox.SandboxRules;
import com.policyconsole.sandbox.SandboxState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * More than 10,000 generated bad requests to the JSON API's write routes (emergency policies and Config rules, create
 * and preview; a rule's update and operations; unblocking and ageing, with their previews): none gets a 5xx, each is
 * refused as the code answers it — {@code application/problem+json} with the expected status and type, naming the bad
 * wire path in its violations for a field fault (a preview: its findings, not sendable) — and nothing is recorded in
 * the history or sent to the sandbox. The tokens are many enough that none reaches the per-token rate limit, so every
 * request is answered by the check its fault targets (a 429 fails the test).
 */
@QuarkusTest
class BadApiPostsTest {

    /** Fixed, so that a failing request is generated again exactly ({@code new BadApiPosts(SEED).post(n)}). */
    static final long SEED = 20_260_601L;
    static final int POSTS = 10_400;
    static final int IN_FLIGHT = 6;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    ManageAccountsUseCase accounts;

    @Inject
    ApiTokensUseCase apiTokens;

    @Inject
    DataSource dataSource;

    @Inject
    SandboxState sandbox;

    @Inject
    SandboxRules sandboxRules;

    @Inject
    @ConfigProperty(name = "policyconsole.api.rate-limit")
    int rateLimit;

    @TestHTTPResource("/")
    URL root;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).build();

    @Test
    void theUnspoiledBodiesPreviewWithoutAFindingSoEveryRefusalBelowComesFromTheFault() throws Exception {
        TestUser user = TestUserFactory.create(accounts, "api-clean", Roles.OPERATOR);
        String token = token(user, "clean", Roles.OPERATOR).secret();
        BadApiPosts generator = new BadApiPosts(SEED);

        for (Route route : List.of(Route.POLICY_PREVIEW, Route.BUILTIN_PREVIEW, Route.CUSTOM_PREVIEW)) {
            HttpResponse<String> answer = send("POST", route.path, "Bearer " + token, "application/json", null, null,
                    generator.base(route.shape).toString().getBytes(StandardCharsets.UTF_8));

            assertThat(answer.statusCode()).as(route + ": " + answer.body()).isEqualTo(200);
            JsonNode preview = JSON.readTree(answer.body());
            assertThat(preview.path("sendable").asBoolean()).as(route + ": " + answer.body()).isTrue();
            assertThat(preview.path("violations")).as(route + ": " + answer.body()).isEmpty();
            assertThat(preview.path("requests")).as(route.name()).hasSize(1);
        }
    }

    @Test
    void tenThousandBadRequestsAreAllRefusedAsTheCodeAnswersThemAndNothingIsRecordedOrSent() throws Exception {
        assertThat(POSTS / BadApiPosts.MAIN_TOKENS + 1).as("calls per main token, below the rate limit")
                .isLessThan(rateLimit);
        TestUser user = TestUserFactory.create(accounts, "api-abuser", Roles.OPERATOR, Roles.AUDITOR);
        List<String> main = new ArrayList<>();
        for (int i = 0; i < BadApiPosts.MAIN_TOKENS; i++) {
            main.add(token(user, "abuse-main-" + i, Roles.OPERATOR).secret());
        }
        List<String> readers = new ArrayList<>();
        for (int i = 0; i < BadApiPosts.READER_TOKENS; i++) {
            readers.add(token(user, "abuse-reader-" + i, Roles.AUDITOR).secret());
        }
        NewToken revokedToken = token(user, "abuse-revoked", Roles.OPERATOR);
        assertThat(apiTokens.revoke(user.name(), false, revokedToken.token().id())).isTrue();
        NewToken expiredToken = token(user, "abuse-expired", Roles.OPERATOR);
        expire(expiredToken.token().id());
        String session = ConsoleSession.logIn(user.name(), user.password()).cookies().get(ConsoleSession.SESSION_COOKIE);
        List<String> keyed = new ArrayList<>();
        for (int i = 0; i < BadApiPosts.KEYED_TOKENS; i++) {
            keyed.add(keyedToken(user, i));
        }
        Tokens tokens = new Tokens(main, keyed, readers, revokedToken.secret(), expiredToken.secret(), session);

        BadApiPosts generator = new BadApiPosts(SEED);
        long historyBefore = count("SELECT count(*) FROM request_history", null);
        long mineBefore = count("SELECT count(*) FROM request_history WHERE actor LIKE ?", user.name() + " (token %");
        int policiesBefore = sandbox.policies(SandboxState.WORKSPACE_ID).size();
        int rulesBefore = sandboxRules.rules(BadApiPosts.DOMAIN_ID).size();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> failingKinds = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> callsPerToken = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        long started = System.nanoTime();

        ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < IN_FLIGHT; w++) {
                int worker = w;
                running.add(pool.submit(() -> {
                    for (int n = worker; n < POSTS; n += IN_FLIGHT) {
                        ApiPost post = generator.post(n);
                        String authorization = tokens.authorization(post);
                        if (authorization != null && post.credential() != Credential.LITERAL) {
                            callsPerToken.computeIfAbsent(authorization, k -> new AtomicInteger()).incrementAndGet();
                        }
                        String problem;
                        try {
                            HttpResponse<String> answer = send(post.method(), post.path(), authorization,
                                    post.contentType(), post.credential() == Credential.SESSION
                                            ? ConsoleSession.SESSION_COOKIE + "=" + tokens.session() : null,
                                    post.idempotencyKey(), post.body());
                            statuses.computeIfAbsent(post.route() + " " + answer.statusCode(), k -> new AtomicInteger())
                                    .incrementAndGet();
                            problem = BadApiPosts.verdict(post, answer.statusCode(),
                                    answer.headers().firstValue("Content-Type").orElse(null),
                                    answer.headers().firstValue("WWW-Authenticate").orElse(null),
                                    answer.headers().firstValue("Retry-After").orElse(null), answer.body());
                        } catch (Exception e) {
                            problem = "no answer: " + e;
                        }
                        if (problem != null) {
                            failed.incrementAndGet();
                            post.faults().forEach(f -> failingKinds.computeIfAbsent(f.field() + ":" + f.kind() + "@"
                                    + f.stage(), k -> new AtomicInteger()).incrementAndGet());
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
        System.out.printf(Locale.ROOT, "BadApiPostsTest: %d bad requests in %.1f s (%.0f/s), seed %d, outcomes %s%n",
                POSTS, seconds, POSTS / seconds, SEED, new TreeMap<>(statuses));

        assertThat(failures).as("%d of %d bad requests were not refused properly (faults involved: %s), e.g.",
                failed.get(), POSTS, new TreeMap<>(failingKinds)).isEmpty();
        assertThat(callsPerToken.values().stream().mapToInt(AtomicInteger::get).max().orElse(0))
                .as("most calls of one token: below the limit, so no fault was answered by the rate limit instead")
                .isLessThan(rateLimit);
        assertThat(count("SELECT count(*) FROM request_history WHERE actor LIKE ?", user.name() + " (token %"))
                .as("history entries of the test's tokens").isEqualTo(mineBefore);
        assertThat(count("SELECT count(*) FROM request_history", null)).as("history entries").isEqualTo(historyBefore);
        assertThat(sandbox.policies(SandboxState.WORKSPACE_ID)).as("sandbox policies").hasSize(policiesBefore);
        assertThat(sandboxRules.rules(BadApiPosts.DOMAIN_ID)).as("sandbox rules").hasSize(rulesBefore);
    }

    /** The credentials the requests are sent with, by {@link Credential}. */
    private record Tokens(List<String> main, List<String> keyed, List<String> readers, String revoked, String expired,
                          String session) {

        /** The Authorization header of {@code post}, or null for none. */
        String authorization(ApiPost post) {
            return switch (post.credential()) {
                case MAIN -> "Bearer " + main.get(post.slot() % main.size());
                case KEYED -> "Bearer " + keyed.get(post.slot() % keyed.size());
                case READER -> "Bearer " + readers.get(post.slot() % readers.size());
                case TAMPERED -> "Bearer " + tampered(main.get(post.slot() % main.size()));
                case REVOKED -> "Bearer " + revoked;
                case EXPIRED -> "Bearer " + expired;
                case SESSION -> null;
                case LITERAL -> post.authorization();
            };
        }

        /** The token with its last character changed: the same shape, another secret. */
        private static String tampered(String token) {
            char last = token.charAt(token.length() - 1);
            return token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        }
    }

    /**
     * A token that sent one create with {@link BadApiPosts#SETUP_KEY} (201): the same key with any other body is then
     * refused as reused. Its policy (an address in 59.x, used by no other test) is sent before the counts are taken.
     */
    private String keyedToken(TestUser user, int i) throws Exception {
        String secret = token(user, "abuse-keyed-" + i, Roles.OPERATOR).secret();
        ObjectNode body = new BadApiPosts(SEED).base(Shape.POLICY);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        ((ObjectNode) body.get("data_object")).put("block_target",
                "59." + r.nextInt(1, 255) + "." + r.nextInt(1, 255) + "." + r.nextInt(1, 255));
        HttpResponse<String> created = send("POST", Route.POLICY_CREATE.path, "Bearer " + secret, "application/json",
                null, BadApiPosts.SETUP_KEY, body.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).as("the keyed token's create: " + created.body()).isEqualTo(201);
        return secret;
    }

    private NewToken token(TestUser user, String name, String... roles) {
        ApiTokensUseCase.Created created = apiTokens.create(user.name(), user.password(), name,
                List.of(roles), Duration.ofDays(1));
        assertThat(created).as("token " + name).isInstanceOf(ApiTokensUseCase.Created.Made.class);
        return ((ApiTokensUseCase.Created.Made) created).token();
    }

    private HttpResponse<String> send(String method, String path, String authorization, String contentType,
                                      String cookie, String idempotencyKey, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root.toString()).resolve(path)).timeout(TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Lets the token expire behind the console: its own role may not change a token's expiry. */
    private void expire(long tokenId) throws Exception {
        try (Connection c = TestDatabase.superuser(); PreparedStatement s = c.prepareStatement(
                "UPDATE api_token SET expires_at = now() - interval '1 minute' WHERE id = ?")) {
            s.setLong(1, tokenId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private long count(String sql, String parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
