package com.policyconsole.domain.model.history;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request exactly as it will go on the wire, with secrets masked: for the preview and the history.
 *
 * @param method HTTP method
 * @param url absolute URL with query
 * @param headers header name → value, secrets masked
 * @param body JSON body
 */
public record RenderedRequest(String method, String url, Map<String, String> headers, String body) {

    public RenderedRequest {
        Objects.requireNonNull(method, "'method' must not be null");
        Objects.requireNonNull(url, "'url' must not be null");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(body, "'body' must not be null");
    }
}
