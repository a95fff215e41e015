package com.policyconsole.domain.model.bulk;

import com.policyconsole.domain.model.emergency.BlockTarget;
import java.util.Objects;

/**
 * One object of a bulk batch and the line of the pasted text or file it came from (1-based).
 *
 * @param line the source line
 * @param target the typed object
 */
public record BatchObject(int line, BlockTarget target) {

    public BatchObject {
        if (line < 1) {
            throw new IllegalArgumentException("'line' must be positive, got " + line);
        }
        Objects.requireNonNull(target, "'target' must not be null");
    }

    /** The object as it goes on the wire. */
    public String text() {
        return target.text();
    }
}
