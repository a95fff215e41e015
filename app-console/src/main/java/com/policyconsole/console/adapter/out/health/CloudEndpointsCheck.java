package com.policyconsole.console.adapter.out.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the cloud endpoints (or the sandbox in sandbox mode): each answers a TCP connect within 2 s. */
@Readiness
@ApplicationScoped
public class CloudEndpointsCheck implements HealthCheck {

    private static final int TIMEOUT_MILLIS = 2_000;

    private final String secMasterUrl;
    private final String rmsUrl;

    public CloudEndpointsCheck(@ConfigProperty(name = "quarkus.rest-client.secmaster.url") String secMasterUrl,
                               @ConfigProperty(name = "quarkus.rest-client.rms.url") String rmsUrl) {
        this.secMasterUrl = secMasterUrl;
        this.rmsUrl = rmsUrl;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("cloud endpoints");
        boolean up = probe("secmaster", secMasterUrl, builder) & probe("rms", rmsUrl, builder);
        return builder.status(up).build();
    }

    private static boolean probe(String name, String url, HealthCheckResponseBuilder builder) {
        try {
            URI uri = URI.create(url);
            int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), port), TIMEOUT_MILLIS);
            }
            // anonymous callers read this: the state, never the hosts (the admin sees them in the configuration)
            builder.withData(name, "reachable");
            return true;
        } catch (IOException | IllegalArgumentException e) {
            builder.withData(name, "unreachable: " + e.getClass().getSimpleName());
            return false;
        }
    }
}
