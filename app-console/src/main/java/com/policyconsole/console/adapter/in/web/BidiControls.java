package com.policyconsole.console.adapter.in.web;

import com.policyconsole.console.adapter.in.web.FormField;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.ViolationCode;
import java.util.List;

/**
 * Refuses invisible bidirectional controls (U+202A–U+202E, U+2066–U+2069) in any form field: they are not ISO
 * control characters, so the API rules let them through, yet they make a value read differently from what it
 * is — a description or label in the history could show text in another order than it was sent.
 */
public final class BidiControls {

    private BidiControls() {
    }

    /** Adds an error, at the field's form name, for each field holding a bidirectional control. */
    public static void check(List<FormField> fields, List<Violation> problems) {
        for (FormField field : fields) {
            field.value().chars().filter(BidiControls::isBidiControl).findFirst().ifPresent(c -> problems.add(
                    Violation.error(field.name(), ViolationCode.CONTROL_CHARACTER, field.name()
                            + " contains an invisible bidirectional control (U+" + String.format("%04X", c)
                            + ") that makes text read differently from what it is")));
        }
    }

    static boolean isBidiControl(int c) {
        return c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
    }
}
