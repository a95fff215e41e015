package com.policyconsole.adapter.out.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.policyconsole.adapter.json.JsonValues;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.ViolationCode;
import java.util.Collection;
import java.util.List;

/**
 * The one Jackson configuration for every body the adapters send or read, so that the preview, the signed
 * bytes and the wire can never differ: compact output, fields in declaration order, null fields left out
 * unless a DTO keeps a documented explicit {@code null}, unknown response fields ignored, numbers exact.
 */
public final class WireJson {

    /** The {@code content-type} of every request body, spelled as the documents spell it. */
    public static final String CONTENT_TYPE = "application/json;charset=UTF-8";

    /** Exact numbers both ways: no float rounding, no trailing-zero stripping. */
    static final JsonNodeFactory NODES = JsonValues.NODES;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(NODES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.ALWAYS))
            .build();

    /**
     * Reads a request as the services do: every field must have its documented JSON type (a number is not a string,
     * {@code "true"} is not a boolean), unknown fields are ignored.
     */
    private static final ObjectMapper TYPED = JsonMapper.builder()
            .nodeFactory(NODES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, c -> c
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .build();

    /** Writes answers as the services do: every field of the DTO, {@code null} ones included. */
    private static final ObjectMapper ANSWERS = MAPPER.copy()
            .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS,
                    JsonInclude.Include.ALWAYS));

    private WireJson() {
    }

    /**
     * A body read with its JSON types checked: the DTO, or the first field whose type is wrong, at its wire path.
     *
     * @param value the DTO, null when {@code typeError} is set
     * @param typeError the first field of the wrong JSON type, or null
     */
    public record Typed<T>(T value, Violation typeError) {
    }

    /**
     * Reads a request body into a DTO, checking the JSON type of each field; an empty body reads as {@code {}}.
     *
     * @throws UnreadableBodyException when the text is not JSON
     */
    public static <T> Typed<T> readTyped(String json, Class<T> type) {
        try {
            return new Typed<>(TYPED.readValue(json == null || json.isBlank() ? "{}" : json, type), null);
        } catch (MismatchedInputException e) {
            return new Typed<>(null, typeError(e));
        } catch (JsonProcessingException e) {
            throw new UnreadableBodyException("the request body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static Violation typeError(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        String field = null;
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                field = reference.getFieldName();
                path.append(path.isEmpty() ? "" : ".").append(field);
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        if (field == null) {
            return Violation.error("", ViolationCode.BAD_FORMAT, "the request body must be a JSON object");
        }
        Class<?> target = e.getTargetType();
        String shape = target == String.class ? "a string"
                : target == Boolean.class || target == boolean.class ? "true or false"
                : target != null && (Collection.class.isAssignableFrom(target) || target.isArray()) ? "an array"
                : target != null && Number.class.isAssignableFrom(target) ? "a number"
                : "an object";
        return Violation.error(path.toString(), ViolationCode.BAD_FORMAT, field + " must be " + shape);
    }

    /**
     * The paths of the fields in {@code node} that the record DTO {@code type} (and the records it holds, in fields,
     * lists and maps of them) does not name with {@code @JsonProperty}: what a strict client refuses although the
     * services ignore it. Fields typed as a JSON tree or a map of scalars are open.
     */
    public static List<String> unknownFields(JsonNode node, Class<?> type) {
        List<String> found = new java.util.ArrayList<>();
        unknownFields(node, type, "", found);
        return found;
    }

    private static void unknownFields(JsonNode node, Class<?> type, String path, List<String> found) {
        if (node == null || !node.isObject() || !type.isRecord()) {
            return;
        }
        java.util.Map<String, java.lang.reflect.RecordComponent> fields = new java.util.HashMap<>();
        for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
            com.fasterxml.jackson.annotation.JsonProperty p = c.getAnnotation(
                    com.fasterxml.jackson.annotation.JsonProperty.class);
            if (p == null) {
                p = c.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            }
            fields.put(p == null ? c.getName() : p.value(), c);
        }
        for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            java.util.Map.Entry<String, JsonNode> field = it.next();
            String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            java.lang.reflect.RecordComponent c = fields.get(field.getKey());
            if (c == null) {
                found.add(at);
                continue;
            }
            java.lang.reflect.Type generic = c.getGenericType();
            if (c.getType().isRecord()) {
                unknownFields(field.getValue(), c.getType(), at, found);
            } else if (generic instanceof java.lang.reflect.ParameterizedType pt && field.getValue().isContainerNode()) {
                java.lang.reflect.Type[] args = pt.getActualTypeArguments();
                if (args[args.length - 1] instanceof Class<?> item && item.isRecord()) {
                    if (java.util.Collection.class.isAssignableFrom(c.getType())) {
                        for (int i = 0; i < field.getValue().size(); i++) {
                            unknownFields(field.getValue().get(i), item, at + "[" + i + "]", found);
                        }
                    } else if (java.util.Map.class.isAssignableFrom(c.getType())) {
                        field.getValue().fields().forEachRemaining(e -> unknownFields(e.getValue(), item,
                                at + "." + e.getKey(), found));
                    }
                }
            }
        }
    }

    /** An answer DTO as the compact JSON text a service sends, {@code null} fields included. */
    public static String writeAnswer(Object dto) {
        try {
            return ANSWERS.writeValueAsString(dto);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + dto.getClass().getSimpleName(), e);
        }
    }

    /** A DTO as the compact JSON text that goes on the wire. */
    public static String write(Object dto) {
        try {
            return MAPPER.writeValueAsString(dto);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + dto.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads a response body into a DTO.
     *
     * @throws UnreadableBodyException when the text is not JSON of that shape
     */
    public static <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new UnreadableBodyException("the response has no body");
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UnreadableBodyException("the response is not the expected JSON: "
                    + e.getOriginalMessage());
        }
    }

    /**
     * Reads a tree into a DTO (for bodies whose shape varies).
     *
     * @throws UnreadableBodyException when the tree does not fit
     */
    public static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableBodyException("the response is not the expected JSON: " + e.getMessage());
        }
    }

    /** Parses JSON text into a tree, or returns {@code null} when the text is empty or not JSON. */
    public static JsonNode treeOrNull(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** A response body that is empty or not the JSON the adapter expects. */
    public static final class UnreadableBodyException extends RuntimeException {
        public UnreadableBodyException(String message) {
            super(message, null, false, false);
        }
    }
}
