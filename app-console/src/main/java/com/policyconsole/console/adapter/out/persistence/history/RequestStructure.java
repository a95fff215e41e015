package com.policyconsole.console.adapter.out.persistence.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.policyconsole.domain.model.history.RenderedRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code request_structure} column (Flyway V6): a recorded request's path template and values, query and headers
 * as JSON text, so that the request is read back as it was built, never parsed from its URL or header lines.
 */
final class RequestStructure {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private RequestStructure() {
    }

    /** The column's content: {@code {"path_template", "path_parameters", "query", "headers"}}. */
    static String write(RenderedRequest request) {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("path_template", request.pathTemplate());
        parts.put("path_parameters", request.pathParameters());
        parts.put("query", request.query());
        parts.put("headers", request.headers());
        try {
            return JSON.writeValueAsString(parts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the structure of a request", e);
        }
    }

    /** The recorded request: the structure from its column, method, URL and body from their own columns. */
    static RenderedRequest read(String structure, String method, String url, String body) {
        if (structure == null || structure.isBlank()) {
            return new RenderedRequest(method, url, "", Map.of(), Map.of(), Map.of(), body);
        }
        try {
            Map<String, Object> root = JSON.readValue(structure, new TypeReference<LinkedHashMap<String, Object>>() { });
            return new RenderedRequest(method, url, String.valueOf(root.getOrDefault("path_template", "")),
                    texts(root.get("path_parameters")), texts(root.get("query")), texts(root.get("headers")), body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the recorded structure of a request is not JSON", e);
        }
    }

    private static Map<String, String> texts(Object value) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> texts.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        }
        return texts;
    }
}
