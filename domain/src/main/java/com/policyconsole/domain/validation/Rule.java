package com.policyconsole.domain.validation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * One named check of a subject of type {@code T}; the rule files list them in the order of the
 * documents' tables. Each rule reports its violations at a wire path below {@code prefix}.
 *
 * @param <T> what the rule inspects
 */
public sealed interface Rule<T>
        permits Rule.Required, Rule.Text, Rule.OneOf, Rule.Matches, Rule.Each, Rule.Nested, Rule.Check {

    /** Appends this rule's violations for {@code subject}, at paths below {@code prefix}, to {@code out}. */
    void check(T subject, String prefix, List<Violation> out);

    /** The name a message uses: the field, or for list items ({@code field} empty) the prefix's last segment. */
    static String label(String prefix, String field) {
        if (!field.isEmpty()) {
            return field;
        }
        int dot = prefix.lastIndexOf('.');
        return dot < 0 ? prefix : prefix.substring(dot + 1);
    }

    /** Joins a path prefix and a field name: {@code ("data_object", "region_id")} → {@code data_object.region_id}. */
    static String path(String prefix, String field) {
        if (prefix.isEmpty()) {
            return field;
        }
        if (field.isEmpty()) {
            return prefix;
        }
        return prefix + "." + field;
    }

    /**
     * A mandatory field ("Mandatory: Yes"): null and empty collections count as missing, and so does blank
     * text unless {@code blankAllowed} (a field whose minimum length is 0).
     */
    record Required<T>(String field, Function<T, ?> value, boolean blankAllowed) implements Rule<T> {
        public Required {
            Objects.requireNonNull(field);
            Objects.requireNonNull(value);
        }

        @Override
        public void check(T subject, String prefix, List<Violation> out) {
            if (isMissing(value.apply(subject))) {
                out.add(Violation.error(path(prefix, field), ViolationCode.REQUIRED, label(prefix, field) + " is required"));
            }
        }

        private boolean isMissing(Object v) {
            // Text first and decided alone: most mandatory fields are text, and a String is never a collection,
            // so the interface type checks below are skipped for them.
            if (v instanceof String s) {
                return !blankAllowed && s.isBlank();
            }
            return v == null
                    || v instanceof Collection<?> c && c.isEmpty()
                    || v instanceof Map<?, ?> m && m.isEmpty();
        }
    }

    /**
     * A text field's length in Unicode code points ("Minimum"/"Maximum" rows) and its characters: no control
     * characters, except line breaks and tabs where {@code multiline}. Null and empty values are left to {@link Required}.
     */
    record Text<T>(String field, Function<T, String> value, int min, int max, boolean multiline) implements Rule<T> {
        public Text {
            Objects.requireNonNull(field);
            Objects.requireNonNull(value);
            if (min < 0 || max < min) {
                throw new IllegalArgumentException("'min' and 'max' must satisfy 0 <= min <= max");
            }
        }

        @Override
        public void check(T subject, String prefix, List<Violation> out) {
            String text = value.apply(subject);
            if (text == null) {
                return;
            }
            int length = text.codePointCount(0, text.length());
            if (length > max) {
                out.add(Violation.error(path(prefix, field), ViolationCode.TOO_LONG,
                        label(prefix, field) + " must be at most " + max + " characters (is " + length + ")"));
            } else if (length < min && length > 0) {
                out.add(Violation.error(path(prefix, field), ViolationCode.TOO_SHORT,
                        label(prefix, field) + " must be at least " + min + " characters (is " + length + ")"));
            }
            int bad = firstControlCharacter(text, multiline);
            if (bad >= 0) {
                out.add(Violation.error(path(prefix, field), ViolationCode.CONTROL_CHARACTER,
                        label(prefix, field) + " contains a control character (U+" + String.format("%04X", bad) + ")"));
            } else if (hasSurroundingWhitespace(text)) {
                out.add(Violation.error(path(prefix, field), ViolationCode.SURROUNDING_WHITESPACE,
                        label(prefix, field) + " starts or ends with whitespace: send it without"));
            }
        }

        /**
         * Whether {@code text} starts or ends with whitespace: such a value is not in its one canonical form, so what
         * a reader sees, the rules check and the cloud receives could differ. The forms strip their fields; an API
         * body is refused instead of silently changed.
         */
        static boolean hasSurroundingWhitespace(String text) {
            if (text.isEmpty()) {
                return false;
            }
            int first = text.codePointAt(0);
            int last = text.codePointBefore(text.length());
            return isSpace(first) || isSpace(last);
        }

        /** Whitespace of any kind, the no-break spaces included (which {@link String#strip()} keeps). */
        private static boolean isSpace(int codePoint) {
            return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
        }

        /**
         * The first forbidden control code point in {@code text}, or -1: C0/C1 controls, line and paragraph
         * separators, and the bidirectional embeddings, overrides and isolates that make text read differently
         * from what it is (U+202A–U+202E, U+2066–U+2069).
         */
        static int firstControlCharacter(String text, boolean multiline) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                        || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
                    if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
                        continue;
                    }
                    return c;
                }
            }
            return -1;
        }
    }

    /** An enumerated field ("The value can be …"): the value must be one of {@code allowed}, exactly. */
    record OneOf<T>(String field, Function<T, String> value, Set<String> allowed) implements Rule<T> {
        public OneOf {
            Objects.requireNonNull(field);
            Objects.requireNonNull(value);
            allowed = Set.copyOf(allowed);
        }

        @Override
        public void check(T subject, String prefix, List<Violation> out) {
            String v = value.apply(subject);
            if (v != null && !v.isBlank() && !allowed.contains(v)) {
                out.add(Violation.error(path(prefix, field), ViolationCode.NOT_ALLOWED,
                        label(prefix, field) + " must be one of " + allowed.stream().sorted().toList() + " (is '" + v + "')"));
            }
        }
    }

    /** A field whose text must have a format; {@code expectation} says what a valid value looks like. */
    record Matches<T>(String field, Function<T, String> value, TextFormat format, String expectation, Severity severity)
            implements Rule<T> {
        public Matches {
            Objects.requireNonNull(field);
            Objects.requireNonNull(value);
            Objects.requireNonNull(format);
            Objects.requireNonNull(expectation);
            Objects.requireNonNull(severity);
        }

        @Override
        public void check(T subject, String prefix, List<Violation> out) {
            String v = value.apply(subject);
            if (v != null && !v.isEmpty() && !format.matches(v)) {
                ViolationCode code = severity == Severity.ERROR ? ViolationCode.BAD_FORMAT : ViolationCode.UNUSUAL_ID_FORMAT;
                out.add(new Violation(path(prefix, field), code, label(prefix, field) + " " + expectation, severity));
            }
        }
    }

    /**
     * Applies element rules to each item of a list field, at {@code field[i]}. The item paths are built once for
     * the prefix last seen (a rule set sees the same prefix on every call), not once per item and call.
     */
    final class Each<T, E> implements Rule<T> {
        /** Item paths {@code field[0]} … are remembered up to this index. */
        private static final int REMEMBERED_ITEMS = 32;

        private final String field;
        private final Function<T, List<E>> items;
        private final List<Rule<E>> rules;
        /** The item paths below the prefix last seen; replaced whole, so a racing thread sees an old or a new one. */
        private ItemPaths itemPaths = new ItemPaths("", "", new String[0]);

        public Each(String field, Function<T, List<E>> items, List<Rule<E>> rules) {
            this.field = Objects.requireNonNull(field);
            this.items = Objects.requireNonNull(items);
            this.rules = List.copyOf(rules);
        }

        public String field() {
            return field;
        }

        public Function<T, List<E>> items() {
            return items;
        }

        public List<Rule<E>> rules() {
            return rules;
        }

        @Override
        public void check(T subject, String prefix, List<Violation> out) {
            List<E> list = items.apply(subject);
            if (list == null) {
                return;
            }
            ItemPaths paths = itemPaths(prefix);
            for (int i = 0; i < list.size(); i++) {
                E item = list.get(i);
                String itemPath = paths.at(i);
                if (item == null) {
                    out.add(Violation.error(itemPath, ViolationCode.REQUIRED, field + "[" + i + "] must not be null"));
                    continue;
                }
                for (Rule<E> rule : rules) {
                    rule.check(item, itemPath, out);
                }
            }
        }

        private ItemPaths itemPaths(String prefix) {
            ItemPaths paths = itemPaths;
            if (!paths.prefix.equals(prefix) || paths.remembered.length == 0) {
                String base = path(prefix, field);
                String[] remembered = new String[REMEMBERED_ITEMS];
                for (int i = 0; i < remembered.length; i++) {
                    remembered[i] = base + "[" + i + "]";
                }
                paths = new ItemPaths(prefix, base, remembered);
                itemPaths = paths;
            }
            return paths;
        }

        @Override
        public String toString() {
            return "Each[field=" + field + ", rules=" + rules + "]";
        }

        /** The paths of the items of a list at {@code base}, below {@code prefix}. */
        private record ItemPaths(String prefix, String base, String[] remembered) {
            String at(int index) {
                return index < remembered.length ? remembered[index] : base + "[" + index + "]";
            }
        }
    }

    /** Applies nested rules to an object field, when it is present. */
    record Nested<T, N>(String field, Function<T, N> value, List<Rule<N>> rules) implements Rule<T> {
        public Nested {
            Objects.requireNonNull(field);
            Objects.requireNonNull(value);
            rules = List.copyOf(rules);
        }

        @Override
        public void check(T subject, String prefix, List<Violation> out) {
            N nested = value.apply(subject);
            if (nested == null) {
                return;
            }
            String base = path(prefix, field);
            for (Rule<N> rule : rules) {
                rule.check(nested, base, out);
            }
        }
    }

    /** A named rule that spans several fields; {@code name} says what it enforces. */
    record Check<T>(String name, Checker<T> checker) implements Rule<T> {
        public Check {
            Objects.requireNonNull(name);
            Objects.requireNonNull(checker);
        }

        @Override
        public void check(T subject, String prefix, List<Violation> out) {
            checker.check(subject, prefix, out);
        }
    }

    /** The body of a {@link Check}. */
    @FunctionalInterface
    interface Checker<T> {
        void check(T subject, String prefix, List<Violation> out);
    }
}
