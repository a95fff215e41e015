package com.policyconsole.console.adapter.in.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Optional;

/**
 * One way to every route: a request whose path is not in its one canonical spelling — matrix parameters
 * ({@code ;}), encoded slashes, backslashes or dots, dot segments, empty segments, control characters — is refused
 * with 400 before security runs. Security matches a path by one reading and the REST layer routes it by another;
 * where the two could differ (e.g. {@code /api;x/v1/history} is outside {@code /api/*} for the first and the API for
 * the second), no request gets that far.
 */
@ApplicationScoped
public class CanonicalPathFilter {

    /** Before every other filter: the security headers (1000), the login origin check (1100), authentication (200). */
    private static final int PRIORITY = 5000;

    void register(@Observes Filters filters) {
        filters.register(CanonicalPathFilter::onRequest, PRIORITY);
    }

    private static void onRequest(RoutingContext routing) {
        Optional<String> problem = problem(routing.request().uri());
        if (problem.isPresent()) {
            routing.response().setStatusCode(400).putHeader("Content-Type", "text/plain; charset=UTF-8")
                    .putHeader("Cache-Control", "no-store")
                    .end("Refused: the path " + problem.get() + ". Use the path without it.");
            return;
        }
        routing.next();
    }

    /** Why the path of {@code uri} (as sent, query included) is not canonical; empty when it is. */
    static Optional<String> problem(String uri) {
        if (uri == null || uri.isEmpty()) {
            return Optional.of("is empty");
        }
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        int fragment = path.indexOf('#');
        if (fragment >= 0) {
            path = path.substring(0, fragment);
        }
        if (!path.startsWith("/")) {
            return Optional.of("does not start with /");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x21 || c == 0x7f) {
                return Optional.of("holds a space or control character");
            }
            if (c == ';') {
                return Optional.of("holds a matrix parameter (;)");
            }
            if (c == '\\') {
                return Optional.of("holds a backslash");
            }
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e") || lower.contains("%3b")
                || lower.contains("%00") || lower.contains("%25")) {
            return Optional.of("holds an encoded slash, backslash, dot, semicolon, NUL or percent sign");
        }
        if (path.contains("//")) {
            return Optional.of("holds an empty segment (//)");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("holds a dot segment (. or ..)");
            }
        }
        return Optional.empty();
    }
}
