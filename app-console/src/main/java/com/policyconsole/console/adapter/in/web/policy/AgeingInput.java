package com.policyconsole.console.adapter.in.web.policy;

import com.policyconsole.domain.model.emergency.BlockAge;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form's ageing field: empty for no ageing, a duration from now ({@code 30m}, {@code 24h}, {@code 7d},
 * {@code 2w}), or a date-time ({@code 2026-11-23T18:00} in UTC, or with an offset).
 */
public final class AgeingInput {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,5})\\s*([mhdw])");
    public static final String EXPECTATION = "enter a duration such as 30m, 24h, 7d or 2w, or a UTC date-time such as "
            + "2026-11-23T18:00; leave empty for a block that never ages out";

    private AgeingInput() {
    }

    /** The block age the text means at {@code now}, or empty if the text is not understood. */
    public static Optional<BlockAge> parse(String text, Instant now) {
        if (text == null || text.isBlank()) {
            return Optional.of(BlockAge.none());
        }
        String t = text.strip();
        Matcher m = DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            return Optional.of(BlockAge.until(now.plus(d)));
        }
        try {
            return until(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            // not with an offset; try a local date-time in UTC
        }
        try {
            return until(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** An instant as a block age; one too far away to be a number of milliseconds (year ±292 million) is not understood. */
    private static Optional<BlockAge> until(Instant at) {
        try {
            return Optional.of(BlockAge.until(at));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }
}
