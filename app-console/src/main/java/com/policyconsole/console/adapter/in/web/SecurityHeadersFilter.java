package com.policyconsole.console.adapter.in.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Security headers on every response — pages, redirects to the login page, errors, static files: a strict
 * Content-Security-Policy (no inline script or style, no framing, forms post only to the console), frame
 * denial, no MIME sniffing, no referrer; and {@code Cache-Control: no-store} on everything but static assets,
 * so that pages with request data stay out of browser and proxy caches; HSTS when served over TLS (directly, or
 * behind a proxy that says so and is trusted). Runs before authentication, and sets
 * the headers when the response is written, so nothing later can drop them.
 */
@ApplicationScoped
public class SecurityHeadersFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self';"
            + " script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    /** Above Quarkus' CORS (300), authentication (200) and authorization (100) handlers. */
    private static final int PRIORITY = 1000;

    /** Paths of files served from {@code META-INF/resources}, which may be cached. */
    private static final List<String> STATIC_PREFIXES = List.of("/css/", "/js/", "/img/", "/fonts/");

    void register(@Observes Filters filters) {
        filters.register(SecurityHeadersFilter::onRequest, PRIORITY);
    }

    private static void onRequest(RoutingContext routing) {
        String path = routing.normalizedPath();
        // the scheme as the client used it: behind a proxy, from X-Forwarded-Proto when quarkus.http.proxy.* trusts it
        boolean tls = "https".equalsIgnoreCase(routing.request().scheme());
        routing.addHeadersEndHandler(ignored -> {
            apply(path, routing.response().headers());
            if (tls) {
                routing.response().headers().set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
        });
        routing.next();
    }

    static void apply(String path, MultiMap headers) {
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        if (!isStaticAsset(path)) {
            headers.set("Cache-Control", "no-store");
        }
    }

    static boolean isStaticAsset(String path) {
        return path.equals("/favicon.ico") || STATIC_PREFIXES.stream().anyMatch(path::startsWith);
    }
}
