package com.policyconsole.adapter.out.auth;

import com.policyconsole.adapter.log.Redactor;
import com.policyconsole.adapter.out.http.AuthenticationFailure;
import com.policyconsole.adapter.out.http.CallAuthentication;
import com.policyconsole.adapter.out.http.CloudCallExecutor;
import com.policyconsole.adapter.out.http.CloudEndpoints;
import com.policyconsole.adapter.out.http.ErrorBody;
import com.policyconsole.adapter.out.http.Exchange;
import com.policyconsole.adapter.out.http.Outcomes;
import com.policyconsole.adapter.out.http.RestClientFactory;
import com.policyconsole.adapter.out.http.Uris;
import com.policyconsole.adapter.out.http.WireJson;
import com.policyconsole.adapter.out.http.WireRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mode {@code iam}: obtains a token from IAM ({@code POST /v3/auth/tokens}, password method) for each scope —
 * project scope for SecMaster, domain scope for Config — caches it and renews it {@code renew-before} ahead of
 * its expiry ({@code expires_at}, 24 h after issue). A 401 from a service drops the cached token and the call
 * is tried once more with a new one. The token travels as {@code X-Auth-Token}.
 */
public final class IamTokenAuthentication implements Authentication {

    static final String PATH = "/v3/auth/tokens";
    static final String SUBJECT_TOKEN = "X-Subject-Token";
    /** Assumed lifetime when IAM's answer does not say ({@code expires_at} missing or unreadable). */
    static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);

    private final CloudEndpoints endpoints;
    private final RestClientFactory clients;
    private final CloudCallExecutor executor;
    private final Secret user;
    private final Secret password;
    private final Secret domainName;
    private final Duration renewBefore;
    private final Clock clock;
    private final Map<AuthScope, CachedToken> cache = new ConcurrentHashMap<>();
    private volatile IamClient client;

    public IamTokenAuthentication(CloudEndpoints endpoints, RestClientFactory clients, CloudCallExecutor executor,
                                  Secret user, Secret password, Secret domainName, Duration renewBefore, Clock clock) {
        this.endpoints = Objects.requireNonNull(endpoints, "'endpoints' must not be null");
        this.clients = Objects.requireNonNull(clients, "'clients' must not be null");
        this.executor = Objects.requireNonNull(executor, "'executor' must not be null");
        this.user = Objects.requireNonNull(user, "'user' must not be null");
        this.password = Objects.requireNonNull(password, "'password' must not be null");
        this.domainName = Objects.requireNonNull(domainName, "'domainName' must not be null");
        this.renewBefore = Objects.requireNonNull(renewBefore, "'renewBefore' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    @Override
    public CallAuthentication forScope(AuthScope scope) {
        return new CallAuthentication() {
            @Override
            public Map<String, String> headers(WireRequest request) {
                return Map.of(TokenAuthentication.HEADER, token(scope));
            }

            @Override
            public boolean renewAfterUnauthorized() {
                cache.remove(scope);
                return true;
            }
        };
    }

    @Override
    public Map<String, String> preview(WireRequest request, AuthScope scope) {
        return Map.of(TokenAuthentication.HEADER, Redactor.MASK);
    }

    /** A token for {@code scope}: the cached one while it is not due for renewal, else a new one from IAM. */
    String token(AuthScope scope) {
        CachedToken cached = cache.get(scope);
        if (cached != null && cached.fresh(clock.instant(), renewBefore)) {
            Redactor.remember(cached.value());
            return cached.value();
        }
        synchronized (this) {
            cached = cache.get(scope);
            if (cached != null && cached.fresh(clock.instant(), renewBefore)) {
                return cached.value();
            }
            CachedToken issued = issue(scope);
            cache.put(scope, issued);
            return issued.value();
        }
    }

    private CachedToken issue(AuthScope scope) {
        URI base;
        try {
            base = endpoints.iam();
        } catch (CloudEndpoints.EndpointNotConfiguredException e) {
            throw AuthenticationFailure.notConfigured(e.getMessage());
        }
        Instant requestedAt = clock.instant();
        String body = WireJson.write(IamWire.passwordRequest(user.reveal(), password.reveal(), domainName.reveal(), scope));
        WireRequest request = new WireRequest("POST", PATH + "?nocatalog=true",
                Uris.build(base, PATH, Map.of(), Map.of("nocatalog", "true")),
                Map.of("content-type", WireJson.CONTENT_TYPE), body);
        Exchange exchange = executor.execute(request, CallAuthentication.NONE,
                headers -> client(base).issueToken("true", request.bodyBytes()));

        if (exchange instanceof Exchange.Answered a && a.isSuccess()) {
            String token = a.header(SUBJECT_TOKEN);
            if (token == null || token.isBlank()) {
                throw new AuthenticationFailure(Exchange.Failure.AUTHENTICATION,
                        "IAM answered HTTP " + a.status() + " without " + SUBJECT_TOKEN, a.status(), null, a.requestId());
            }
            Redactor.remember(token);
            return new CachedToken(token, expiry(a.body(), requestedAt));
        }
        if (exchange instanceof Exchange.Answered a) {
            ErrorBody error = ErrorBody.parse(a.body());
            throw new AuthenticationFailure(Exchange.Failure.AUTHENTICATION, "IAM refused the token request: HTTP "
                    + a.status() + (error.code() == null ? "" : " " + error.code())
                    + (error.message() == null ? "" : ": " + error.message()),
                    a.status(), error.code(), Outcomes.requestId(a, error));
        }
        String detail = exchange instanceof Exchange.NotSent n
                ? n.failure().description() + " (" + n.detail() + ")"
                : ((Exchange.Lost) exchange).failure().description() + " (" + ((Exchange.Lost) exchange).detail() + ")";
        throw new AuthenticationFailure(Exchange.Failure.AUTHENTICATION, "no IAM token: " + detail, 0, null, null);
    }

    private Instant expiry(String body, Instant requestedAt) {
        try {
            IamWire.TokenResponse response = WireJson.read(body, IamWire.TokenResponse.class);
            if (response.token() != null && response.token().expiresAt() != null) {
                return Instant.parse(response.token().expiresAt());
            }
        } catch (WireJson.UnreadableBodyException | DateTimeParseException e) {
            // Fall back to the documented lifetime.
        }
        return requestedAt.plus(DEFAULT_LIFETIME);
    }

    private IamClient client(URI base) {
        IamClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = clients.build(IamClient.class, base);
                    client = c;
                }
            }
        }
        return c;
    }

    @Override
    public String toString() {
        return "IamTokenAuthentication[" + user + ", " + password + ", " + domainName + "]";
    }

    /** A token and when it expires; never printed. */
    private record CachedToken(String value, Instant expiresAt) {
        boolean fresh(Instant now, Duration renewBefore) {
            return now.isBefore(expiresAt.minus(renewBefore));
        }

        @Override
        public String toString() {
            return "CachedToken[expiresAt=" + expiresAt + "]";
        }
    }
}
