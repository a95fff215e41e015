package com.policyconsole.adapter.out.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Retry decisions of the executor for failures without an answer (answers are covered by the stub tests). */
class CloudCallExecutorTest {

    private static final WireRequest REQUEST = new WireRequest("POST", "/v1/{project_id}/x",
            URI.create("http://localhost/v1/p/x"), Map.of("content-type", WireJson.CONTENT_TYPE), "{}");

    private final List<Duration> waits = new ArrayList<>();
    private final AtomicInteger sends = new AtomicInteger();
    private final CloudCallExecutor executor = new CloudCallExecutor(
            new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(1)), waits::add, new Random(3));

    @Test
    void aRefusedConnectionIsRetriedUpToMaxAttemptsWithGrowingWaits() {
        Exchange exchange = executor.execute(REQUEST, CallAuthentication.NONE, headers -> {
            sends.incrementAndGet();
            throw new ProcessingException(new ConnectException("Connection refused"));
        });

        assertThat(exchange).isInstanceOfSatisfying(Exchange.NotSent.class,
                n -> assertThat(n.failure()).isEqualTo(Exchange.Failure.CONNECTION_REFUSED));
        assertThat(sends).hasValue(3);
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void aFailureAfterSendingIsNeverRetried() {
        Exchange exchange = executor.execute(REQUEST, CallAuthentication.NONE, headers -> {
            sends.incrementAndGet();
            throw new ProcessingException(new TimeoutException("The timeout period of 30000ms has been exceeded"));
        });

        assertThat(exchange).isInstanceOf(Exchange.Lost.class);
        assertThat(sends).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void missingCredentialsAreNotSentAndNotRetried() {
        CallAuthentication unavailable = request -> {
            throw AuthenticationFailure.notConfigured("policyconsole.cloud.token is not set");
        };

        Exchange exchange = executor.execute(REQUEST, unavailable, headers -> {
            sends.incrementAndGet();
            throw new IllegalStateException("must not be called");
        });

        assertThat(exchange).isEqualTo(new Exchange.NotSent(Exchange.Failure.NOT_CONFIGURED,
                "policyconsole.cloud.token is not set", 0, null, null));
        assertThat(sends).hasValue(0);
    }

    @Test
    void authenticationHeadersAreAddedToTheDocumentedOnesOnEveryAttempt() {
        AtomicInteger signatures = new AtomicInteger();
        List<Map<String, String>> sent = new ArrayList<>();
        CallAuthentication signing = request -> Map.of("X-Sdk-Date", "d" + signatures.incrementAndGet());

        executor.execute(REQUEST, signing, headers -> {
            sent.add(Map.copyOf(headers));
            throw new ProcessingException(new ConnectException("Connection refused"));
        });

        assertThat(sent).extracting(h -> h.get("X-Sdk-Date")).containsExactly("d1", "d2", "d3");
        assertThat(sent).allSatisfy(h -> assertThat(h).containsEntry("content-type", WireJson.CONTENT_TYPE));
    }

    @Test
    void anInterruptedWaitStopsRetrying() {
        CloudCallExecutor interrupted = new CloudCallExecutor(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(10)),
                duration -> {
                    throw new InterruptedException();
                }, new Random());

        Exchange exchange = interrupted.execute(REQUEST, CallAuthentication.NONE, headers -> {
            sends.incrementAndGet();
            throw new ProcessingException(new ConnectException("Connection refused"));
        });

        assertThat(exchange).isInstanceOf(Exchange.NotSent.class);
        assertThat(sends).hasValue(1);
        assertThat(Thread.interrupted()).isTrue();
    }
}
