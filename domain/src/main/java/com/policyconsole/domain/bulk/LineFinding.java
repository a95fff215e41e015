package com.policyconsole.domain.bulk;

import com.policyconsole.domain.validation.Severity;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.ViolationCode;
import java.util.Objects;

/**
 * A finding on one line of a bulk batch (line 0: the batch as a whole), with the rule's code and severity.
 *
 * @param line the source line, 0 for the whole batch
 * @param code the rule
 * @param message what the person reads, naming the object
 * @param severity an error blocks the batch, a warning must be acknowledged
 */
public record LineFinding(int line, ViolationCode code, String message, Severity severity) {

    public LineFinding {
        if (line < 0) {
            throw new IllegalArgumentException("'line' must not be negative, got " + line);
        }
        Objects.requireNonNull(code, "'code' must not be null");
        Objects.requireNonNull(message, "'message' must not be null");
        Objects.requireNonNull(severity, "'severity' must not be null");
    }

    public static LineFinding error(int line, ViolationCode code, String message) {
        return new LineFinding(line, code, message, Severity.ERROR);
    }

    /** A violation of the rules for one object, found on {@code line}. */
    public static LineFinding of(int line, Violation violation) {
        return new LineFinding(line, violation.code(), violation.message(), violation.severity());
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return (line == 0 ? "batch" : "line " + line) + ": " + message;
    }
}
