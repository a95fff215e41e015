package com.policyconsole.console.adapter.in.web.session;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The device cookie of OWASP's "Slow Down Online Guessing Attacks with Device Cookies": a browser that logged in to
 * an account gets {@code <random ID>.<HMAC of the user and the ID>} for a year, and its later logins to that account
 * wait only on its own failures — so a stranger who locks the name does not lock its owner out of their browser.
 */
@ApplicationScoped
public class DeviceCookie {

    /** The cookie's name. */
    public static final String NAME = "policyconsole-device";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final long MAX_AGE_SECONDS = 365L * 24 * 3600;

    private final CookieSignature signature;
    private final SecureRandom random = new SecureRandom();

    public DeviceCookie(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") String sessionKey) {
        this.signature = new CookieSignature("device", sessionKey);
    }

    /** The device ID of the request's cookie, if it is genuine and was issued for {@code username}. */
    public Optional<String> knownDevice(RoutingContext routing, String username) {
        Cookie cookie = routing == null || username == null ? null : routing.request().getCookie(NAME);
        if (cookie == null) {
            return Optional.empty();
        }
        String value = cookie.getValue();
        int dot = value.indexOf('.');
        if (dot < 0 || !ID.matcher(value.substring(0, dot)).matches()) {
            return Optional.empty();
        }
        String id = value.substring(0, dot);
        return signature.verifies(text(username, id), value.substring(dot + 1)) ? Optional.of(id) : Optional.empty();
    }

    /** Gives the browser of {@code routing} a new device cookie for {@code username}. */
    public void issue(RoutingContext routing, String username) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        routing.response().addCookie(Cookie.cookie(NAME, id + "." + signature.sign(text(username, id))).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(routing.request().isSSL()).setMaxAge(MAX_AGE_SECONDS));
    }

    private static String text(String username, String id) {
        return username.toLowerCase(Locale.ROOT) + "|" + id;
    }
}
