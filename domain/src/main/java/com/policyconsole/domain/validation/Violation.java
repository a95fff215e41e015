package com.policyconsole.domain.validation;

import java.util.Objects;

/**
 * One broken rule: where on the wire ({@code data_object.defense_policy_list[0].defense_connection_id}),
 * which rule, what a person should read, and how serious it is.
 */
public record Violation(String path, ViolationCode code, String message, Severity severity) {

    public Violation {
        Objects.requireNonNull(path, "'path' must not be null");
        Objects.requireNonNull(code, "'code' must not be null");
        Objects.requireNonNull(message, "'message' must not be null");
        Objects.requireNonNull(severity, "'severity' must not be null");
    }

    public static Violation error(String path, ViolationCode code, String message) {
        return new Violation(path, code, message, Severity.ERROR);
    }

    public static Violation warning(String path, ViolationCode code, String message) {
        return new Violation(path, code, message, Severity.WARNING);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + " " + path + " [" + code + "]: " + message;
    }
}
