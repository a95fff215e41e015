package com.policyconsole.console.adapter.in.web.session;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The form-login session cookie ({@code quarkus.http.auth.form.cookie-name}, encrypted by Quarkus): ending a
 * session means telling the browser to drop it. Written through Vert.x's cookie jar, so it replaces a renewed
 * cookie that form authentication may have added to the same response.
 */
@ApplicationScoped
public class SessionCookie {

    private final String name;
    private final String path;

    public SessionCookie(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String name,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-path", defaultValue = "/") String path) {
        this.name = name;
        this.path = path;
    }

    /** Adds an expired, empty session cookie to the response of {@code context}. */
    public void clear(RoutingContext context) {
        context.response().addCookie(Cookie.cookie(name, "")
                .setPath(path)
                .setMaxAge(0)
                .setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT)
                .setSecure(context.request().isSSL()));
    }

    public String name() {
        return name;
    }
}
