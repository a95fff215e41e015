package com.policyconsole.domain.model.json;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON-like value without a JSON library: Config rule parameters and custom-policy auth values are
 * "Object" on the wire, so the domain carries them as this closed tree.
 */
public sealed interface JsonValue
        permits JsonValue.JsonNull, JsonValue.JsonBoolean, JsonValue.JsonNumber, JsonValue.JsonString,
        JsonValue.JsonArray, JsonValue.JsonObject {

    /** The JSON type name as parameter schemas spell it: null, boolean, number/integer, string, array, object. */
    String typeName();

    /** Compact JSON text of this value. */
    default String toJson() {
        StringBuilder out = new StringBuilder();
        JsonWriter.write(this, out);
        return out.toString();
    }

    static JsonValue nullValue() {
        return JsonNull.INSTANCE;
    }

    static JsonValue of(boolean value) {
        return value ? JsonBoolean.TRUE : JsonBoolean.FALSE;
    }

    static JsonValue of(long value) {
        return new JsonNumber(BigDecimal.valueOf(value));
    }

    static JsonValue of(String value) {
        return new JsonString(value);
    }

    static JsonValue array(JsonValue... items) {
        return new JsonArray(List.of(items));
    }

    static JsonValue strings(String... items) {
        return new JsonArray(java.util.Arrays.stream(items).map(JsonValue::of).toList());
    }

    /** JSON {@code null}. */
    enum JsonNull implements JsonValue {
        INSTANCE;

        @Override
        public String typeName() {
            return "null";
        }
    }

    /** JSON {@code true} or {@code false}. */
    enum JsonBoolean implements JsonValue {
        TRUE, FALSE;

        public boolean value() {
            return this == TRUE;
        }

        @Override
        public String typeName() {
            return "boolean";
        }
    }

    /** A JSON number, exact. */
    record JsonNumber(BigDecimal value) implements JsonValue {
        public JsonNumber {
            Objects.requireNonNull(value, "'value' must not be null");
        }

        public boolean isInteger() {
            return value.stripTrailingZeros().scale() <= 0;
        }

        @Override
        public String typeName() {
            return isInteger() ? "integer" : "number";
        }
    }

    /** A JSON string. */
    record JsonString(String value) implements JsonValue {
        public JsonString {
            Objects.requireNonNull(value, "'value' must not be null");
        }

        @Override
        public String typeName() {
            return "string";
        }
    }

    /** A JSON array. */
    record JsonArray(List<JsonValue> items) implements JsonValue {
        public JsonArray {
            items = List.copyOf(items);
        }

        @Override
        public String typeName() {
            return "array";
        }
    }

    /** A JSON object; member order is kept. */
    record JsonObject(Map<String, JsonValue> members) implements JsonValue {
        public JsonObject {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
            members.forEach((k, v) -> {
                Objects.requireNonNull(k, "member names must not be null");
                Objects.requireNonNull(v, "member values must not be null");
            });
        }

        @Override
        public String typeName() {
            return "object";
        }
    }
}
