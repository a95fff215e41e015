package com.policyconsole.adapter.out.http;

import com.policyconsole.adapter.log.Redactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Runs one logical cloud call: authenticates each attempt, sends it through the REST client, turns the
 * response or exception into an {@link Exchange}, logs one line per attempt and retries what is safe to
 * retry — a {@code 429}, a failure that certainly kept the request from the server, and once a {@code 401}
 * with a renewable IAM token. Nothing that may have reached the server is retried here, except for requests that are
 * the same however often they are applied ({@link #executeRepeatable}); see {@code adapters-http/RETRIES.md}.
 */
@ApplicationScoped
public class CloudCallExecutor {

    /** Sends one attempt with the complete header set (documented headers plus authentication). */
    @FunctionalInterface
    public interface Transport {
        Response send(Map<String, String> headers);
    }

    /** Waits between attempts; replaceable in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final int TOO_MANY_REQUESTS = 429;
    private static final int UNAUTHORIZED = 401;

    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    @Inject
    public CloudCallExecutor(CloudSettings settings) {
        this(RetryPolicy.from(settings.retry()), duration -> Thread.sleep(duration.toMillis()), new Random());
    }

    public CloudCallExecutor(RetryPolicy retryPolicy, Sleeper sleeper, RandomGenerator random) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "'retryPolicy' must not be null");
        this.sleeper = Objects.requireNonNull(sleeper, "'sleeper' must not be null");
        this.random = Objects.requireNonNull(random, "'random' must not be null");
    }

    /** Sends {@code request} until it is answered, fails for good or runs out of attempts; never throws. */
    public Exchange execute(WireRequest request, CallAuthentication authentication, Transport transport) {
        return execute(request, authentication, transport, false);
    }

    /**
     * {@link #execute(WireRequest, CallAuthentication, Transport)} for a request that has the same effect however often
     * it is applied (a GET, enabling, disabling or deleting a Config rule): also retried after a 5xx and after a read
     * timeout or a connection lost once sent.
     */
    public Exchange executeRepeatable(WireRequest request, CallAuthentication authentication, Transport transport) {
        return execute(request, authentication, transport, true);
    }

    private Exchange execute(WireRequest request, CallAuthentication authentication, Transport transport,
                             boolean repeatable) {
        int maxAttempts = retryPolicy.maxAttempts();
        boolean renewed = false;
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            Exchange exchange = attempt(request, authentication, transport);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            Duration retryIn = null;
            if (attempt < maxAttempts) {
                if (isStatus(exchange, UNAUTHORIZED) && !renewed && authentication.renewAfterUnauthorized()) {
                    renewed = true;
                    retryIn = Duration.ZERO;
                } else if (isRetryable(exchange) || repeatable && mayRepeat(exchange)) {
                    retryIn = retryPolicy.delayAfter(attempt, retryAfter(exchange), random);
                }
            }
            CallLog.attempt(request, exchange, took, attempt, maxAttempts, retryIn);
            if (retryIn == null) {
                return exchange;
            }
            try {
                if (!retryIn.isZero()) {
                    sleeper.sleep(retryIn);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return exchange;
            }
        }
    }

    private static Exchange attempt(WireRequest request, CallAuthentication authentication, Transport transport) {
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        try {
            headers.putAll(authentication.headers(request));
        } catch (AuthenticationFailure failure) {
            return failure.asExchange();
        } catch (RuntimeException e) {
            return new Exchange.NotSent(Exchange.Failure.AUTHENTICATION, Redactor.redact(NetworkFailures.describe(e)));
        }
        try (Response response = transport.send(headers)) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            Map<String, String> responseHeaders = firstValues(response.getStringHeaders());
            return new Exchange.Answered(response.getStatus(), blankToNull(responseHeaders.get("X-Request-Id")),
                    body, responseHeaders, parseRetryAfter(responseHeaders.get("Retry-After")));
        } catch (RuntimeException e) {
            return withoutConcretePath(NetworkFailures.classify(e), request);
        }
    }

    /** Replaces the concrete path and query (with IDs and markers) in a failure detail by the path template. */
    private static Exchange withoutConcretePath(Exchange exchange, WireRequest request) {
        String rawPath = request.uri().getRawPath();
        String rawQuery = request.uri().getRawQuery();
        String template = request.pathTemplate();
        if (exchange instanceof Exchange.NotSent n) {
            return new Exchange.NotSent(n.failure(), templated(n.detail(), rawPath, rawQuery, template),
                    n.httpStatus(), n.errorCode(), n.requestId());
        }
        if (exchange instanceof Exchange.Lost l) {
            return new Exchange.Lost(l.failure(), templated(l.detail(), rawPath, rawQuery, template));
        }
        return exchange;
    }

    private static String templated(String detail, String rawPath, String rawQuery, String template) {
        if (detail == null || rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return detail;
        }
        String out = rawQuery == null ? detail : detail.replace(rawPath + "?" + rawQuery, template);
        int query = template.indexOf('?');
        return out.replace(rawPath, query < 0 ? template : template.substring(0, query));
    }

    private static boolean isRetryable(Exchange exchange) {
        if (exchange instanceof Exchange.Answered a) {
            return a.status() == TOO_MANY_REQUESTS;
        }
        return exchange instanceof Exchange.NotSent n && n.failure().retryable();
    }

    /** A server error or an answer lost after sending: worth repeating when repeating cannot do harm. */
    private static boolean mayRepeat(Exchange exchange) {
        return exchange instanceof Exchange.Answered a ? a.status() >= 500 : exchange instanceof Exchange.Lost;
    }

    private static boolean isStatus(Exchange exchange, int status) {
        return exchange instanceof Exchange.Answered a && a.status() == status;
    }

    private static Optional<Duration> retryAfter(Exchange exchange) {
        return exchange instanceof Exchange.Answered a ? a.retryAfter() : Optional.empty();
    }

    private static Map<String, String> firstValues(MultivaluedMap<String, String> headers) {
        Map<String, String> first = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> {
                List<String> list = values;
                if (name != null && list != null && !list.isEmpty() && !first.containsKey(name)) {
                    first.put(name, list.get(0));
                }
            });
        }
        return first;
    }

    static Optional<Duration> parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            // An HTTP-date is allowed too; the backoff alone is used then.
            return Optional.empty();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
