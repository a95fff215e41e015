package com.policyconsole.adapter.out.http;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What came of sending one request (after any retries): an answer, a failure that certainly kept the
 * request from the server, or a failure after which the server may have acted on it.
 */
public sealed interface Exchange permits Exchange.Answered, Exchange.NotSent, Exchange.Lost {

    /**
     * The server answered.
     *
     * @param status     HTTP status
     * @param requestId  {@code X-Request-Id}, null when absent (the body's {@code request_id} is read later)
     * @param body       the body text, empty when none
     * @param headers    response headers, first value each, names case-insensitive
     * @param retryAfter the {@code Retry-After} delay, when given in seconds
     */
    record Answered(int status, String requestId, String body, Map<String, String> headers,
                    Optional<Duration> retryAfter) implements Exchange {

        public Answered {
            body = body == null ? "" : body;
            TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            copy.putAll(headers);
            headers = Collections.unmodifiableMap(copy);
        }

        /** The first value of a response header, null when absent. */
        public String header(String name) {
            return headers.get(name);
        }

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        /** Status and request ID only: header values (an IAM answer carries a token) and the body stay out. */
        @Override
        public String toString() {
            return "Answered[status=" + status + ", requestId=" + requestId + ", bodyLength=" + body.length() + "]";
        }
    }

    /**
     * The request certainly did not reach the service: nothing to resolve, it can be sent again.
     *
     * @param failure    what went wrong
     * @param detail     a redacted explanation
     * @param httpStatus the status of a failed authentication call (IAM), else 0
     * @param errorCode  the error code of a failed authentication call, else null
     * @param requestId  the request ID of a failed authentication call, else null
     */
    record NotSent(Failure failure, String detail, int httpStatus, String errorCode, String requestId)
            implements Exchange {

        public NotSent(Failure failure, String detail) {
            this(failure, detail, 0, null, null);
        }
    }

    /**
     * The request may have reached the service, but no answer arrived (read timeout, connection closed).
     *
     * @param failure what went wrong
     * @param detail  a redacted explanation
     */
    record Lost(Failure failure, String detail) implements Exchange {
    }

    /** Kinds of failure without an HTTP answer, with whether a retry is safe and useful. */
    enum Failure {
        /** Nothing listens on the port (TCP RST): certainly not sent, retried. */
        CONNECTION_REFUSED("connection refused", true),
        /** The TCP connection could not be opened in time: certainly not sent, retried. */
        CONNECT_TIMEOUT("connect timeout", true),
        /** The host name does not resolve: certainly not sent, retried (resolvers fail transiently). */
        UNKNOWN_HOST("unknown host", true),
        /** No route or another connect error: certainly not sent, retried. */
        CONNECT_FAILED("connect failed", true),
        /** The TLS handshake failed (untrusted certificate, wrong host name, protocol): not sent, not retried. */
        TLS("TLS handshake failed", false),
        /** No credentials could be obtained (IAM refused or unreachable): not sent, not retried again. */
        AUTHENTICATION("authentication failed", false),
        /** The adapter is not configured for this call (no URL, no credentials): not sent. */
        NOT_CONFIGURED("not configured", false),
        /** The request was sent but no response came within the read timeout: may have been applied. */
        READ_TIMEOUT("read timeout", false, true),
        /** The connection closed or reset after the request was sent: may have been applied. */
        CONNECTION_CLOSED("connection closed", false, true),
        /** Any other client-side failure; treated as possibly sent. */
        UNEXPECTED("unexpected client failure", false, true);

        private final String description;
        private final boolean retryable;
        private final boolean mayHaveReachedServer;

        Failure(String description, boolean retryable) {
            this(description, retryable, false);
        }

        Failure(String description, boolean retryable, boolean mayHaveReachedServer) {
            this.description = description;
            this.retryable = retryable;
            this.mayHaveReachedServer = mayHaveReachedServer;
        }

        /** Whether the service may have received (and acted on) the request. */
        public boolean mayHaveReachedServer() {
            return mayHaveReachedServer;
        }

        public String description() {
            return description;
        }

        /** Whether the request certainly did not reach the server and a new attempt may succeed. */
        public boolean retryable() {
            return retryable;
        }

        /** A stable error code for outcomes, e.g. {@code NETWORK.CONNECTION_REFUSED}. */
        public String errorCode() {
            return switch (this) {
                case AUTHENTICATION -> "AUTH.FAILED";
                case NOT_CONFIGURED -> "CONFIG.MISSING";
                case UNEXPECTED -> "CLIENT.UNEXPECTED";
                default -> "NETWORK." + name();
            };
        }
    }
}
