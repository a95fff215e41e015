package com.policyconsole.adapter.out.http;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Builds the {@code @RegisterRestClient} interfaces programmatically, so that every client gets the same
 * {@code policyconsole.cloud.connect-timeout} and {@code read-timeout}, never follows redirects, and returns
 * 4xx/5xx responses instead of throwing (the adapters map them to outcomes themselves).
 */
@ApplicationScoped
public class RestClientFactory {

    private final Duration connectTimeout;
    private final Duration readTimeout;

    @Inject
    public RestClientFactory(CloudSettings settings) {
        this(settings.connectTimeout(), settings.readTimeout());
    }

    public RestClientFactory(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** A client of {@code api} calling {@code baseUri}. */
    public <T> T build(Class<T> api, URI baseUri) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .disableDefaultMapper(true)
                .build(api);
    }

    /** Closes a client built here (its connection pool), if it is closeable; failures are ignored at shutdown. */
    public static void close(Object client) {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Shutting down: nothing useful to do.
            }
        }
    }
}
