package com.policyconsole.bench.console;

import java.util.Arrays;

/** A growable list of durations in nanoseconds, with percentiles; one per thread, merged at the end. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int size;

    void add(long durationNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = durationNanos;
    }

    int count() {
        return size;
    }

    static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies p : parts) {
            for (int i = 0; i < p.size; i++) {
                all.add(p.nanos[i]);
            }
        }
        return all;
    }

    /** The {@code p}-th percentile (0 &lt; p ≤ 100, nearest rank) in milliseconds; NaN when empty. */
    double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }
}
