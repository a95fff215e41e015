package com.policyconsole.adapter.out.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.policyconsole.adapter.out.auth.Authentication;
import com.policyconsole.adapter.out.config.RmsConfigRuleGateway;
import com.policyconsole.adapter.out.secmaster.SecMasterEmergencyPolicyGateway;
import com.policyconsole.adapter.out.testing.CloudStub;
import com.policyconsole.adapter.out.testing.SeedExamples;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.port.CloudReadException;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Failures without an HTTP answer, over real sockets: each must become the right outcome, and only those that
 * certainly kept the request from the server are retried.
 */
@QuarkusTest
@WithTestResource(value = CloudStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class NetworkFailureOutcomesTest {

    @CloudStub.Inject
    WireMockServer stub;

    @Inject
    RestClientFactory clients;

    @Inject
    Authentication authentication;

    @Inject
    CloudSettings settings;

    private final AtomicInteger attempts = new AtomicInteger();
    private final List<Duration> waits = new ArrayList<>();

    @Test
    void connectionRefusedIsFailedAfterEveryAttempt() throws IOException {
        URI closed = URI.create("http://127.0.0.1:" + freePort());

        CloudOutcome outcome = secMasterAt(closed).prepare(SeedExamples.secMasterCreate()).send();

        assertThat(outcome).isInstanceOfSatisfying(CloudOutcome.Failed.class, f -> {
            assertThat(f.httpStatus()).isZero();
            assertThat(f.errorCode()).isEqualTo("NETWORK.CONNECTION_REFUSED");
            assertThat(f.message()).contains("connection refused", "not sent");
        });
        assertThat(waits).hasSize(2);
    }

    @Test
    void unknownHostIsFailedAfterEveryAttempt() {
        URI nowhere = URI.create("http://policy-console-test.invalid");

        CloudOutcome outcome = secMasterAt(nowhere).prepare(SeedExamples.secMasterCreate()).send();

        assertThat(outcome).isInstanceOfSatisfying(CloudOutcome.Failed.class,
                f -> assertThat(f.errorCode()).isEqualTo("NETWORK.UNKNOWN_HOST"));
        assertThat(waits).hasSize(2);
    }

    @Test
    void tlsHandshakeFailureIsFailedAndNotRetried() {
        URI untrusted = URI.create("https://localhost:" + stub.httpsPort());

        CloudOutcome outcome = secMasterAt(untrusted).prepare(SeedExamples.secMasterCreate()).send();

        assertThat(outcome).isInstanceOfSatisfying(CloudOutcome.Failed.class,
                f -> assertThat(f.errorCode()).isEqualTo("NETWORK.TLS"));
        assertThat(waits).isEmpty();
    }

    @Test
    void connectTimeoutIsFailedAfterEveryAttempt() throws IOException {
        // Connect timeout shorter than the read timeout: Netty's ConnectTimeoutException.
        assertThat(submitToAListenerThatNeverAccepts(Duration.ofMillis(250), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(CloudOutcome.Failed.class,
                        f -> assertThat(f.errorCode()).isEqualTo("NETWORK.CONNECT_TIMEOUT"));
        assertThat(waits).hasSize(2);
    }

    @Test
    void requestTimeoutWhileStillConnectingIsAConnectTimeout() throws IOException {
        // Read timeout shorter than the connect timeout: Vert.x gives up "when getting a connection"; nothing was sent.
        assertThat(submitToAListenerThatNeverAccepts(Duration.ofSeconds(5), Duration.ofMillis(250)))
                .isInstanceOfSatisfying(CloudOutcome.Failed.class,
                        f -> assertThat(f.errorCode()).isEqualTo("NETWORK.CONNECT_TIMEOUT"));
        assertThat(waits).hasSize(2);
    }

    private CloudOutcome submitToAListenerThatNeverAccepts(Duration connectTimeout, Duration readTimeout)
            throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket neverAccepts = new ServerSocket(0, 1, loopback)) {
            List<Socket> backlog = fillAcceptQueue(new InetSocketAddress(loopback, neverAccepts.getLocalPort()));
            try {
                URI base = URI.create("http://127.0.0.1:" + neverAccepts.getLocalPort());
                return new SecMasterEmergencyPolicyGateway(CloudEndpoints.of(base, base, base),
                        new RestClientFactory(connectTimeout, readTimeout), authentication, executor(), settings)
                        .prepare(SeedExamples.secMasterCreate()).send();
            } finally {
                for (Socket s : backlog) {
                    s.close();
                }
            }
        }
    }

    @Test
    void configAddOverARefusedConnectionIsFailed() throws IOException {
        URI closed = URI.create("http://127.0.0.1:" + freePort());

        CloudOutcome outcome = configAt(closed).prepare(SeedExamples.configAddRule()).send();

        assertThat(outcome).isInstanceOfSatisfying(CloudOutcome.Failed.class,
                f -> assertThat(f.errorCode()).isEqualTo("NETWORK.CONNECTION_REFUSED"));
    }

    @Test
    void readsOverARefusedConnectionThrowWithAFailedOutcome() throws IOException {
        URI closed = URI.create("http://127.0.0.1:" + freePort());

        CloudReadException thrown = catchThrowableOfType(CloudReadException.class,
                () -> configAt(closed).listRules(SeedExamples.DOMAIN_ID));

        assertThat(thrown.outcome()).isInstanceOfSatisfying(CloudOutcome.Failed.class,
                f -> assertThat(f.errorCode()).isEqualTo("NETWORK.CONNECTION_REFUSED"));
    }

    @Test
    void missingServiceUrlIsFailedWithoutSending() {
        SecMasterEmergencyPolicyGateway gateway = new SecMasterEmergencyPolicyGateway(CloudEndpoints.of(null, null, null),
                clients, authentication, executor(), settings);

        CloudOutcome outcome = gateway.prepare(SeedExamples.secMasterCreate()).send();

        assertThat(outcome).isInstanceOfSatisfying(CloudOutcome.Failed.class,
                f -> assertThat(f.message()).contains("quarkus.rest-client.secmaster.url"));
    }

    private SecMasterEmergencyPolicyGateway secMasterAt(URI base) {
        return new SecMasterEmergencyPolicyGateway(CloudEndpoints.of(base, base, base), clients, authentication,
                executor(), settings);
    }

    private RmsConfigRuleGateway configAt(URI base) {
        return new RmsConfigRuleGateway(CloudEndpoints.of(base, base, base), clients, authentication, executor(), settings);
    }

    /** The configured retry policy, with waits recorded instead of slept. */
    private CloudCallExecutor executor() {
        return new CloudCallExecutor(RetryPolicy.from(settings.retry()), waits::add, new java.util.Random(7));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Connects until the listener's accept queue is full; later SYNs are then dropped and connects time out. */
    private static List<Socket> fillAcceptQueue(InetSocketAddress address) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(address, 200);
                sockets.add(socket);
            } catch (IOException timedOut) {
                socket.close();
                return sockets;
            }
        }
        return sockets;
    }
}
