package com.policyconsole.bench.adapter;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.security.SecureRandom;

/**
 * Entry point of the adapter benchmark: starts the stub and generates a throw-away AK/SK before Quarkus starts,
 * so that the production configuration keys ({@code quarkus.rest-client.rms.url},
 * {@code policyconsole.cloud.access-key}, …) can point the adapter at the stub exactly as a deployment would.
 */
@QuarkusMain
public final class AdapterBenchmarkMain {

    private static final String KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** What {@link AdapterBenchmark} is handed: the options, the running stub and the generated AK/SK. */
    record Setup(BenchOptions options, RmsStub stub, String accessKey, String secretKey) {
    }

    private static volatile Setup setup;

    private AdapterBenchmarkMain() {
    }

    public static void main(String... args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("adapter benchmark: " + e.getMessage());
            System.err.println("usage: --duration=SECONDS --warmup=SECONDS --concurrency=N --rounds=N "
                    + "--verify-every=N --clients=adapter,sdk,sdk-pool16");
            System.exit(2);
            return;
        }
        String accessKey = randomKey(20);
        String secretKey = randomKey(40);
        RmsStub stub = RmsStub.start(accessKey, secretKey, BenchRule.DOMAIN_ID, options.verifyEvery());
        System.setProperty("quarkus.rest-client.rms.url", stub.baseUri().toString());
        System.setProperty("policyconsole.cloud.access-key", accessKey);
        System.setProperty("policyconsole.cloud.secret-key", secretKey);
        System.setProperty("policyconsole.cloud.domain-id", BenchRule.DOMAIN_ID);
        setup = new Setup(options, stub, accessKey, secretKey);
        Quarkus.run(AdapterBenchmark.class, (exitCode, failure) -> {
            stub.close();
            if (failure != null) {
                failure.printStackTrace();
            }
            System.exit(exitCode);
        }, args);
    }

    static Setup setup() {
        return setup;
    }

    private static String randomKey(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder key = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            key.append(KEY_CHARS.charAt(random.nextInt(KEY_CHARS.length())));
        }
        return key.toString();
    }
}
