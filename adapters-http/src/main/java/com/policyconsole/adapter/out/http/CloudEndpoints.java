package com.policyconsole.adapter.out.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The base URLs of the three services, from Quarkus' REST client keys {@code quarkus.rest-client.secmaster.url},
 * {@code quarkus.rest-client.rms.url} and {@code quarkus.rest-client.iam.url} (environment variables
 * {@code QUARKUS_REST_CLIENT_SECMASTER_URL}, …). Each is needed only when its service is called.
 */
@ApplicationScoped
public class CloudEndpoints {

    /** Config key of the SecMaster base URL. */
    public static final String SECMASTER_KEY = "quarkus.rest-client.secmaster.url";
    /** Config key of the Config (RMS) base URL. */
    public static final String RMS_KEY = "quarkus.rest-client.rms.url";
    /** Config key of the IAM base URL. */
    public static final String IAM_KEY = "quarkus.rest-client.iam.url";

    private final Optional<String> secmaster;
    private final Optional<String> rms;
    private final Optional<String> iam;

    @Inject
    public CloudEndpoints(@ConfigProperty(name = SECMASTER_KEY) Optional<String> secmaster,
                          @ConfigProperty(name = RMS_KEY) Optional<String> rms,
                          @ConfigProperty(name = IAM_KEY) Optional<String> iam) {
        this.secmaster = secmaster.filter(s -> !s.isBlank());
        this.rms = rms.filter(s -> !s.isBlank());
        this.iam = iam.filter(s -> !s.isBlank());
    }

    /** Fixed endpoints (tests, tools); {@code null} means not configured. */
    public static CloudEndpoints of(URI secmaster, URI rms, URI iam) {
        return new CloudEndpoints(Optional.ofNullable(secmaster).map(URI::toString),
                Optional.ofNullable(rms).map(URI::toString), Optional.ofNullable(iam).map(URI::toString));
    }

    /** Stands in for a service URL that is not set, so that a request can still be shown; it is never called. */
    public static final URI UNCONFIGURED = URI.create("http://endpoint-not-configured.invalid");

    /**
     * The SecMaster base URL, e.g. {@code https://secmaster.cn-north-4.myhuaweicloud.com}.
     *
     * @throws EndpointNotConfiguredException when the key is not set or not an absolute http(s) URL
     */
    public URI secmaster() {
        return resolve(SECMASTER_KEY, secmaster);
    }

    /** The Config (RMS) base URL, e.g. {@code https://rms.myhuaweicloud.com}. */
    public URI rms() {
        return resolve(RMS_KEY, rms);
    }

    /** The IAM base URL, e.g. {@code https://iam.cn-north-4.myhuaweicloud.com}. */
    public URI iam() {
        return resolve(IAM_KEY, iam);
    }

    private static URI resolve(String key, Optional<String> value) {
        String text = value.orElseThrow(() -> new EndpointNotConfiguredException(key + " is not set"));
        URI uri;
        try {
            uri = URI.create(text.trim());
        } catch (IllegalArgumentException e) {
            throw new EndpointNotConfiguredException(key + " is not a valid URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new EndpointNotConfiguredException(key + " must be an absolute http or https URL");
        }
        return uri;
    }

    /** A service URL is missing or malformed. */
    public static final class EndpointNotConfiguredException extends IllegalStateException {
        EndpointNotConfiguredException(String message) {
            super(message);
        }
    }
}
