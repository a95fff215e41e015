package com.policyconsole.adapter.out.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * The one test resource of every {@code @QuarkusTest} in this module: a loopback WireMock server standing in
 * for SecMaster, Config and IAM (their paths do not overlap), with an HTTPS port for TLS failures. It points
 * {@code quarkus.rest-client.{secmaster,rms,iam}.url} at itself and is injected into fields annotated
 * {@link Inject}.
 */
public class CloudStub implements QuarkusTestResourceLifecycleManager {

    /** Marks the {@code WireMockServer} field a test wants the stub in. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().dynamicHttpsPort()
                .containerThreads(16).jettyAcceptors(1));
        server.start();
        String base = "http://localhost:" + server.port();
        return Map.of(
                "quarkus.rest-client.secmaster.url", base,
                "quarkus.rest-client.rms.url", base,
                "quarkus.rest-client.iam.url", base);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(Inject.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
