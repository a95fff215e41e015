package com.policyconsole.adapter.out.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class NetworkFailuresTest {

    @Test
    void connectFailuresAreNotSentAndRetryable() {
        assertNotSent(new ConnectException("Connection refused"), Exchange.Failure.CONNECTION_REFUSED);
        assertNotSent(new ConnectTimeoutException("connection timed out: host/10.0.0.1:443"), Exchange.Failure.CONNECT_TIMEOUT);
        assertNotSent(new SocketTimeoutException("Connect timed out"), Exchange.Failure.CONNECT_TIMEOUT);
        assertNotSent(new TimeoutException("The timeout of 5000 ms has been exceeded when getting a connection to h:443"),
                Exchange.Failure.CONNECT_TIMEOUT);
        assertNotSent(new UnknownHostException("nowhere.invalid"), Exchange.Failure.UNKNOWN_HOST);
        assertNotSent(new NoRouteToHostException("No route to host"), Exchange.Failure.CONNECT_FAILED);
        assertThat(Exchange.Failure.CONNECTION_REFUSED.retryable()).isTrue();
    }

    @Test
    void tlsFailureIsNotSentAndNotRetryable() {
        assertNotSent(new SSLHandshakeException("PKIX path building failed"), Exchange.Failure.TLS);
        assertThat(Exchange.Failure.TLS.retryable()).isFalse();
    }

    @Test
    void failuresAfterSendingMayHaveReachedTheServer() {
        assertLost(new TimeoutException("The timeout period of 30000ms has been exceeded while executing POST /x"),
                Exchange.Failure.READ_TIMEOUT);
        assertLost(new SocketTimeoutException("Read timed out"), Exchange.Failure.READ_TIMEOUT);
        assertLost(new IOException("Connection reset by peer"), Exchange.Failure.CONNECTION_CLOSED);
        assertLost(new IllegalStateException("something new"), Exchange.Failure.UNEXPECTED);
    }

    @Test
    void theCauseChainIsSearchedAndTheDetailNamesTheRootCause() {
        Exchange exchange = NetworkFailures.classify(new ProcessingException(new RuntimeException(
                new ConnectException("Connection refused: localhost/127.0.0.1:1"))));

        assertThat(exchange).isEqualTo(new Exchange.NotSent(Exchange.Failure.CONNECTION_REFUSED,
                "ConnectException: Connection refused: localhost/127.0.0.1:1"));
    }

    private static void assertNotSent(Throwable thrown, Exchange.Failure failure) {
        assertThat(NetworkFailures.classify(new ProcessingException(thrown)))
                .isInstanceOfSatisfying(Exchange.NotSent.class, n -> assertThat(n.failure()).isEqualTo(failure));
    }

    private static void assertLost(Throwable thrown, Exchange.Failure failure) {
        assertThat(NetworkFailures.classify(new ProcessingException(thrown)))
                .isInstanceOfSatisfying(Exchange.Lost.class, l -> assertThat(l.failure()).isEqualTo(failure));
    }
}
