package com.policyconsole.console.abuse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Characters that bad input is made of, shared by the generators of bad form posts and bad API requests. */
final class BadText {

    /** Control characters, bidirectional overrides and isolates included. */
    static final String CONTROLS = "\u0000\u0001\u0007\b\t\n\r\u000b\f\u001b\u007f\u0085\u009b\u2028\u2029"
            + "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069";
    /** The same without line breaks and tabs, which text areas and descriptions accept. */
    static final String MULTILINE_CONTROLS = "\u0000\u0001\u0007\b\u000b\f\u001b\u007f\u0085\u009b\u2028\u2029"
            + "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069";
    /** Look-alikes of letters, digits and punctuation from other scripts. */
    static final Map<Character, String> HOMOGLYPHS = Map.ofEntries(
            Map.entry('a', "\u0430"), Map.entry('e', "\u0435"), Map.entry('o', "\u043e"), Map.entry('c', "\u0441"),
            Map.entry('p', "\u0440"), Map.entry('x', "\u0445"), Map.entry('i', "\u0456"), Map.entry('s', "\u0455"),
            Map.entry('B', "\u0412"), Map.entry('C', "\u0421"), Map.entry('E', "\u0415"), Map.entry('O', "\u041e"),
            Map.entry('K', "\u041a"), Map.entry('T', "\u0422"), Map.entry('I', "\u0406"), Map.entry('S', "\u0405"),
            Map.entry('H', "\u041d"), Map.entry('0', "\uff10"), Map.entry('1', "\uff11"), Map.entry('2', "\uff12"),
            Map.entry('3', "\u0663"), Map.entry('4', "\uff14"), Map.entry('5', "\u06f5"), Map.entry('7', "\uff17"),
            Map.entry('-', "\u2010"), Map.entry('.', "\u2024"), Map.entry('_', "\uff3f"));

    /** Addresses that are not valid IPv4 or IPv6 objects, followed by {@code more} of a generator's own. */
    static List<String> badAddresses(String... more) {
        List<String> all = new ArrayList<>(List.of(
            "999.1.1.1", "256.0.0.1", "01.2.3.4", "1.2.3.04", "0177.0.0.1", "0x7f.0.0.1", "1.2.3", "1.2.3.4.5",
            "1.2.3.-4", "1.2.3.4/33", "1.2.3.4/", "1.2.3.0/024", "1.2.3.4/24", "1.2.3.4/-1", "1.2.3.4 5.6.7.8",
            "1.2.3.4-1.2.3.9", "1.2.3.*", "*", "::gg", "2001:db8:::1", "2001:db8::/129", "fe80::1%eth0", "[::1]",
            "::ffff:1.2.3.256", "1:2:3:4:5:6:7:8:9", "2001:db8::1/64", "localhost", "1.1.1.1.",
            "4294967295", "1e1.1.1.1", "\uff11.2.3.4"));
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    private BadText() {
    }
}
