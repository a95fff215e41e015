package com.policyconsole.console.config;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The session cookie's encryption key when {@code POLICYCONSOLE_SESSION_KEY} is unset: 32 random bytes made once per
 * process and never logged (Quarkus' own fallback logs the key it makes). Sessions then end at restart and do not
 * carry over to another console; set the variable to share them.
 */
public final class GeneratedSessionKey implements ConfigSource {

    /** The property that {@code quarkus.http.auth.session.encryption-key} falls back to. */
    public static final String PROPERTY = "policyconsole.security.generated-session-key";

    /** Lowest of the configuration's sources: anything else that sets the property wins. */
    private static final int ORDINAL = 1;

    private static final String KEY = newKey();

    private static String newKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(PROPERTY, KEY);
    }

    @Override
    public String getValue(String propertyName) {
        return PROPERTY.equals(propertyName) ? KEY : null;
    }

    @Override
    public String getName() {
        return "policyconsole-generated-session-key";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
