package com.policyconsole.console.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The API's JSON: bodies read strictly (a JSON object, at most {@link #MAX_BODY_BYTES}, no duplicate or unknown
 * fields at the top level) and answers written with times as ISO-8601 text.
 */
public final class ApiJson {

    /** The largest body the API reads: the forms' limit for a field. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            // nothing after the object; numbers kept as written (1e999999 stays a number, never "Infinity")
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private ApiJson() {
    }

    /** Why a body cannot be read: the problem to answer with. */
    public static final class BadBody extends RuntimeException {
        private final transient Problem problem;

        BadBody(Problem problem) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /**
     * The body as a JSON object whose top-level fields are all in {@code known}.
     *
     * @throws BadBody 413 when it is too large, 400 when it is not a JSON object or names an unknown field
     */
    public static ObjectNode object(String body, Set<String> known) {
        return object(body, known, MAX_BODY_BYTES);
    }

    /** {@link #object(String, Set)} for a body of at most {@code maxBytes} (a bulk batch's, as its upload's). */
    public static ObjectNode object(String body, Set<String> known, int maxBytes) {
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new BadBody(Problem.of(413, "body-too-large", "The request body is too large",
                    "The body is larger than " + maxBytes / 1024 + " KiB."));
        }
        JsonNode tree;
        try {
            tree = body == null || body.isBlank() ? null : MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadBody(Problem.of(400, "malformed-json", "The request body is not JSON",
                    "The body is not well-formed JSON: " + e.getOriginalMessage()));
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new BadBody(Problem.of(400, "malformed-json", "The request body is not a JSON object",
                    "The body must be one JSON object."));
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new BadBody(unknownFields(unknown));
        }
        return object;
    }

    /** 400 naming fields the API does not know. */
    public static Problem unknownFields(List<String> paths) {
        return new Problem("urn:policy-console:problem:unknown-field", "The request has fields the API does not know",
                400, "Nothing was sent: remove or correct the unknown fields.", paths.stream()
                .map(p -> new Problem.ViolationView(p, "unknown_field", p + " is not a field of this request", "error"))
                .toList());
    }

    /** A field's text, or null when absent or JSON null. */
    public static String text(ObjectNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new BadBody(typeProblem(field, "a string"));
        }
        return node.asText();
    }

    /** A field's boolean, false when absent. */
    public static boolean flag(ObjectNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new BadBody(typeProblem(field, "true or false"));
        }
        return node.booleanValue();
    }

    private static Problem typeProblem(String field, String shape) {
        return new Problem("urn:policy-console:problem:invalid-request", "The request breaks the rules", 422,
                "Nothing was sent: fix the violations below.", List.of(new Problem.ViolationView(field, "bad_format",
                field + " must be " + shape, "error")));
    }

    /** JSON text of an answer. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an API answer could not be written", e);
        }
    }

    /** JSON text of a node, for the wire codecs. */
    public static String text(JsonNode node) {
        return node.toString();
    }
}
