package com.policyconsole.domain.model.bulk;

import java.util.Objects;

/**
 * An object of a batch that is not delivered because another one of the batch already covers it.
 *
 * @param line its source line
 * @param text the object as written
 * @param keptLine the line of the object that covers it
 * @param reason what the person reads, e.g. "duplicate of line 3" or "inside 10.0.0.0/8 on line 3"
 */
public record DroppedObject(int line, String text, int keptLine, String reason) {

    public DroppedObject {
        Objects.requireNonNull(text, "'text' must not be null");
        Objects.requireNonNull(reason, "'reason' must not be null");
    }
}
