package com.policyconsole.bench.adapter;

import com.policyconsole.adapter.out.config.RmsConfigRuleGateway;
import com.policyconsole.bench.adapter.BenchOptions.ClientKind;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark run: the production {@link RmsConfigRuleGateway} (injected, configured for AK/SK against the stub)
 * and the SDK's Config client each create the same rule from {@code concurrency} callers; after a warm-up,
 * {@code rounds} measured rounds rotate the client order; the totals are printed as a table with the targets
 * (adapter ≥ 2× the SDK's requests/s, p99 no worse).
 */
@Singleton
public class AdapterBenchmark implements QuarkusApplication {

    private final RmsConfigRuleGateway gateway;

    @Inject
    public AdapterBenchmark(RmsConfigRuleGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public int run(String... args) throws Exception {
        AdapterBenchmarkMain.Setup setup = AdapterBenchmarkMain.setup();
        BenchOptions options = setup.options();
        RmsStub stub = setup.stub();
        System.out.printf("adapter benchmark: Config \"Adding a Rule\" with AK/SK, stub %s, %d callers, warm-up %ss, "
                        + "%d round(s) of %ss per client, stub re-signs every %d. request%n",
                stub.baseUri(), options.concurrency(), seconds(options.warmup()), options.rounds(),
                seconds(options.measure()), options.verifyEvery());

        Map<ClientKind, RuleCreator> clients = new EnumMap<>(ClientKind.class);
        for (ClientKind kind : options.clients()) {
            clients.put(kind, switch (kind) {
                case ADAPTER -> new AdapterRuleCreator(gateway);
                case SDK -> SdkRuleCreator.create(stub.baseUri(), setup.accessKey(), setup.secretKey(), 0);
                case SDK_POOL16 -> SdkRuleCreator.create(stub.baseUri(), setup.accessKey(), setup.secretKey(), 16);
            });
        }
        try {
            return measure(options, stub, clients);
        } finally {
            clients.values().forEach(RuleCreator::close);
        }
    }

    private static int measure(BenchOptions options, RmsStub stub, Map<ClientKind, RuleCreator> clients)
            throws InterruptedException {
        for (ClientKind kind : options.clients()) {
            String problem = clients.get(kind).createRule();
            if (problem != null) {
                System.out.printf("%s: the first call failed: %s (stub: %s)%n", kind.label(), problem, stub.lastProblem());
                return 1;
            }
        }
        if (!options.warmup().isZero()) {
            for (ClientKind kind : options.clients()) {
                LoadPhase.Result warm = LoadPhase.run(clients.get(kind), options.concurrency(), options.warmup());
                System.out.printf("warm-up %-10s %8.0f req/s%n", kind.label(), warm.perSecond());
            }
        }

        Map<ClientKind, LoadPhase.Result> totals = new EnumMap<>(ClientKind.class);
        Map<ClientKind, LoadPhase.Result> undisturbed = new EnumMap<>(ClientKind.class);
        Map<ClientKind, RmsStub.Counters> stubTotals = new EnumMap<>(ClientKind.class);
        Map<ClientKind, RmsStub.LastRequest> samples = new EnumMap<>(ClientKind.class);
        for (int round = 0; round < options.rounds(); round++) {
            for (ClientKind kind : rotated(options.clients(), round)) {
                RmsStub.Counters before = stub.counters();
                CpuMeter.Reading cpuBefore = CpuMeter.read();
                LoadPhase.Result result = LoadPhase.run(clients.get(kind), options.concurrency(), options.measure());
                CpuMeter.Reading cpuAfter = CpuMeter.read();
                RmsStub.Counters seen = stub.counters().minus(before);
                samples.put(kind, stub.lastRequest());
                System.out.printf("round %d %-10s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d  "
                                + "cpu: this JVM %3.0f%% (%2.0f%% of it in the kernel), other processes %3.0f%%%n", round + 1,
                        kind.label(), result.perSecond(), ResultTable.millis(result.latencies(), 50),
                        ResultTable.millis(result.latencies(), 99), result.errors(),
                        cpuAfter.processPercent(cpuBefore), cpuAfter.processSystemShare(cpuBefore),
                        cpuAfter.othersPercent(cpuBefore));
                totals.merge(kind, result, LoadPhase.Result::plus);
                if (cpuAfter.othersPercent(cpuBefore) <= ResultTable.UNDISTURBED_OTHERS_PERCENT) {
                    undisturbed.merge(kind, result, LoadPhase.Result::plus);
                }
                stubTotals.merge(kind, seen, (a, b) -> new RmsStub.Counters(a.requests() + b.requests(),
                        a.rejected() + b.rejected(), a.resigned() + b.resigned(), a.notFound() + b.notFound()));
            }
        }
        return ResultTable.print(options, totals, undisturbed, stubTotals, samples, stub.lastProblem());
    }

    private static List<ClientKind> rotated(List<ClientKind> clients, int round) {
        List<ClientKind> order = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            order.add(clients.get((i + round) % clients.size()));
        }
        return order;
    }

    private static String seconds(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : Double.toString(d.toMillis() / 1000.0);
    }
}
