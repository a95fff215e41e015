package com.policyconsole.sandbox;

import com.policyconsole.adapter.out.auth.AkSkCredentials;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The credentials the sandbox cloud expects, a runtime setting like {@link SandboxFaults}: they start from
 * {@code policyconsole.sandbox.access-key}, {@code policyconsole.sandbox.secret-key} and
 * {@code policyconsole.sandbox.token} and can be replaced while the console runs ({@link #configure},
 * {@link #configureToken}) and put back to the configuration ({@link #reset}); the tests use this to check
 * signed and unsigned calls against one running application.
 *
 * <p>Nothing set (the default) means the sandbox checks nothing. The secret key stays inside an
 * {@link AkSkCredentials} (whose {@code toString()} is redacted) and only the SHA-256 of the token is kept;
 * neither is ever logged.
 */
@ApplicationScoped
@Startup
public class SandboxCredentials {

    /** One consistent view of the settings, taken once per request. */
    public static final class Current {

        private static final Current NONE = new Current(null, null);

        private final AkSkCredentials keys;
        private final byte[] tokenDigest;

        private Current(AkSkCredentials keys, byte[] tokenDigest) {
            this.keys = keys;
            this.tokenDigest = tokenDigest;
        }

        /** The AK/SK every signed call must be signed with, if set. */
        public Optional<AkSkCredentials> keys() {
            return Optional.ofNullable(keys);
        }

        /** Whether calls that carry {@code X-Auth-Token} must carry a given token. */
        public boolean tokenConfigured() {
            return tokenDigest != null;
        }

        /** Whether anything is checked at all. */
        public boolean anyConfigured() {
            return keys != null || tokenDigest != null;
        }

        /** Whether the presented token is the configured one, compared in constant time. */
        public boolean tokenMatches(String presented) {
            return tokenDigest != null && presented != null
                    && MessageDigest.isEqual(sha256(presented), tokenDigest);
        }

        /** Shows the access key only. */
        @Override
        public String toString() {
            return "SandboxCredentials[accessKey=" + (keys == null ? "<none>" : keys.accessKey())
                    + ", secretKey=" + (keys == null ? "<none>" : "****")
                    + ", token=" + (tokenDigest == null ? "<none>" : "****") + "]";
        }
    }

    private final Current configured;
    private volatile Current current;

    /**
     * @throws IllegalStateException if only one of the access key and the secret key is set
     */
    public SandboxCredentials(
            @ConfigProperty(name = "policyconsole.sandbox.access-key") Optional<String> accessKey,
            @ConfigProperty(name = "policyconsole.sandbox.secret-key") Optional<String> secretKey,
            @ConfigProperty(name = "policyconsole.sandbox.token") Optional<String> token) {
        Optional<String> ak = accessKey.filter(s -> !s.isBlank());
        Optional<String> sk = secretKey.filter(s -> !s.isBlank());
        if (ak.isPresent() != sk.isPresent()) {
            throw new IllegalStateException("policyconsole.sandbox.access-key and policyconsole.sandbox.secret-key "
                    + "must be set together (or both left unset to turn off the sandbox's signature check)");
        }
        AkSkCredentials keys = ak.isPresent() ? new AkSkCredentials(ak.get(), sk.get()) : null;
        this.configured = new Current(keys, token.filter(s -> !s.isBlank()).map(SandboxCredentials::sha256).orElse(null));
        this.current = configured;
    }

    /** The settings in force now. */
    public Current current() {
        return current;
    }

    /** From now on, calls signed with AK/SK must be signed with this pair; the token setting is kept. */
    public void configure(String accessKey, String secretKey) {
        AkSkCredentials keys = new AkSkCredentials(accessKey, secretKey);
        current = new Current(keys, current.tokenDigest);
    }

    /** From now on, calls with {@code X-Auth-Token} must carry this token ({@code null}: any); keys are kept. */
    public void configureToken(String token) {
        byte[] digest = token == null || token.isBlank() ? null : sha256(token);
        current = new Current(current.keys, digest);
    }

    /** Checks nothing from now on, whatever the configuration says. */
    public void clear() {
        current = Current.NONE;
    }

    /** Back to the configured values. */
    public void reset() {
        current = configured;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
