package com.policyconsole.adapter.out.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request exactly as an adapter sends it, before authentication: the gateways send it, the renderer
 * shows it, the AK/SK signer signs it — all from this one value.
 *
 * @param method       HTTP method
 * @param pathTemplate the path (and fixed query) with placeholders instead of IDs, for the call log, e.g.
 *                     {@code /v1/{project_id}/workspaces/{workspace_id}/soc/policys?action_type=create}
 * @param uri          the absolute URI, path and query percent-encoded
 * @param headers      the documented headers other than authentication, e.g. {@code content-type}
 * @param body         the JSON body, or {@code null} for none
 */
public record WireRequest(String method, String pathTemplate, URI uri, Map<String, String> headers, String body) {

    public WireRequest {
        Objects.requireNonNull(method, "'method' must not be null");
        Objects.requireNonNull(pathTemplate, "'pathTemplate' must not be null");
        Objects.requireNonNull(uri, "'uri' must not be null");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The body as the UTF-8 bytes that are sent and signed; empty without a body. */
    public byte[] bodyBytes() {
        return body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code METHOD path-template}, as the call log names the call. */
    public String target() {
        return method + " " + pathTemplate;
    }

    /** Method, URI and header names only: bodies (an IAM body holds a password) and header values stay out. */
    @Override
    public String toString() {
        return "WireRequest[" + method + " " + uri + ", headers=" + headers.keySet()
                + ", body=" + (body == null ? "none" : body.length() + " chars") + "]";
    }
}
