package com.policyconsole.domain.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The outcome of validating a request: an ordered, immutable list of violations. */
public record Violations(List<Violation> all) {

    private static final Violations NONE = new Violations(List.of());

    public Violations {
        all = List.copyOf(all);
    }

    public static Violations none() {
        return NONE;
    }

    public static Violations of(List<Violation> violations) {
        return violations.isEmpty() ? NONE : new Violations(violations);
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Violation::isError);
    }

    public boolean hasWarnings() {
        return all.stream().anyMatch(v -> !v.isError());
    }

    public List<Violation> errors() {
        return all.stream().filter(Violation::isError).toList();
    }

    public List<Violation> warnings() {
        return all.stream().filter(v -> !v.isError()).toList();
    }

    /** Violations at exactly this wire path. */
    public List<Violation> at(String path) {
        return all.stream().filter(v -> v.path().equals(path)).toList();
    }

    /** The first violation with this code, if any. */
    public Optional<Violation> first(ViolationCode code) {
        return all.stream().filter(v -> v.code() == code).findFirst();
    }

    public boolean contains(ViolationCode code) {
        return first(code).isPresent();
    }

    /** These violations followed by the other's. */
    public Violations and(Violations other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        List<Violation> joined = new ArrayList<>(all);
        joined.addAll(other.all);
        return new Violations(joined);
    }

    @Override
    public String toString() {
        return all.isEmpty() ? "no violations" : all.toString();
    }
}
