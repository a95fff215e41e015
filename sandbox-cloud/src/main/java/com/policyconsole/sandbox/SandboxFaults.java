package com.policyconsole.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for the sandbox cloud, set at runtime by an admin: a share of calls answered with 429,
 * 500 or a timeout, and a number of next deliveries that fail. A 500 or timeout happens after the sandbox
 * stored the policy (the delivery failed, the policy exists), as a real cloud's can; and defense layers whose
 * deliveries fail (the policy exists, its record for that layer says FAILED).
 */
@ApplicationScoped
public class SandboxFaults {

    /** What the sandbox does with one call. */
    public enum Fault {
        NONE, THROTTLE, SERVER_ERROR, TIMEOUT
    }

    /** The current settings: percentages 0–100 and the count of next calls forced to fail with 500. */
    public record Settings(int throttlePercent, int serverErrorPercent, int timeoutPercent, int failNext) {
        public Settings {
            if (throttlePercent < 0 || serverErrorPercent < 0 || timeoutPercent < 0 || failNext < 0
                    || throttlePercent + serverErrorPercent + timeoutPercent > 100) {
                throw new IllegalArgumentException("percentages must be 0 to 100 and add up to at most 100; "
                        + "the fail-next count must not be negative");
            }
        }
    }

    private volatile Settings settings = new Settings(0, 0, 0, 0);
    private volatile java.util.Set<String> failingLayers = java.util.Set.of();
    private final AtomicInteger failNext = new AtomicInteger();
    private final java.time.Duration timeoutDelay;

    public SandboxFaults(@org.eclipse.microprofile.config.inject.ConfigProperty(
            name = "policyconsole.sandbox.timeout-delay", defaultValue = "35s") java.time.Duration timeoutDelay) {
        this.timeoutDelay = timeoutDelay;
    }

    /** Holds the current call past the clients' read timeout ({@code policyconsole.sandbox.timeout-delay}). */
    public void holdForTimeout() {
        try {
            Thread.sleep(timeoutDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Settings settings() {
        return new Settings(settings.throttlePercent(), settings.serverErrorPercent(), settings.timeoutPercent(),
                failNext.get());
    }

    public void update(Settings next) {
        settings = next;
        failNext.set(next.failNext());
    }

    /**
     * The defense layers (e.g. {@code WAF}) whose deliveries fail from now on: a create or retry to such a layer is
     * accepted, and its delivery record for that layer ends FAILED.
     */
    public void failLayers(java.util.Collection<String> defenseTypes) {
        failingLayers = defenseTypes.stream().map(t -> t.strip().toUpperCase(java.util.Locale.ROOT))
                .filter(t -> !t.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public java.util.Set<String> failingLayers() {
        return failingLayers;
    }

    /** Draws the fault for the next call. */
    public Fault next() {
        if (failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            return Fault.SERVER_ERROR;
        }
        Settings s = settings;
        int roll = ThreadLocalRandom.current().nextInt(100);
        if (roll < s.throttlePercent()) {
            return Fault.THROTTLE;
        }
        if (roll < s.throttlePercent() + s.serverErrorPercent()) {
            return Fault.SERVER_ERROR;
        }
        if (roll < s.throttlePercent() + s.serverErrorPercent() + s.timeoutPercent()) {
            return Fault.TIMEOUT;
        }
        return Fault.NONE;
    }
}
