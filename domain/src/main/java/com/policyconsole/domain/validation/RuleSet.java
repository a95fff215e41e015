package com.policyconsole.domain.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * An ordered list of rules for one kind of request, plus the factory methods the rule files read with.
 *
 * @param <T> the request type the rules inspect
 */
public record RuleSet<T>(List<Rule<T>> rules) {

    public RuleSet {
        rules = List.copyOf(rules);
    }

    @SafeVarargs
    public static <T> RuleSet<T> of(Rule<T>... rules) {
        return new RuleSet<>(List.of(rules));
    }

    /** Runs every rule, in order, and returns all violations. */
    public Violations validate(T subject) {
        List<Violation> out = new ArrayList<>(4);
        for (Rule<T> rule : rules) {
            rule.check(subject, "", out);
        }
        return Violations.of(out);
    }

    /** A mandatory field; blank text counts as missing. */
    public static <T> Rule<T> required(String field, Function<T, ?> value) {
        return new Rule.Required<>(field, value, false);
    }

    /** A mandatory field that may be empty text (minimum length 0). */
    public static <T> Rule<T> present(String field, Function<T, ?> value) {
        return new Rule.Required<>(field, value, true);
    }

    /** Single-line text of {@code min..max} code points. */
    public static <T> Rule<T> text(String field, Function<T, String> value, int min, int max) {
        return new Rule.Text<>(field, value, min, max, false);
    }

    /** Text of at most {@code max} code points that may span lines. */
    public static <T> Rule<T> multilineText(String field, Function<T, String> value, int max) {
        return new Rule.Text<>(field, value, 0, max, true);
    }

    public static <T> Rule<T> oneOf(String field, Function<T, String> value, Set<String> allowed) {
        return new Rule.OneOf<>(field, value, allowed);
    }

    public static <T> Rule<T> matches(String field, Function<T, String> value, TextFormat format, String expectation) {
        return new Rule.Matches<>(field, value, format, expectation, Severity.ERROR);
    }

    /** Like {@link #matches} but only warns: for IDs whose format is usual, not guaranteed. */
    public static <T> Rule<T> looksLike(String field, Function<T, String> value, TextFormat format, String expectation) {
        return new Rule.Matches<>(field, value, format, expectation, Severity.WARNING);
    }

    @SafeVarargs
    public static <T, E> Rule<T> each(String field, Function<T, List<E>> items, Rule<E>... rules) {
        return new Rule.Each<>(field, items, List.of(rules));
    }

    /** Applies a whole rule set to each item of a list field. */
    public static <T, E> Rule<T> each(String field, Function<T, List<E>> items, RuleSet<E> itemRules) {
        return new Rule.Each<>(field, items, itemRules.rules());
    }

    @SafeVarargs
    public static <T, N> Rule<T> nested(String field, Function<T, N> value, Rule<N>... rules) {
        return new Rule.Nested<>(field, value, List.of(rules));
    }

    public static <T> Rule<T> check(String name, Rule.Checker<T> checker) {
        return new Rule.Check<>(name, checker);
    }
}
