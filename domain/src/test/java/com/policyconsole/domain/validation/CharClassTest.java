package com.policyconsole.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each character class agrees with the regular-expression class it replaces, for every code point. */
class CharClassTest {

    private static void assertSameMembers(CharClass chars, String regexClass) {
        Pattern pattern = Pattern.compile(regexClass);
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            boolean inRegex = pattern.matcher(Character.toString(cp)).matches();
            if (chars.contains(cp) != inRegex) {
                assertThat(chars.contains(cp)).as("U+%04X in %s", cp, regexClass).isEqualTo(inRegex);
            }
        }
    }

    @Test
    void asciiClassesHaveTheMembersOfTheirRegexClasses() {
        assertSameMembers(CharClass.ID, "[A-Za-z0-9_-]");
        assertSameMembers(CharClass.DIGITS, "\\d");
        assertSameMembers(CharClass.LOWER_HEX, "[0-9a-f]");
        assertSameMembers(CharClass.LOWER_LETTERS, "[a-z]");
        assertSameMembers(CharClass.LOWER_ALPHANUMERIC, "[a-z0-9]");
    }

    @Test
    void unicodeLettersAndNumbersAreTheRegexCategories() {
        assertSameMembers(CharClass.of("").plusLetters(), "\\p{L}");
        assertSameMembers(CharClass.of("").plusNumbers(), "\\p{N}");
        assertSameMembers(CharClass.of(" _.:/=+-@").plusLetters().plusNumbers(), "[\\p{L}\\p{N} _.:/=+\\-@]");
    }

    @Test
    void wholeTextsAreReadByCodePoint() {
        CharClass letters = CharClass.of("").plusLetters();
        assertThat(letters.containsAll("")).isTrue();
        assertThat(letters.containsAll("Zürich")).isTrue();
        assertThat(letters.containsAll("\uD835\uDC00x")).as("a supplementary letter").isTrue();
        assertThat(letters.containsAll("a\uD835")).as("a lone high surrogate").isFalse();
        assertThat(letters.containsAll("\uDC00a")).as("a lone low surrogate").isFalse();
        assertThat(letters.containsAll("ab1")).isFalse();
    }

    @Test
    void boundedTextsCountTheirCharacters() {
        assertThat(CharClass.DIGITS.containsAll("", 1, 3)).isFalse();
        assertThat(CharClass.DIGITS.containsAll("123", 1, 3)).isTrue();
        assertThat(CharClass.DIGITS.containsAll("1234", 1, 3)).isFalse();
        assertThat(CharClass.DIGITS.containsAll("12a", 1, 3)).isFalse();
    }

    @Test
    void onlyAsciiRangesCanBeAdded() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> CharClass.of("").plusRange('a', '\u00e9'));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> CharClass.of("").plusRange('z', 'a'));
    }
}
