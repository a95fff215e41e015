package com.policyconsole.bench.adapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line of the adapter benchmark: {@code --duration=10 --warmup=15 --concurrency=16 --rounds=3
 * --verify-every=16 --clients=adapter,sdk,sdk-pool16}.
 *
 * @param measure      how long each client is measured per round
 * @param warmup       how long each client runs, unmeasured, before the first round
 * @param concurrency  caller threads
 * @param rounds       measured rounds; the client order rotates from one round to the next
 * @param verifyEvery  the stub re-computes the signature of every n-th request (1 = every request)
 * @param clients      the clients to compare, in the order of the first round
 */
record BenchOptions(Duration measure, Duration warmup, int concurrency, int rounds, int verifyEvery,
                    List<ClientKind> clients) {

    BenchOptions {
        if (measure.isNegative() || measure.isZero() || warmup.isNegative()) {
            throw new IllegalArgumentException("--duration must be positive and --warmup not negative");
        }
        if (concurrency < 1 || rounds < 1 || verifyEvery < 1) {
            throw new IllegalArgumentException("--concurrency, --rounds and --verify-every must be at least 1");
        }
        if (clients.isEmpty()) {
            throw new IllegalArgumentException("--clients must name at least one client");
        }
        clients = List.copyOf(clients);
    }

    /** The clients compared: the production adapter, and the SDK with its default and with a larger connection pool. */
    enum ClientKind {
        ADAPTER("adapter"),
        SDK("sdk"),
        SDK_POOL16("sdk-pool16");

        private final String label;

        ClientKind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        static ClientKind fromLabel(String label) {
            for (ClientKind kind : values()) {
                if (kind.label.equals(label.trim().toLowerCase(Locale.ROOT))) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown client '" + label + "' (adapter, sdk, sdk-pool16)");
        }
    }

    static BenchOptions parse(String... args) {
        Duration measure = Duration.ofSeconds(10);
        Duration warmup = Duration.ofSeconds(15);
        int concurrency = 16;
        int rounds = 3;
        int verifyEvery = 16;
        List<ClientKind> clients = List.of(ClientKind.values());
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            switch (name) {
                case "duration" -> measure = Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
                case "warmup" -> warmup = Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
                case "concurrency" -> concurrency = Integer.parseInt(value);
                case "rounds" -> rounds = Integer.parseInt(value);
                case "verify-every" -> verifyEvery = Integer.parseInt(value);
                case "clients" -> {
                    List<ClientKind> chosen = new ArrayList<>();
                    for (String label : value.split(",")) {
                        chosen.add(ClientKind.fromLabel(label));
                    }
                    clients = chosen;
                }
                default -> throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        return new BenchOptions(measure, warmup, concurrency, rounds, verifyEvery, clients);
    }
}
