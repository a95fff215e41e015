package com.policyconsole.domain.model.config;

import java.util.Arrays;
import java.util.Optional;

/** A rule's {@code state} as Config reports it. */
public enum RuleState {
    ENABLED("Enabled"),
    DISABLED("Disabled"),
    /** Enabled, with an evaluation running. */
    EVALUATING("Evaluating");

    private final String wireName;

    RuleState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The state of a wire value, if it is one Config documents. */
    public static Optional<RuleState> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(value)).findFirst();
    }
}
