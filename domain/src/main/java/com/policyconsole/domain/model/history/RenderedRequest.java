package com.policyconsole.domain.model.history;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request exactly as it goes on the wire, with secrets masked: shown by the preview, kept by the history as a
 * structure — method, path template and its values, query, headers, body — so that it can be read back without
 * parsing a URL or header text.
 *
 * @param method HTTP method
 * @param url absolute URL with query, as sent
 * @param pathTemplate the path with placeholders, e.g. {@code /v1/{project_id}/workspaces/{workspace_id}/soc/policys}
 * @param pathParameters placeholder → value
 * @param query query parameter → value
 * @param headers header name → value, secrets masked
 * @param body JSON body
 */
public record RenderedRequest(String method, String url, String pathTemplate, Map<String, String> pathParameters,
                              Map<String, String> query, Map<String, String> headers, String body) {

    public RenderedRequest {
        Objects.requireNonNull(method, "'method' must not be null");
        Objects.requireNonNull(url, "'url' must not be null");
        Objects.requireNonNull(pathTemplate, "'pathTemplate' must not be null");
        pathParameters = copy(pathParameters);
        query = copy(query);
        headers = copy(headers);
        Objects.requireNonNull(body, "'body' must not be null");
    }

    /** The value of a header, its name compared without case as HTTP does; null when absent. */
    public String header(String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static Map<String, String> copy(Map<String, String> values) {
        return values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
