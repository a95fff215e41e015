package com.policyconsole.console.api;

import com.policyconsole.domain.port.out.ApiGuards;
import com.policyconsole.domain.model.token.ApiToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Calls per token per minute ({@code policyconsole.api.rate-limit}, counted in PostgreSQL so that every console of the
 * database counts together); one more is answered 429 with {@code Retry-After} (the seconds until the minute ends).
 */
public class ApiRateLimit {

    private final ApiGuards guards;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final int perMinute;

    public ApiRateLimit(ApiGuards guards, SecurityIdentity identity, Clock clock,
                        @ConfigProperty(name = "policyconsole.api.rate-limit", defaultValue = "600") int perMinute) {
        this.guards = guards;
        this.identity = identity;
        this.clock = clock;
        this.perMinute = perMinute;
    }

    @ServerRequestFilter
    public Optional<Response> limit(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return Optional.empty();
        }
        ApiToken token = identity.getAttribute(ApiAttributes.TOKEN);
        if (token == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant window = now.truncatedTo(ChronoUnit.MINUTES);
        if (guards.countCall(token.id(), window) <= perMinute) {
            return Optional.empty();
        }
        long retryAfter = Math.max(1, Duration.between(now, window.plus(Duration.ofMinutes(1))).toSeconds());
        return Optional.of(Response.fromResponse(Problem.of(429, "rate-limited", "Too many calls",
                "This token may make " + perMinute + " calls a minute; try again in " + retryAfter + " s.").response())
                .header("Retry-After", Long.toString(retryAfter)).build());
    }
}
