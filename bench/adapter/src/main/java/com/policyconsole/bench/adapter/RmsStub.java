package com.policyconsole.bench.adapter;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The loopback Config (RMS) stub both clients call: one Vert.x event loop of its own (not Quarkus'), answering
 * {@code PUT /v1/resource-manager/domains/{domain_id}/policy-assignments} with the document's example response
 * after {@link StubSignatureCheck}; a request that fails the check gets a 401, anything else a 404.
 */
final class RmsStub implements AutoCloseable {

    private static final Pattern ASSIGNMENTS = Pattern.compile("/v1/resource-manager/domains/([^/]+)/policy-assignments");
    private static final String UNAUTHORIZED = "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information\"}";
    private static final String NOT_FOUND = "{\"error_code\":\"APIGW.0101\",\"error_msg\":\"The API does not exist\"}";

    /** Totals since the stub started; the harness takes differences around each phase. */
    record Counters(long requests, long rejected, long resigned, long notFound) {
        Counters minus(Counters before) {
            return new Counters(requests - before.requests, rejected - before.rejected, resigned - before.resigned,
                    notFound - before.notFound);
        }
    }

    /** What the last accepted request looked like, to show that both clients send the same call. */
    record LastRequest(String signedHeaders, String userAgent, int bodyLength) {
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final StubSignatureCheck check;
    private final int resignEvery;
    private final String domainId;
    private final byte[] answer;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong resigned = new AtomicLong();
    private final AtomicLong notFound = new AtomicLong();
    private volatile String lastProblem;
    private volatile LastRequest lastRequest;

    private RmsStub(Vertx vertx, StubSignatureCheck check, int resignEvery, String domainId) {
        this.vertx = vertx;
        this.check = check;
        this.resignEvery = resignEvery;
        this.domainId = domainId;
        this.answer = resource("rms-add-rule-response.json");
        this.server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                .setTcpNoDelay(true));
        server.requestHandler(this::handle);
    }

    /** Starts the stub on a free loopback port. */
    static RmsStub start(String accessKey, String secretKey, String domainId, int resignEvery) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        RmsStub stub = new RmsStub(vertx, new StubSignatureCheck(accessKey, secretKey, domainId), resignEvery, domainId);
        try {
            stub.server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("the stub did not start", e);
        }
        return stub;
    }

    /** The base URL both clients are given. */
    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.actualPort());
    }

    Counters counters() {
        return new Counters(requests.get(), rejected.get(), resigned.get(), notFound.get());
    }

    /** Why the last rejected request was rejected, or {@code null}. */
    String lastProblem() {
        return lastProblem;
    }

    LastRequest lastRequest() {
        return lastRequest;
    }

    private void handle(HttpServerRequest request) {
        request.body().onComplete(read -> {
            if (read.failed()) {
                request.response().setStatusCode(400).end();
                return;
            }
            long n = requests.incrementAndGet();
            var matcher = ASSIGNMENTS.matcher(request.path());
            if (request.method() != HttpMethod.PUT || !matcher.matches() || !matcher.group(1).equals(domainId)) {
                notFound.incrementAndGet();
                respond(request, 404, NOT_FOUND.getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body = read.result().getBytes();
            boolean resign = n % resignEvery == 0;
            String problem = check.problem(request.method().name(), request.uri(), request::getHeader, body, resign);
            if (resign) {
                resigned.incrementAndGet();
            }
            if (problem != null) {
                rejected.incrementAndGet();
                lastProblem = problem;
                respond(request, 401, UNAUTHORIZED.getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (n % 1024 == 1) {
                String authorization = request.getHeader("Authorization");
                int from = authorization.indexOf("SignedHeaders=") + "SignedHeaders=".length();
                lastRequest = new LastRequest(authorization.substring(from, authorization.indexOf(',', from)),
                        request.getHeader("User-Agent"), body.length);
            }
            respond(request, 200, answer);
        });
    }

    private static void respond(HttpServerRequest request, int status, byte[] body) {
        request.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json;charset=UTF-8")
                .putHeader("X-Request-Id", "bench-req-0001")
                .end(Buffer.buffer(body));
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static byte[] resource(String name) {
        try (InputStream in = RmsStub.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
