package com.policyconsole.console.adapter.in.web.session;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Locale;

/**
 * CSRF protection for the login form, which Quarkus' form authentication handles before any JAX-RS filter: a
 * login POST that a browser marks as coming from another site ({@code Sec-Fetch-Site}) or whose {@code Origin}
 * is not this console is refused — on every path form login takes as a login, not only the exact one — so no
 * other site can log a person into an account of its choosing.
 */
@ApplicationScoped
public class LoginOriginCheck {

    static final String LOGIN_POST = "/j_security_check";

    /** Before the authentication handler (200) and the security headers (1000), so a refusal ends there. */
    private static final int PRIORITY = 1100;

    void register(@Observes Filters filters) {
        filters.register(LoginOriginCheck::onRequest, PRIORITY);
    }

    private static void onRequest(RoutingContext routing) {
        if (routing.request().method() == HttpMethod.POST && isLoginPost(routing.normalizedPath())
                && isCrossSite(routing.request().getHeader("Sec-Fetch-Site"), routing.request().getHeader("Origin"),
                routing.request().getHeader("Host"))) {
            routing.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=UTF-8")
                    .end("Refused: the login form was posted from another site.");
            return;
        }
        routing.next();
    }

    /**
     * Whether form login would take a POST to {@code path} as a login: Quarkus' form authentication accepts every
     * path that ends with the post location ({@code /x/j_security_check} too), so the check covers all of them.
     */
    static boolean isLoginPost(String path) {
        return path != null && path.endsWith(LOGIN_POST);
    }

    /**
     * Whether a login POST comes from a page that is not this console. {@code Sec-Fetch-Site}, which a page cannot
     * forge, decides when the browser sends it; {@code Origin} only otherwise — the console's
     * {@code Referrer-Policy: no-referrer} makes browsers send {@code Origin: null} even from its own pages.
     */
    static boolean isCrossSite(String fetchSite, String origin, String host) {
        if (fetchSite != null) {
            String site = fetchSite.toLowerCase(Locale.ROOT);
            return !site.equals("same-origin") && !site.equals("none");
        }
        if (origin == null || origin.isBlank()) {
            return false;
        }
        if ("null".equals(origin) || host == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return authority == null || !authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
