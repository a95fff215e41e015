package com.policyconsole.console.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.policyconsole.domain.model.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between Jackson trees and the domain's {@link JsonValue}, for the sandbox's wire side. */
public final class JsonTrees {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    public static JsonValue toValue(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return JsonValue.nullValue();
        }
        if (node.isBoolean()) {
            return JsonValue.of(node.booleanValue());
        }
        if (node.isNumber()) {
            return new JsonValue.JsonNumber(node.decimalValue());
        }
        if (node.isTextual()) {
            return JsonValue.of(node.textValue());
        }
        if (node.isArray()) {
            List<JsonValue> items = new ArrayList<>();
            node.forEach(n -> items.add(toValue(n)));
            return new JsonValue.JsonArray(items);
        }
        Map<String, JsonValue> members = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> members.put(e.getKey(), toValue(e.getValue())));
        return new JsonValue.JsonObject(members);
    }

    public static JsonNode toNode(JsonValue value) {
        if (value instanceof JsonValue.JsonBoolean b) {
            return NODES.booleanNode(b.value());
        }
        if (value instanceof JsonValue.JsonNumber n) {
            return NODES.numberNode(n.value());
        }
        if (value instanceof JsonValue.JsonString s) {
            return NODES.textNode(s.value());
        }
        if (value instanceof JsonValue.JsonArray a) {
            ArrayNode array = NODES.arrayNode();
            a.items().forEach(i -> array.add(toNode(i)));
            return array;
        }
        if (value instanceof JsonValue.JsonObject o) {
            ObjectNode object = NODES.objectNode();
            o.members().forEach((k, v) -> object.set(k, toNode(v)));
            return object;
        }
        return NODES.nullNode();
    }
}
