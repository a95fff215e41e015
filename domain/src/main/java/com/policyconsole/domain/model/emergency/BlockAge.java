package com.policyconsole.domain.model.emergency;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code block_age} (Table 6): whether the block ages out and when, as the wire carries it — a flag and a
 * millisecond epoch timestamp in a string.
 *
 * @param isBlockAgeing {@code is_block_ageing}, mandatory
 * @param blockAgeing {@code block_ageing}, the ageing instant in epoch milliseconds, null without ageing
 */
public record BlockAge(Boolean isBlockAgeing, String blockAgeing) {

    private static final BlockAge NONE = new BlockAge(false, null);

    /** A block that never ages out. */
    public static BlockAge none() {
        return NONE;
    }

    /** A block that ages out at {@code instant}. */
    public static BlockAge until(Instant instant) {
        return new BlockAge(true, Long.toString(instant.toEpochMilli()));
    }

    public boolean ages() {
        return Boolean.TRUE.equals(isBlockAgeing);
    }

    /** The ageing instant, when {@code block_ageing} holds a valid millisecond timestamp. */
    public Optional<Instant> ageingInstant() {
        if (blockAgeing == null || blockAgeing.isEmpty() || blockAgeing.length() > 19) {
            return Optional.empty();
        }
        for (int i = 0; i < blockAgeing.length(); i++) {
            if (blockAgeing.charAt(i) < '0' || blockAgeing.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(blockAgeing)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
