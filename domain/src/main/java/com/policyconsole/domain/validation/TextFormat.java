package com.policyconsole.domain.validation;

import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A format a field's text must have: the regular expression that documents it (and that messages, tests and
 * the annotated beans quote), and a check that accepts exactly the same texts, usually without a regex engine.
 */
public final class TextFormat {

    private final Pattern regex;
    private final Predicate<String> check;

    private TextFormat(Pattern regex, Predicate<String> check) {
        this.regex = regex;
        this.check = check;
    }

    /** A format checked by its regular expression itself. */
    public static TextFormat regex(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return new TextFormat(pattern, pattern.asMatchPredicate());
    }

    /** A format documented by {@code regex} and checked by {@code check}, which must accept exactly what the regex matches. */
    public static TextFormat of(String regex, Predicate<String> check) {
        return new TextFormat(Pattern.compile(regex), Objects.requireNonNull(check));
    }

    /** Whether the whole of {@code text} has this format. */
    public boolean matches(String text) {
        return check.test(text);
    }

    /** The regular expression's text, as {@link Pattern#pattern()}. */
    public String pattern() {
        return regex.pattern();
    }

    /** The compiled regular expression, for checking {@link #matches} against it. */
    public Pattern regex() {
        return regex;
    }

    @Override
    public String toString() {
        return regex.pattern();
    }
}
