package com.policyconsole.console.adapter.in.web.session;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cookie that binds a session to its user's session epoch: {@code <epoch>.<HMAC-SHA256 of user and epoch>}, keyed
 * with the session key, so that nobody can make one for an epoch they choose. Issued at login (and again after the
 * user's own password change), checked on every request: a session whose epoch is not the user's current one ends.
 */
@ApplicationScoped
public class SessionEpochCookie {

    /** The cookie's name. */
    public static final String NAME = "policyconsole-session-epoch";

    private final CookieSignature signature;

    public SessionEpochCookie(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") String sessionKey) {
        this.signature = new CookieSignature("session-epoch", sessionKey);
    }

    /** Adds the cookie of {@code username}'s session at {@code epoch} to the response of {@code routing}. */
    public void issue(RoutingContext routing, String username, long epoch) {
        routing.response().addCookie(cookie(epoch + "." + signature.sign(text(username, epoch)), routing));
    }

    /** Drops the cookie in the browser. */
    public void clear(RoutingContext routing) {
        routing.response().addCookie(cookie("", routing).setMaxAge(0));
    }

    /** The epoch the request's cookie carries for {@code username}; empty when there is none or it is forged. */
    public OptionalLong read(RoutingContext routing, String username) {
        Cookie cookie = routing == null ? null : routing.request().getCookie(NAME);
        if (cookie == null) {
            return OptionalLong.empty();
        }
        String value = cookie.getValue();
        int dot = value.indexOf('.');
        if (dot < 1 || dot > 19 || !value.substring(0, dot).chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        long epoch = Long.parseLong(value.substring(0, dot));
        return signature.verifies(text(username, epoch), value.substring(dot + 1)) ? OptionalLong.of(epoch) : OptionalLong.empty();
    }

    private static Cookie cookie(String value, RoutingContext routing) {
        return Cookie.cookie(NAME, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(routing.request().isSSL());
    }

    private static String text(String username, long epoch) {
        return username.toLowerCase(Locale.ROOT) + "|" + epoch;
    }
}
