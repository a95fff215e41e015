package com.policyconsole.adapter.out.http;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A REST client built on first use — so that a missing endpoint URL only fails the calls that need it — and
 * closed with its gateway.
 *
 * @param <T> the REST client interface
 */
public final class LazyRestClient<T> {

    private final Supplier<T> factory;
    private volatile T client;

    public LazyRestClient(Supplier<T> factory) {
        this.factory = Objects.requireNonNull(factory, "'factory' must not be null");
    }

    /** The client, built on the first call. */
    public T get() {
        T c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = factory.get();
                    client = c;
                }
            }
        }
        return c;
    }

    /** Releases the client's connections, if it was built. */
    public void close() {
        RestClientFactory.close(client);
    }
}
