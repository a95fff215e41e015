package com.policyconsole.domain.model.audit;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A record's position and hash noted outside the console ("#1234:9f86…"), checked by later verifications. */
public record AuditAnchor(long position, String hash) {

    private static final Pattern FORM = Pattern.compile("#?([1-9][0-9]{0,17}):([0-9a-fA-F]{64})");

    /** Parses {@code #position:hash} (the # is optional); empty when the text is not in that form. */
    public static Optional<AuditAnchor> parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text.strip());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new AuditAnchor(Long.parseLong(m.group(1)), m.group(2).toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return "#" + position + ":" + hash;
    }
}
