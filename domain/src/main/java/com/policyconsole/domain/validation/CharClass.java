package com.policyconsole.domain.validation;

/**
 * A set of code points, the equivalent of a regular-expression character class such as
 * {@code [\p{L}\p{N} _.-]}: ASCII members are bits of two words, and beyond ASCII only Unicode letters
 * ({@code \p{L}}) and numbers ({@code \p{N}}) can be members. Tests whole strings without a regex engine.
 */
final class CharClass {

    /** {@code [A-Za-z0-9_-]}: characters safe in a URL path segment. */
    static final CharClass ID = of("_-").plusRange('A', 'Z').plusRange('a', 'z').plusRange('0', '9');
    /** {@code [0-9]}, which is also what {@code \d} means without {@code UNICODE_CHARACTER_CLASS}. */
    static final CharClass DIGITS = of("").plusRange('0', '9');
    /** {@code [0-9a-f]}. */
    static final CharClass LOWER_HEX = DIGITS.plusRange('a', 'f');
    /** {@code [a-z]}. */
    static final CharClass LOWER_LETTERS = of("").plusRange('a', 'z');
    /** {@code [a-z0-9]}. */
    static final CharClass LOWER_ALPHANUMERIC = LOWER_LETTERS.plusRange('0', '9');

    private final long low;
    private final long high;
    private final boolean letters;
    private final boolean numbers;

    private CharClass(long low, long high, boolean letters, boolean numbers) {
        this.low = low;
        this.high = high;
        this.letters = letters;
        this.numbers = numbers;
    }

    /** The class holding exactly the ASCII characters listed in {@code chars}. */
    static CharClass of(String chars) {
        CharClass result = new CharClass(0, 0, false, false);
        for (int i = 0; i < chars.length(); i++) {
            result = result.plusRange(chars.charAt(i), chars.charAt(i));
        }
        return result;
    }

    /** This class and the ASCII characters {@code from} to {@code to}, both included. */
    CharClass plusRange(char from, char to) {
        if (from > to || to >= 128) {
            throw new IllegalArgumentException("an ASCII range from <= to is expected");
        }
        long lowBits = low;
        long highBits = high;
        for (char c = from; c <= to; c++) {
            if (c < 64) {
                lowBits |= 1L << c;
            } else {
                highBits |= 1L << (c - 64);
            }
        }
        return new CharClass(lowBits, highBits, letters, numbers);
    }

    /** This class and every Unicode letter, {@code \p{L}}. */
    CharClass plusLetters() {
        return new CharClass(low, high, true, numbers).plusAsciiWhere(CharClass::isLetter);
    }

    /** This class and every Unicode number, {@code \p{N}}. */
    CharClass plusNumbers() {
        return new CharClass(low, high, letters, true).plusAsciiWhere(CharClass::isNumber);
    }

    private CharClass plusAsciiWhere(java.util.function.IntPredicate member) {
        CharClass result = this;
        for (char c = 0; c < 128; c++) {
            if (member.test(c)) {
                result = result.plusRange(c, c);
            }
        }
        return result;
    }

    /** Whether {@code codePoint} belongs to this class. */
    boolean contains(int codePoint) {
        if (codePoint < 64) {
            return (low & (1L << codePoint)) != 0;
        }
        if (codePoint < 128) {
            return (high & (1L << (codePoint - 64))) != 0;
        }
        return letters && isLetter(codePoint) || numbers && isNumber(codePoint);
    }

    /** Whether every code point of {@code text} belongs to this class (true for ""). */
    boolean containsAll(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128) {
                if (!contains(c)) {
                    return false;
                }
            } else {
                int codePoint = text.codePointAt(i);
                if (!contains(codePoint)) {
                    return false;
                }
                if (codePoint > Character.MAX_VALUE) {
                    i++;
                }
            }
        }
        return true;
    }

    /** Whether {@code text} has {@code min} to {@code max} characters, all in this ASCII-only class. */
    boolean containsAll(String text, int min, int max) {
        // Members are ASCII, so a matching text has as many chars as code points.
        return text.length() >= min && text.length() <= max && containsAll(text);
    }

    private static boolean isLetter(int codePoint) {
        return Character.isLetter(codePoint);
    }

    private static boolean isNumber(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }
}
