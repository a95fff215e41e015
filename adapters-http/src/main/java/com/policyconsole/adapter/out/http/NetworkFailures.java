package com.policyconsole.adapter.out.http;

import com.policyconsole.adapter.log.Redactor;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Sorts an exception thrown by the REST client into "certainly not sent" ({@link Exchange.NotSent}) or "may
 * have been sent" ({@link Exchange.Lost}) by walking its cause chain. Anything not recognised counts as
 * possibly sent, so that a create is never repeated on a guess.
 */
public final class NetworkFailures {

    private static final int MAX_CAUSES = 16;

    private NetworkFailures() {
    }

    /** The exchange a client-side exception stands for. */
    public static Exchange classify(Throwable thrown) {
        String detail = Redactor.redact(describe(thrown));
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
            Exchange.Failure failure = failureOf(t);
            if (failure != null) {
                return failure.mayHaveReachedServer()
                        ? new Exchange.Lost(failure, detail)
                        : new Exchange.NotSent(failure, detail);
            }
        }
        return new Exchange.Lost(Exchange.Failure.UNEXPECTED, detail);
    }

    private static Exchange.Failure failureOf(Throwable t) {
        String type = t.getClass().getName();
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        if (t instanceof SSLHandshakeException
                || (t instanceof SSLException && message.contains("handshake"))) {
            return Exchange.Failure.TLS;
        }
        if (t instanceof UnknownHostException) {
            return Exchange.Failure.UNKNOWN_HOST;
        }
        // Netty's ConnectTimeoutException extends ConnectException: test for it first. Vert.x reports a request
        // timeout that expires while still waiting for a connection "... when getting a connection to host:port":
        // nothing was sent then either.
        if (type.endsWith(".ConnectTimeoutException")
                || (t instanceof SocketTimeoutException && message.contains("connect"))
                || (type.endsWith("TimeoutException") && message.contains("getting a connection"))) {
            return Exchange.Failure.CONNECT_TIMEOUT;
        }
        if (t instanceof ConnectException) {
            return message.contains("refused") ? Exchange.Failure.CONNECTION_REFUSED : Exchange.Failure.CONNECT_FAILED;
        }
        if (t instanceof NoRouteToHostException) {
            return Exchange.Failure.CONNECT_FAILED;
        }
        if (t instanceof TimeoutException || t instanceof SocketTimeoutException
                || type.endsWith("TimeoutException") || message.contains("timeout period")) {
            return Exchange.Failure.READ_TIMEOUT;
        }
        if (type.endsWith(".HttpClosedException") || type.endsWith(".ClosedChannelException")
                || (t instanceof IOException && (message.contains("reset") || message.contains("closed")))) {
            return Exchange.Failure.CONNECTION_CLOSED;
        }
        return null;
    }

    /** The innermost exception's type and message, e.g. {@code ConnectException: Connection refused: localhost/127.0.0.1:1}. */
    static String describe(Throwable thrown) {
        Throwable root = thrown;
        int depth = 0;
        while (root.getCause() != null && root.getCause() != root && depth++ < MAX_CAUSES) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
