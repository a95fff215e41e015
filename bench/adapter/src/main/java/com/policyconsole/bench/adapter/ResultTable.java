package com.policyconsole.bench.adapter;

import com.policyconsole.bench.adapter.BenchOptions.ClientKind;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Prints the totals of all rounds per client, what the stub saw, and whether the adapter met its targets. */
final class ResultTable {

    /** The adapter must reach this multiple of the SDK's requests/s. */
    static final double THROUGHPUT_TARGET = 2.0;
    /** A round counts as undisturbed when other processes used at most this share of the CPUs. */
    static final double UNDISTURBED_OTHERS_PERCENT = 10.0;

    private ResultTable() {
    }

    /**
     * Prints the table.
     *
     * @return the exit code: 1 when any call failed or the stub rejected a request, else 0 (a missed target is
     *         reported, not an error)
     */
    static int print(BenchOptions options, Map<ClientKind, LoadPhase.Result> totals,
                     Map<ClientKind, LoadPhase.Result> undisturbed, Map<ClientKind, RmsStub.Counters> stub,
                     Map<ClientKind, RmsStub.LastRequest> samples, String lastStubProblem) {
        System.out.println();
        System.out.println("all rounds:");
        boolean failures = table(options, totals);
        boolean judgeUndisturbed = undisturbed.keySet().containsAll(options.clients());
        System.out.println();
        if (judgeUndisturbed) {
            System.out.printf("undisturbed rounds only (other processes used <= %.0f%% of the CPUs):%n",
                    UNDISTURBED_OTHERS_PERCENT);
            table(options, undisturbed);
        } else {
            System.out.printf("undisturbed rounds only: not every client had a round in which other processes used "
                    + "<= %.0f%% of the CPUs; the targets are judged on all rounds%n", UNDISTURBED_OTHERS_PERCENT);
        }

        System.out.println();
        System.out.printf("%-12s %12s %10s %10s %16s %6s  %s%n",
                "stub saw", "requests", "rejected", "re-signed", "signed headers", "body", "user agent");
        for (ClientKind kind : options.clients()) {
            RmsStub.Counters c = stub.get(kind);
            RmsStub.LastRequest sample = samples.get(kind);
            System.out.printf("%-12s %12d %10d %10d %16s %6s  %s%n", kind.label(), c.requests(), c.rejected(),
                    c.resigned(), sample == null ? "-" : sample.signedHeaders(),
                    sample == null ? "-" : sample.bodyLength() + "B", sample == null ? "-" : sample.userAgent());
            failures |= c.rejected() > 0 || c.notFound() > 0;
        }
        if (lastStubProblem != null) {
            System.out.println("  last rejection by the stub: " + lastStubProblem);
        }

        Map<ClientKind, LoadPhase.Result> judged = judgeUndisturbed ? undisturbed : totals;
        LoadPhase.Result ours = judged.get(ClientKind.ADAPTER);
        if (ours != null) {
            System.out.println();
            System.out.println("targets, judged on " + (judgeUndisturbed ? "the undisturbed rounds:" : "all rounds:"));
            for (ClientKind sdk : options.clients()) {
                if (sdk == ClientKind.ADAPTER) {
                    continue;
                }
                LoadPhase.Result theirs = judged.get(sdk);
                double ratio = ours.perSecond() / theirs.perSecond();
                double ourP99 = millis(ours.latencies(), 99);
                double theirP99 = millis(theirs.latencies(), 99);
                System.out.printf("adapter vs %-10s throughput %.2fx (target >= %.1fx: %s), p99 %.2f vs %.2f ms "
                                + "(target no worse: %s)%n", sdk.label(), ratio, THROUGHPUT_TARGET,
                        ratio >= THROUGHPUT_TARGET ? "MET" : "MISSED", ourP99, theirP99,
                        ourP99 <= theirP99 ? "MET" : "MISSED");
            }
        }
        return failures ? 1 : 0;
    }

    /** Prints one row per client; returns whether any call failed. */
    private static boolean table(BenchOptions options, Map<ClientKind, LoadPhase.Result> results) {
        System.out.printf("%-12s %12s %9s %9s %9s %9s %10s %8s%n",
                "client", "requests/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "calls", "errors");
        boolean failures = false;
        for (ClientKind kind : options.clients()) {
            LoadPhase.Result r = results.get(kind);
            System.out.printf("%-12s %12.0f %9.2f %9.2f %9.2f %9.2f %10d %8d%n", kind.label(), r.perSecond(),
                    millis(r.latencies(), 50), millis(r.latencies(), 90), millis(r.latencies(), 99),
                    millis(r.latencies(), 99.9), r.calls(), r.errors());
            failures |= r.errors() > 0;
            if (r.firstError() != null) {
                System.out.printf("  first error of %s: %s%n", kind.label(), r.firstError());
            }
        }
        return failures;
    }

    static double millis(Histogram latencies, double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1e6;
    }
}
