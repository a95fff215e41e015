package com.policyconsole.adapter.out.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The one Jackson configuration for every body the adapters send or read, so that the preview, the signed
 * bytes and the wire can never differ: compact output, fields in declaration order, null fields left out
 * unless a DTO keeps a documented explicit {@code null}, unknown response fields ignored, numbers exact.
 */
public final class WireJson {

    /** The {@code content-type} of every request body, spelled as the documents spell it. */
    public static final String CONTENT_TYPE = "application/json;charset=UTF-8";

    /** Exact numbers both ways: no float rounding, no trailing-zero stripping. */
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

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

    private WireJson() {
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
