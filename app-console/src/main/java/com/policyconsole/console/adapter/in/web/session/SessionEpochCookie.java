package com.policyconsole.console.adapter.in.web.session;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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

    private final SecretKeySpec key;

    public SessionEpochCookie(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") String sessionKey) {
        try {
            // a key of its own, derived from the session key, so that the two uses never share one
            byte[] derived = MessageDigest.getInstance("SHA-256")
                    .digest(("session-epoch|" + sessionKey).getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(derived, "HmacSHA256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Adds the cookie of {@code username}'s session at {@code epoch} to the response of {@code routing}. */
    public void issue(RoutingContext routing, String username, long epoch) {
        routing.response().addCookie(cookie(epoch + "." + mac(username, epoch), routing));
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
        boolean genuine = MessageDigest.isEqual(mac(username, epoch).getBytes(StandardCharsets.US_ASCII),
                value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
        return genuine ? OptionalLong.of(epoch) : OptionalLong.empty();
    }

    private static Cookie cookie(String value, RoutingContext routing) {
        return Cookie.cookie(NAME, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(routing.request().isSSL());
    }

    private String mac(String username, long epoch) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] tag = mac.doFinal((username.toLowerCase(Locale.ROOT) + "|" + epoch)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
