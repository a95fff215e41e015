package com.policyconsole.bench.adapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * One closed-loop run of one client: {@code concurrency} platform threads call {@link RuleCreator#createRule()}
 * back to back for a fixed time, each recording every call's latency in its own histogram.
 */
final class LoadPhase {

    /** Latencies up to one minute, three significant digits, in nanoseconds. */
    private static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** What one run measured. */
    record Result(Histogram latencies, long errors, Duration elapsed, String firstError) {

        long calls() {
            return latencies.getTotalCount();
        }

        double perSecond() {
            return calls() / (elapsed.toNanos() / 1e9);
        }

        static Result empty() {
            return new Result(new Histogram(HIGHEST_NANOS, 3), 0, Duration.ZERO, null);
        }

        /** Both runs as one: calls and time added, latencies merged. */
        Result plus(Result other) {
            Histogram merged = latencies.copy();
            merged.add(other.latencies);
            return new Result(merged, errors + other.errors, elapsed.plus(other.elapsed),
                    firstError != null ? firstError : other.firstError);
        }
    }

    private LoadPhase() {
    }

    static Result run(RuleCreator client, int concurrency, Duration duration) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(concurrency);
        CountDownLatch go = new CountDownLatch(1);
        List<Histogram> histograms = new ArrayList<>();
        long[] errors = new long[concurrency];
        AtomicReference<String> firstError = new AtomicReference<>();
        long[] deadline = new long[1];
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Histogram histogram = new Histogram(HIGHEST_NANOS, 3);
            histograms.add(histogram);
            int index = i;
            Thread caller = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long end = deadline[0];
                long failed = 0;
                while (true) {
                    long started = System.nanoTime();
                    if (started >= end) {
                        break;
                    }
                    String problem;
                    try {
                        problem = client.createRule();
                    } catch (RuntimeException e) {
                        problem = e.toString();
                    }
                    histogram.recordValue(Math.min(HIGHEST_NANOS, System.nanoTime() - started));
                    if (problem != null) {
                        failed++;
                        firstError.compareAndSet(null, problem);
                    }
                }
                errors[index] = failed;
            }, "bench-caller-" + i);
            callers.add(caller);
            caller.start();
        }
        ready.await();
        long started = System.nanoTime();
        deadline[0] = started + duration.toNanos();
        go.countDown();
        for (Thread caller : callers) {
            caller.join();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        Histogram all = new Histogram(HIGHEST_NANOS, 3);
        histograms.forEach(all::add);
        long errorCount = 0;
        for (long e : errors) {
            errorCount += e;
        }
        return new Result(all, errorCount, elapsed, firstError.get());
    }
}
