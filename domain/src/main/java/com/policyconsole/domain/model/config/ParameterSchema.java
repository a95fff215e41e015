package com.policyconsole.domain.model.config;

import com.policyconsole.domain.model.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The schema of one parameter of a built-in policy definition (docs/cloud-apis.md, Enums): its type and bounds. All
 * fields but {@code type} are optional (null).
 *
 * @param type e.g. {@code String}, {@code Integer}, {@code Boolean}, {@code Array}, {@code Object} (any case)
 * @param description what the parameter means
 * @param allowedValues the only values allowed, if any
 * @param defaultValue the value used when the rule omits the parameter
 * @param minimum least numeric value
 * @param maximum greatest numeric value
 * @param minItems fewest array items
 * @param maxItems most array items
 * @param minLength shortest string (also applied to each item of an array, which must then be strings)
 * @param maxLength longest string (also applied to each item of an array, which must then be strings)
 * @param pattern regular expression a string (or each item of an array, which must then be strings) must match
 */
public record ParameterSchema(
        String type,
        String description,
        List<JsonValue> allowedValues,
        JsonValue defaultValue,
        BigDecimal minimum,
        BigDecimal maximum,
        Integer minItems,
        Integer maxItems,
        Integer minLength,
        Integer maxLength,
        String pattern) {

    public ParameterSchema {
        allowedValues = allowedValues == null ? null : List.copyOf(allowedValues);
    }

    /** A schema with only a type. */
    public static ParameterSchema ofType(String type, String description) {
        return new ParameterSchema(type, description, null, null, null, null, null, null, null, null, null);
    }

    /** Whether a rule may omit the parameter. */
    public boolean isOptional() {
        return defaultValue != null;
    }

    /** What is wrong with {@code value} for this schema, as sentences; empty when it fits. */
    public List<String> problems(JsonValue value) {
        List<String> problems = new ArrayList<>();
        String expected = type == null ? "" : type.toLowerCase(Locale.ROOT);
        switch (expected) {
            case "string" -> {
                if (value instanceof JsonValue.JsonString s) {
                    checkString(s.value(), "", problems);
                } else {
                    problems.add("must be a string, not " + value.typeName());
                }
            }
            case "integer", "int", "long" -> {
                if (value instanceof JsonValue.JsonNumber n && n.isInteger()) {
                    checkNumber(n.value(), problems);
                } else {
                    problems.add("must be an integer, not " + value.typeName());
                }
            }
            case "number", "float", "double" -> {
                if (value instanceof JsonValue.JsonNumber n) {
                    checkNumber(n.value(), problems);
                } else {
                    problems.add("must be a number, not " + value.typeName());
                }
            }
            case "boolean" -> {
                if (!(value instanceof JsonValue.JsonBoolean)) {
                    problems.add("must be true or false, not " + value.typeName());
                }
            }
            case "array" -> {
                if (value instanceof JsonValue.JsonArray a) {
                    checkArray(a, problems);
                } else {
                    problems.add("must be an array, not " + value.typeName());
                }
            }
            case "object" -> {
                if (!(value instanceof JsonValue.JsonObject)) {
                    problems.add("must be an object, not " + value.typeName());
                }
            }
            default -> {
                // An unknown or absent type constrains nothing beyond the allowed values.
            }
        }
        if (allowedValues != null && !allowedValues.isEmpty() && !isAllowed(value)) {
            problems.add("must be one of " + allowedValues.stream().map(JsonValue::toJson).toList());
        }
        return problems;
    }

    private boolean isAllowed(JsonValue value) {
        if (value instanceof JsonValue.JsonArray a && !allowedValues.contains(value)) {
            return a.items().stream().allMatch(allowedValues::contains);
        }
        return allowedValues.contains(value);
    }

    private void checkArray(JsonValue.JsonArray array, List<String> problems) {
        int size = array.items().size();
        if (minItems != null && size < minItems) {
            problems.add("must have at least " + minItems + " items (has " + size + ")");
        }
        if (maxItems != null && size > maxItems) {
            problems.add("must have at most " + maxItems + " items (has " + size + ")");
        }
        boolean stringItems = minLength != null || maxLength != null || pattern != null && !pattern.isEmpty();
        for (int i = 0; i < size; i++) {
            JsonValue item = array.items().get(i);
            if (item instanceof JsonValue.JsonString s) {
                checkString(s.value(), "item " + i + " ", problems);
            } else if (stringItems) {
                problems.add("item " + i + " must be a string, not " + item.typeName());
            }
        }
    }

    private void checkString(String s, String what, List<String> problems) {
        int length = s.codePointCount(0, s.length());
        if (minLength != null && length < minLength) {
            problems.add(what + "must be at least " + minLength + " characters (is " + length + ")");
        }
        if (maxLength != null && length > maxLength) {
            problems.add(what + "must be at most " + maxLength + " characters (is " + length + ")");
        }
        if (pattern != null && !pattern.isEmpty()) {
            try {
                if (!Pattern.compile(pattern).matcher(s).matches()) {
                    problems.add(what + "must match " + pattern);
                }
            } catch (PatternSyntaxException e) {
                // A definition with a pattern Java cannot read constrains nothing here; the cloud still checks.
            }
        }
    }

    private void checkNumber(BigDecimal n, List<String> problems) {
        if (minimum != null && n.compareTo(minimum) < 0) {
            problems.add("must be at least " + minimum.toPlainString());
        }
        if (maximum != null && n.compareTo(maximum) > 0) {
            problems.add("must be at most " + maximum.toPlainString());
        }
    }
}
