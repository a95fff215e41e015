package com.policyconsole.adapter.out.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds absolute request URIs from a configured base URL, a path template and query parameters, encoding
 * values exactly as the REST client puts them on the wire, so that the preview shows the wire's URL and the
 * AK/SK signature covers it: path values keep only RFC 3986 unreserved characters, query keys and values are
 * form-encoded (unreserved characters and {@code *} kept, space as {@code +}, everything else percent-encoded).
 */
public final class Uris {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Uris() {
    }

    /**
     * {@code base} + the template with each {@code {name}} replaced by its encoded value + the query.
     *
     * @param base          e.g. {@code https://secmaster.cn-north-4.myhuaweicloud.com}; a path in it is kept
     * @param pathTemplate  e.g. {@code /v1/{project_id}/workspaces/{workspace_id}/soc/policys}
     * @param pathValues    the value of each placeholder; a missing one stays visible as the encoded
     *                      placeholder ({@code %7Bproject_id%7D}), for previews of incomplete requests (the
     *                      gateways never send such a URI)
     * @param query         query parameters in order; entries with a {@code null} value are left out
     */
    public static URI build(URI base, String pathTemplate, Map<String, String> pathValues, Map<String, String> query) {
        StringBuilder uri = new StringBuilder(stripTrailingSlash(base.toString()));
        Matcher m = PLACEHOLDER.matcher(pathTemplate);
        int last = 0;
        while (m.find()) {
            uri.append(pathTemplate, last, m.start());
            String value = pathValues.get(m.group(1));
            uri.append(encode(value == null || value.isEmpty() ? m.group() : value));
            last = m.end();
        }
        uri.append(pathTemplate.substring(last));
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            if (parameter.getValue() != null) {
                uri.append(separator).append(encodeQuery(parameter.getKey())).append('=')
                        .append(encodeQuery(parameter.getValue()));
                separator = '&';
            }
        }
        return URI.create(uri.toString());
    }

    /** Percent-encodes every byte of the UTF-8 form except RFC 3986 unreserved characters (a path value). */
    public static String encode(String value) {
        return percentEncode(value, false);
    }

    /** Encodes a query key or value as the REST client does: unreserved and {@code *} kept, space as {@code +}. */
    public static String encodeQuery(String value) {
        return percentEncode(value, true);
    }

    private static String percentEncode(String value, boolean query) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || (query && c == '*')) {
                out.append(c);
            } else if (query && c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return out.toString();
    }

    /**
     * The {@code Host} header value the HTTP client sends for this URI: the host, plus the port unless it is
     * the scheme's default (so {@code https://h:443} is sent and signed as {@code h}).
     */
    public static String hostHeader(URI uri) {
        String host = uri.getHost();
        int port = uri.getPort();
        boolean defaultPort = port == -1
                || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443)
                || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80);
        return defaultPort ? host : host + ":" + port;
    }

    private static String stripTrailingSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
