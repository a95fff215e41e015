package com.policyconsole.domain.model.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The parser's shortcuts decide as the general code would: the IP pre-check accepts exactly what its documented
 * regular expression matches, a dotted quad read directly is the address the library reads, and the verdict
 * without building objects is the parser's.
 */
class BlockTargetParserFastPathsTest {

    private static final Pattern IP_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+(/(0|[1-9][0-9]{0,2}))?");
    private static final String ALPHABET = "0123456789aAfFgG:./ -x\u0660";

    @Test
    void preCheckAgreesWithTheRegex() {
        List<String> texts = new ArrayList<>(List.of("", "/", "/24", "1.2.3.4/", "1.2.3.4/0", "1.2.3.4/00", "1.2.3.4/01",
                "1.2.3.4/32", "::/128", "::/1280", "1.2.3.4/2/4", "2001:DB8::1", "1.2.3.4 ", "g::1"));
        SplittableRandom random = new SplittableRandom(1);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            texts.add(text.toString());
        }
        for (String text : texts) {
            boolean expected = IP_CHARACTERS.matcher(text).matches();
            if (BlockTargetParser.hasIpCharacters(text) != expected) {
                assertThat(BlockTargetParser.hasIpCharacters(text)).as("'%s'", text).isEqualTo(expected);
            }
        }
        assertThat(texts).anyMatch(BlockTargetParser::hasIpCharacters);
    }

    @Test
    void dottedQuadsAreTheAddressesTheLibraryReads() {
        List<String> texts = new ArrayList<>(List.of("0.0.0.0", "255.255.255.255", "0.0.0.0/0", "1.2.3.4/32",
                "203.0.113.7", "198.51.100.0/24", "192.0.2.128/25", "192.0.2.129/25", "10.0.0.0/8", "1.2.3.4/33",
                "1.2.3.4/024", "01.2.3.4", "1.2.3.256", "1.2.3", "1.2.3.4.5", "1.2.3.4/", "1..3.4", "1.2.3.4/9999"));
        SplittableRandom random = new SplittableRandom(2);
        String[] octets = {"0", "1", "9", "10", "99", "100", "127", "128", "199", "200", "249", "250", "255", "256",
                "300", "999", "00", "01", "012", "1000", ""};
        String[] prefixes = {"", "", "/0", "/1", "/8", "/16", "/23", "/24", "/25", "/31", "/32", "/33", "/99", "/100", "/01", "/"};
        for (int n = 0; n < 50_000; n++) {
            texts.add(octets[random.nextInt(octets.length)] + "." + octets[random.nextInt(octets.length)] + "."
                    + octets[random.nextInt(octets.length)] + "." + octets[random.nextInt(octets.length)]
                    + prefixes[random.nextInt(prefixes.length)]);
        }
        for (String text : texts) {
            String reason = BlockTargetParser.parse(BlockType.SOURCE_IP, text) instanceof BlockTargetParser.Result.Invalid i
                    ? i.reason() : null;
            assertThat(BlockTargetParser.problem(BlockType.SOURCE_IP, text)).as(text).isEqualTo(reason);
        }
        int read = 0;
        for (String text : texts) {
            IPAddress direct = BlockTargetParser.dottedQuad(text);
            if (direct == null) {
                continue;
            }
            read++;
            IPAddress library = new IPAddressString(text, BlockTargetParser.STRICT_IP).getAddress();
            assertThat(library).as(text).isNotNull().isEqualTo(direct);
            assertThat(direct.toCanonicalString()).as(text).isEqualTo(library.toCanonicalString());
            assertThat(direct.toString()).as(text).isEqualTo(library.toString());
            assertThat(direct.isIPv4()).as(text).isTrue();
            assertThat(direct.isPrefixed()).as(text).isEqualTo(library.isPrefixed());
            assertThat(direct.getNetworkPrefixLength()).as(text).isEqualTo(library.getNetworkPrefixLength());
            assertThat(direct.isPrefixBlock()).as(text).isEqualTo(library.isPrefixBlock());
            assertThat(direct.getCount()).as(text).isEqualTo(library.getCount());
            assertThat(direct.toPrefixBlock().toCanonicalString()).as(text)
                    .isEqualTo(library.toPrefixBlock().toCanonicalString());
            assertThat(BlockTargetParser.parseIp(text)).as(text).isEqualTo(libraryOnly(text, library));
        }
        assertThat(read).as("dotted quads read directly").isGreaterThan(1_000);
    }

    @Test
    void problemsAreTheParsersReasonsForEveryType() {
        for (String text : List.of("", "1.2.3.4", "1.2.3.4/24", "1.2.3.0/24", "2001:db8::1", "2001:db8::1/32",
                "alice", "1alice", " alice", "example.com", "example", "bad_label.com", "1.2.3.4/33", "a".repeat(60))) {
            for (BlockType type : BlockType.values()) {
                String reason = BlockTargetParser.parse(type, text) instanceof BlockTargetParser.Result.Invalid i
                        ? i.reason() : null;
                assertThat(BlockTargetParser.problem(type, text)).as("%s as %s", text, type).isEqualTo(reason);
            }
        }
        assertThat(BlockTargetParser.problem(BlockType.SOURCE_IP, "1.2.3.4/24")).contains("did you mean 1.2.3.0/24");
        assertThat(BlockTargetParser.problem(BlockType.SOURCE_IP, "1.2.3.0/24")).isNull();
    }

    /** What parseIp answered before the shortcut, from the library's address. */
    private static BlockTargetParser.Result libraryOnly(String text, IPAddress address) {
        if (!address.isPrefixed()) {
            return new BlockTargetParser.Result.Parsed(new BlockTarget.Ipv4Address(address));
        }
        if (!address.isPrefixBlock()) {
            return new BlockTargetParser.Result.Invalid("a CIDR block with host bits set (did you mean "
                    + address.toPrefixBlock().toCanonicalString() + "?)");
        }
        return new BlockTargetParser.Result.Parsed(new BlockTarget.CidrBlock(address));
    }
}
