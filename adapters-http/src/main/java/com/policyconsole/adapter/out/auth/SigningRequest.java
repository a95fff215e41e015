package com.policyconsole.adapter.out.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request as the {@link AkSkSigner} sees it: method, absolute URI, headers and body bytes.
 *
 * <p>The URI is the request target as it goes on the wire: its path and query are percent-encoded
 * ({@link URI#getRawPath()} / {@link URI#getRawQuery()} are used); a fragment is ignored, as no HTTP
 * client sends it. Header names are case-insensitive: names that differ only in case are merged
 * into one entry (keeping the first spelling and all values in order). {@code null} headers or body
 * mean "none".
 *
 * @param method  the HTTP method, e.g. {@code GET}; an RFC 9110 token, used exactly as given
 * @param uri     absolute {@code http} or {@code https} URI with an authority and no user info
 * @param headers request headers as an ordered multi-map (name to values); every name must be an
 *                RFC 9110 token and have at least one value; values must not contain control
 *                characters other than horizontal tab
 * @param body    the body bytes, exactly as they will be sent (copied on the way in and out)
 */
public record SigningRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body) {

    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";
    private static final byte[] NO_BODY = new byte[0];

    /** Validates all components and takes defensive, unmodifiable copies. */
    public SigningRequest {
        requireToken("method", method);
        requireSignableUri(uri);
        headers = normalizeHeaders(headers);
        body = body == null ? NO_BODY : body.clone();
    }

    /** A request without headers and without a body. */
    public static SigningRequest of(String method, URI uri) {
        return new SigningRequest(method, uri, Map.of(), null);
    }

    /** A copy of this request with one more header value (appended if the name is already present). */
    public SigningRequest withHeader(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((n, v) -> copy.put(n, new ArrayList<>(v)));
        String existing = copy.keySet().stream().filter(n -> n.equalsIgnoreCase(name)).findFirst().orElse(name);
        copy.computeIfAbsent(existing, n -> new ArrayList<>()).add(value);
        return new SigningRequest(method, uri, copy, body);
    }

    /** A copy of this request with the given body bytes. */
    public SigningRequest withBody(byte[] newBody) {
        return new SigningRequest(method, uri, headers, newBody);
    }

    /** A copy of this request with the UTF-8 bytes of the given text as body. */
    public SigningRequest withBody(String utf8Body) {
        return withBody(utf8Body == null ? null : utf8Body.getBytes(StandardCharsets.UTF_8));
    }

    /** The body bytes (a copy). */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Whether a header with this name (case-insensitive) is present. */
    public boolean hasHeader(String name) {
        return findHeaderName(name).isPresent();
    }

    /** The first value of the header with this name (case-insensitive), if present. */
    public Optional<String> firstHeaderValue(String name) {
        return findHeaderName(name).map(n -> headers.get(n).get(0));
    }

    private Optional<String> findHeaderName(String name) {
        return headers.keySet().stream().filter(n -> n.equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningRequest that
                && method.equals(that.method)
                && uri.equals(that.uri)
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, uri, headers, Arrays.hashCode(body));
    }

    /** Method, URI and header names only: header values (which may carry tokens) and the body are left out. */
    @Override
    public String toString() {
        return "SigningRequest[method=" + method + ", uri=" + uri
                + ", headerNames=" + headers.keySet() + ", bodyLength=" + body.length + "]";
    }

    private static void requireSignableUri(URI uri) {
        if (uri == null) {
            throw new IllegalArgumentException("uri must not be null");
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw new IllegalArgumentException("uri must be absolute and hierarchical, got: " + uri);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("uri scheme must be http or https, got: " + uri.getScheme());
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new IllegalArgumentException("uri must have a host, got: " + uri);
        }
        if (authority.indexOf('@') >= 0) {
            throw new IllegalArgumentException("uri must not contain user info (the signed Host is the bare authority)");
        }
    }

    private static Map<String, List<String>> normalizeHeaders(Map<String, List<String>> headers) {
        if (headers == null || headers.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> merged = new LinkedHashMap<>();
        Map<String, String> spellingByLowerCase = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            requireToken("header name", name);
            if (values == null || values.isEmpty()) {
                throw new IllegalArgumentException("header " + name + " must have at least one value");
            }
            for (String value : values) {
                requireHeaderValue(name, value);
            }
            String spelling = spellingByLowerCase.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> name);
            merged.computeIfAbsent(spelling, k -> new ArrayList<>()).addAll(values);
        });
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        merged.forEach((name, values) -> frozen.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(frozen);
    }

    private static void requireToken(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be null or empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || TOKEN_SYMBOLS.indexOf(c) >= 0;
            if (!ok) {
                throw new IllegalArgumentException(what + " must be an HTTP token (letters, digits, "
                        + TOKEN_SYMBOLS + "), got: '" + value + "'");
            }
        }
    }

    private static void requireHeaderValue(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException("header " + name + " must not have a null value");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new IllegalArgumentException("header " + name
                        + " value must not contain control characters (CR, LF, NUL...) other than tab");
            }
        }
    }
}
