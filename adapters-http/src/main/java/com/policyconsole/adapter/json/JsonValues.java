package com.policyconsole.adapter.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.policyconsole.domain.model.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one converter between Jackson trees and the domain's {@link JsonValue}, for the fields the documents type as
 * "Object" (rule parameter values, custom-policy auth values, schema defaults), used by the wire codecs and by the
 * console's rule form. Numbers stay exact: an integer literal stays an integer node (int, long or big, as a JSON
 * parser would make it), a decimal keeps its scale; exponent notation is written out plainly ({@code 1E+3} goes on
 * the wire as {@code 1000}).
 */
public final class JsonValues {

    /** Longest JSON text {@link #parse} accepts. */
    public static final int MAX_LENGTH = 65_536;
    /** Deepest nesting {@link #parse} accepts. */
    public static final int MAX_DEPTH = 32;

    /** Exact numbers both ways: no float rounding, no trailing-zero stripping. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** Strict RFC 8259 text: no comments, single quotes, NaN, leading zeros, duplicate names or trailing tokens. */
    private static final ObjectMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .build())
            .nodeFactory(NODES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private JsonValues() {
    }

    /** Either the parsed value or why the text is not JSON. */
    public sealed interface Parsed permits Parsed.Ok, Parsed.Invalid {
        /** A well-formed text. */
        record Ok(JsonValue value) implements Parsed {
        }

        /** A malformed text: what is wrong, and at which character offset. */
        record Invalid(String reason, int offset) implements Parsed {
        }
    }

    /** Parses one JSON value (typed by a person, e.g. a rule's parameters); white space around it is allowed. */
    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return new Parsed.Invalid("no JSON text", 0);
        }
        if (text.length() > MAX_LENGTH) {
            return new Parsed.Invalid("JSON text longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        try {
            return new Parsed.Ok(fromNode(STRICT.readTree(text)));
        } catch (JsonProcessingException e) {
            long offset = e.getLocation() == null ? 0 : e.getLocation().getCharOffset();
            return new Parsed.Invalid(e.getOriginalMessage(), (int) Math.max(0, Math.min(offset, text.length())));
        }
    }

    /** The tree for a domain value; {@code null} gives {@code null} (absent), {@link JsonValue.JsonNull} a null node. */
    public static JsonNode toNode(JsonValue value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonValue.JsonNull) {
            return NODES.nullNode();
        }
        if (value instanceof JsonValue.JsonBoolean b) {
            return NODES.booleanNode(b.value());
        }
        if (value instanceof JsonValue.JsonNumber n) {
            return number(n.value());
        }
        if (value instanceof JsonValue.JsonString s) {
            return NODES.textNode(s.value());
        }
        if (value instanceof JsonValue.JsonArray a) {
            ArrayNode array = NODES.arrayNode(a.items().size());
            a.items().forEach(item -> array.add(toNode(item)));
            return array;
        }
        JsonValue.JsonObject o = (JsonValue.JsonObject) value;
        ObjectNode object = NODES.objectNode();
        o.members().forEach((name, member) -> object.set(name, toNode(member)));
        return object;
    }

    /** The domain value for a tree; a missing node ({@code null}) gives {@code null}, a JSON null {@link JsonValue.JsonNull}. */
    public static JsonValue fromNode(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        if (node.isNull()) {
            return JsonValue.nullValue();
        }
        if (node.isBoolean()) {
            return JsonValue.of(node.booleanValue());
        }
        if (node.isIntegralNumber()) {
            return new JsonValue.JsonNumber(new BigDecimal(node.bigIntegerValue()));
        }
        if (node.isNumber()) {
            return new JsonValue.JsonNumber(node.decimalValue());
        }
        if (node.isTextual()) {
            return JsonValue.of(node.textValue());
        }
        if (node.isArray()) {
            List<JsonValue> items = new ArrayList<>(node.size());
            node.forEach(item -> items.add(fromNode(item)));
            return new JsonValue.JsonArray(items);
        }
        if (node.isObject()) {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                members.put(member.getKey(), fromNode(member.getValue()));
            }
            return new JsonValue.JsonObject(members);
        }
        // Binary or POJO nodes never come out of parsing text; treat them as their text form.
        return JsonValue.of(node.asText());
    }

    /** Each value of a map converted with {@link #toNode}; {@code null} stays {@code null}. */
    public static Map<String, JsonNode> toNodes(Map<String, JsonValue> values) {
        if (values == null) {
            return null;
        }
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        values.forEach((name, value) -> nodes.put(name, toNode(value)));
        return nodes;
    }

    /** Each value of a map converted with {@link #fromNode}; a JSON null member becomes {@link JsonValue.JsonNull}. */
    public static Map<String, JsonValue> fromNodes(Map<String, JsonNode> nodes) {
        if (nodes == null) {
            return null;
        }
        Map<String, JsonValue> values = new LinkedHashMap<>();
        nodes.forEach((name, node) -> values.put(name, node == null ? JsonValue.nullValue() : fromNode(node)));
        return values;
    }

    private static JsonNode number(BigDecimal value) {
        if (value.scale() <= 0) {
            BigInteger integer = value.toBigIntegerExact();
            if (integer.bitLength() < Integer.SIZE) {
                return NODES.numberNode(integer.intValue());
            }
            if (integer.bitLength() < Long.SIZE) {
                return NODES.numberNode(integer.longValue());
            }
            return NODES.numberNode(integer);
        }
        return NODES.numberNode(value);
    }
}
