package com.policyconsole.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every format of the rule files accepts exactly the texts its documented regular expression matches: on random
 * texts over the characters that matter to it, and on examples, most of them valid, after random edits (which reach the
 * boundaries a random text rarely reaches: lengths, separators, first and last characters).
 */
class TextFormatTest {

    /** Characters on both sides of every class boundary, and Unicode letters, numbers, surrogates and spaces. */
    private static final String[] ALPHABET = {
            "a", "f", "g", "z", "A", "F", "G", "Z", "0", "1", "9", "_", "-", ".", ":", "/", "=", "+", "@", "!", " ",
            "#", "\t", "\u00a0", "é", "ß", "Ж", "中", "٣", "²", "Ⅻ", "\uD835\uDC00", "\uD83D\uDE00", "\uD800", "\uDC00",
            "`", "{", "[", "\u0000"};

    private static final Map<String, TextFormat> FORMATS = Map.ofEntries(
            Map.entry("PATH_ID", SecMasterRules.PATH_ID),
            Map.entry("VERSION", SecMasterRules.VERSION),
            Map.entry("REGION", SecMasterRules.REGION),
            Map.entry("HEX_ID", SecMasterRules.HEX_ID),
            Map.entry("EPS_ID", SecMasterRules.EPS_ID),
            Map.entry("MILLIS", SecMasterRules.MILLIS),
            Map.entry("DOMAIN_ID", ConfigRules.DOMAIN_ID),
            Map.entry("RULE_NAME", ConfigRules.RULE_NAME),
            Map.entry("TAG_KEY", ConfigRules.TAG_KEY),
            Map.entry("TAG_VALUE", ConfigRules.TAG_VALUE),
            Map.entry("FUNCTION_URN", ConfigRules.FUNCTION_URN));

    private static final List<String> EXAMPLES = List.of(
            "3bb27e024693436da46b5f5aaf499060", "a4e7c5b2-8b1e-4e3c-9d1f-2f6e0a7b9c11", "25.5.0", "1.2", "1234.1.1.9999",
            "cn-north-4", "ap-southeast-1", "la-south-2a", "0a1b2c3d4e5f60718293a4b5c6d7e8f9", "0", "1893456000000",
            "9223372036854775807", "allowed-images-by-id", "cost-center", "iso27001:A.12.5.1", "Kostenstelle Zürich",
            "a b", "x", "SEC-1234", "SEC#1234", "env", "https://example.com/a=b+c@d",
            "urn:fss:cn-north-4:3bb27e02:function:default:check-images:latest");

    private static void assertAgrees(String name, TextFormat format, String text) {
        boolean expected = format.regex().matcher(text).matches();
        if (format.matches(text) != expected) {
            assertThat(format.matches(text)).as("%s on '%s'", name, text).isEqualTo(expected);
        }
    }

    @Test
    void formatsAgreeWithTheirRegexOnRandomTexts() {
        SplittableRandom random = new SplittableRandom(20261122);
        FORMATS.forEach((name, format) -> {
            for (int n = 0; n < 100_000; n++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(40);
                for (int i = 0; i < length; i++) {
                    text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
                }
                assertAgrees(name, format, text.toString());
            }
        });
    }

    @Test
    void formatsAgreeWithTheirRegexOnEditedExamples() {
        SplittableRandom random = new SplittableRandom(4711);
        List<String> texts = new ArrayList<>(EXAMPLES);
        for (String example : EXAMPLES) {
            texts.add(example.repeat(3));
            texts.add(example + "." + example);
            for (int n = 0; n < 3_000; n++) {
                texts.add(edit(example, random));
            }
        }
        FORMATS.forEach((name, format) -> texts.forEach(text -> assertAgrees(name, format, text)));
    }

    @Test
    void everyFormatAcceptsSomeExampleAndRefusesSomeOther() {
        FORMATS.forEach((name, format) -> {
            assertThat(EXAMPLES).as(name).anyMatch(format::matches);
            assertThat(EXAMPLES).as(name).anyMatch(text -> !format.matches(text));
        });
    }

    @Test
    void aRegexFormatIsItsRegex() {
        TextFormat format = TextFormat.regex("[a-c]+");
        assertThat(format.pattern()).isEqualTo("[a-c]+").isEqualTo(format.toString());
        assertThat(format.matches("abc")).isTrue();
        assertThat(format.matches("abcd")).isFalse();
    }

    /** One to three random edits: replace, insert or delete a character. */
    private static String edit(String example, SplittableRandom random) {
        StringBuilder text = new StringBuilder(example);
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = random.nextInt(text.length() + 1);
            String c = ALPHABET[random.nextInt(ALPHABET.length)];
            switch (random.nextInt(3)) {
                case 0 -> text.insert(at, c);
                case 1 -> {
                    if (at < text.length()) {
                        text.deleteCharAt(at);
                    }
                }
                default -> {
                    if (at < text.length()) {
                        text.replace(at, at + 1, c);
                    }
                }
            }
        }
        return text.toString();
    }
}
