package com.policyconsole.console.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.ViolationCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads fields of a request body as the sandbox's server side sees them: a field of the wrong JSON type is
 * a violation at its wire path ("Type" column of the documents), and reads as absent.
 */
public final class WireReader {

    private final List<Violation> typeErrors = new ArrayList<>();

    public List<Violation> typeErrors() {
        return typeErrors;
    }

    public String text(JsonNode parent, String field, String path) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            typeErrors.add(Violation.error(path, ViolationCode.BAD_FORMAT, field + " must be a string"));
            return null;
        }
        return node.textValue();
    }

    public Boolean bool(JsonNode parent, String field, String path) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            typeErrors.add(Violation.error(path, ViolationCode.BAD_FORMAT, field + " must be true or false"));
            return null;
        }
        return node.booleanValue();
    }

    public JsonNode object(JsonNode parent, String field, String path) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            typeErrors.add(Violation.error(path, ViolationCode.BAD_FORMAT, field + " must be an object"));
            return null;
        }
        return node;
    }

    public List<JsonNode> array(JsonNode parent, String field, String path) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            typeErrors.add(Violation.error(path, ViolationCode.BAD_FORMAT, field + " must be an array"));
            return null;
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    public List<String> texts(JsonNode parent, String field, String path) {
        List<JsonNode> items = array(parent, field, path);
        if (items == null) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).isTextual()) {
                texts.add(items.get(i).textValue());
            } else {
                typeErrors.add(Violation.error(path + "[" + i + "]", ViolationCode.BAD_FORMAT, field + " items must be strings"));
            }
        }
        return texts;
    }
}
