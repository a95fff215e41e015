package com.policyconsole.adapter.out.auth;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs HTTP requests with Huawei Cloud's AK/SK algorithm {@code SDK-HMAC-SHA256}, as the official
 * Java SDK ({@code huaweicloud-sdk-core} 3.1.143, {@code AKSKSigner}) does, in plain Java.
 *
 * <p>Steps (API Request Signing Guide; docs/cloud-apis.md, Signing):
 * <ol>
 *   <li><b>Signed headers</b>: every request header except {@code Content-Type} and names containing
 *       {@code _}, plus {@code host} (the request's own {@code Host} header if present, otherwise the URI
 *       authority including any port) and {@code x-sdk-date} (UTC, {@code yyyyMMdd'T'HHmmss'Z'}), plus
 *       {@code x-security-token} for temporary credentials (the SDK adds that header before signing).
 *       Names are lower-cased and sorted; {@code SignedHeaders} joins them with {@code ;}. The first
 *       value of each header is used <em>untrimmed</em>, as the SDK signer does.</li>
 *   <li><b>Canonical URI</b>: the raw path is split on {@code /}; each segment is percent-decoded, then
 *       encoded with {@link URLEncoder} (UTF-8) followed by {@code +}&rarr;{@code %20},
 *       {@code *}&rarr;{@code %2A}, {@code %7E}&rarr;{@code ~}, and every segment is followed by
 *       {@code /}. {@code /} and the empty path give {@code /}. Like the SDK (which uses
 *       {@link String#split(String)}), trailing empty segments are dropped: {@code /a/b/} gives
 *       {@code /a/b/} and a path of only slashes such as {@code //} gives the empty string.</li>
 *   <li><b>Canonical query</b>: {@code &}-separated pairs of the raw query, split at the first
 *       {@code =}; key and value are percent-decoded ({@code +} decodes to a space, as in form
 *       encoding) and encoded as in step 2. Pairs are sorted by encoded key; values of a repeated key
 *       stay in request order (the SDK does not sort them). A key without {@code =} or with an empty
 *       value gives {@code key=}. Empty pairs ({@code &&}) are skipped. No query gives the empty
 *       string.</li>
 *   <li><b>Payload hash</b>: lower-case hex SHA-256 of the body bytes; if the request has an
 *       {@code X-Sdk-Content-Sha256} header, its value (normally {@code UNSIGNED-PAYLOAD}) is used
 *       literally instead, as the SDK does for any value.</li>
 *   <li><b>Canonical request</b>: {@code METHOD\nURI\nQUERY\n} + each {@code name:value\n} + {@code \n}
 *       + {@code SIGNED_HEADERS\n} + {@code PAYLOAD_HASH}.</li>
 *   <li><b>String to sign</b>: {@code SDK-HMAC-SHA256\n{x-sdk-date}\n{hex(sha256(canonical request))}}.</li>
 *   <li><b>Signature</b>: {@code hex(HMAC-SHA256(key = UTF-8 bytes of SK, data = string to sign))}.</li>
 *   <li><b>Authorization</b>: {@code SDK-HMAC-SHA256 Access={AK}, SignedHeaders={list}, Signature={hex}}.</li>
 * </ol>
 *
 * <p>Where this class deliberately differs from the SDK: header names are matched case-insensitively
 * (the SDK looks up {@code Host}, {@code X-Sdk-Date} and {@code X-Sdk-Content-Sha256} case-sensitively);
 * the signing time always comes from the {@link Clock} or the explicit {@link Instant}, so a request
 * that already carries {@code X-Sdk-Date} or {@code Authorization} is rejected (the SDK would reuse a
 * present {@code X-Sdk-Date}); and the query is canonicalised from the URI alone (the SDK also re-parses
 * its own URL and, for keys that need percent-encoding, signs an extra raw copy of the pair that it does
 * not send).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AkSkSigner {

    /** The algorithm name, first line of the string to sign and prefix of the Authorization value. */
    public static final String ALGORITHM = "SDK-HMAC-SHA256";
    /** Header carrying the signing time. */
    public static final String HEADER_SDK_DATE = "X-Sdk-Date";
    /** Header carrying the signature. */
    public static final String HEADER_AUTHORIZATION = "Authorization";
    /** Host header; its value is signed. */
    public static final String HEADER_HOST = "Host";
    /** Header carrying the security token of temporary credentials; signed. */
    public static final String HEADER_SECURITY_TOKEN = "X-Security-Token";
    /** Header whose value, when present, replaces the body hash. */
    public static final String HEADER_CONTENT_SHA256 = "X-Sdk-Content-Sha256";
    /** The usual value of {@link #HEADER_CONTENT_SHA256}: the body is not signed. */
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private static final DateTimeFormatter SDK_DATE_FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private final AkSkCredentials credentials;
    private final Clock clock;

    /**
     * @param credentials the AK/SK (and optional security token) to sign with
     * @param clock       source of the signing time used by {@link #sign(SigningRequest)}
     */
    public AkSkSigner(AkSkCredentials credentials, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /** Signs the request at the clock's current time. */
    public AkSkSignature sign(SigningRequest request) {
        return sign(request, clock.instant());
    }

    /**
     * Signs the request at the given time (deterministic; the clock is not consulted).
     *
     * @throws IllegalArgumentException if the request already carries {@code X-Sdk-Date} or
     *                                  {@code Authorization}, carries {@code X-Security-Token} while the
     *                                  credentials have one, or has a path or query whose
     *                                  percent-escapes are not UTF-8
     */
    public AkSkSignature sign(SigningRequest request, Instant signingTime) {
        String sdkDate = formatSdkDate(signingTime);
        Canonical canonical = canonicalize(request, sdkDate);
        String stringToSign = stringToSign(canonical.request(), sdkDate);
        String signature = HEX.formatHex(hmacSha256(credentials.secretKey(), stringToSign));
        String authorization = ALGORITHM + " Access=" + credentials.accessKey()
                + ", SignedHeaders=" + canonical.signedHeaders() + ", Signature=" + signature;

        Map<String, String> headersToAdd = new LinkedHashMap<>();
        headersToAdd.put(HEADER_SDK_DATE, sdkDate);
        headersToAdd.put(HEADER_AUTHORIZATION, authorization);
        if (!request.hasHeader(HEADER_HOST)) {
            headersToAdd.put(HEADER_HOST, canonical.host());
        }
        credentials.optionalSecurityToken().ifPresent(token -> headersToAdd.put(HEADER_SECURITY_TOKEN, token));
        return new AkSkSignature(sdkDate, canonical.host(), canonical.signedHeaders(), signature,
                authorization, headersToAdd);
    }

    /** The canonical request (step 5) for this request at this time; for debugging and tests. */
    public String canonicalRequest(SigningRequest request, Instant signingTime) {
        return canonicalize(request, formatSdkDate(signingTime)).request();
    }

    /** The string to sign (step 6) for this request at this time; for debugging and tests. */
    public String stringToSign(SigningRequest request, Instant signingTime) {
        String sdkDate = formatSdkDate(signingTime);
        return stringToSign(canonicalize(request, sdkDate).request(), sdkDate);
    }

    /** Shows the access key only. */
    @Override
    public String toString() {
        return "AkSkSigner[accessKey=" + credentials.accessKey() + "]";
    }

    /** Formats a time as an {@code X-Sdk-Date} value, e.g. {@code 20191115T033655Z}. */
    public static String formatSdkDate(Instant time) {
        return SDK_DATE_FORMAT.format(Objects.requireNonNull(time, "signing time must not be null"));
    }

    static String stringToSign(String canonicalRequest, String sdkDate) {
        return ALGORITHM + "\n" + sdkDate + "\n" + HEX.formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    private record Canonical(String request, String signedHeaders, String host) {
    }

    private Canonical canonicalize(SigningRequest request, String sdkDate) {
        Objects.requireNonNull(request, "request must not be null");
        rejectReservedHeaders(request);

        SortedMap<String, String> signed = new TreeMap<>();
        request.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && name.indexOf('_') < 0) {
                signed.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        credentials.optionalSecurityToken().ifPresent(token -> signed.put("x-security-token", token));
        String host = request.firstHeaderValue(HEADER_HOST).orElseGet(() -> request.uri().getRawAuthority());
        signed.put("host", host);
        signed.put("x-sdk-date", sdkDate);

        StringBuilder canonicalHeaders = new StringBuilder();
        signed.forEach((name, value) -> canonicalHeaders.append(name).append(':').append(value).append('\n'));
        String signedHeaders = String.join(";", signed.keySet());
        String payloadHash = request.firstHeaderValue(HEADER_CONTENT_SHA256)
                .orElseGet(() -> HEX.formatHex(sha256(request.body())));

        String canonicalRequest = request.method() + "\n"
                + canonicalUri(request.uri()) + "\n"
                + canonicalQuery(request.uri()) + "\n"
                + canonicalHeaders + "\n"
                + signedHeaders + "\n"
                + payloadHash;
        return new Canonical(canonicalRequest, signedHeaders, host);
    }

    private void rejectReservedHeaders(SigningRequest request) {
        for (String reserved : List.of(HEADER_SDK_DATE, HEADER_AUTHORIZATION)) {
            if (request.hasHeader(reserved)) {
                throw new IllegalArgumentException("request must not already carry " + reserved
                        + ": the signer sets it");
            }
        }
        if (credentials.securityToken() != null && request.hasHeader(HEADER_SECURITY_TOKEN)) {
            throw new IllegalArgumentException("request must not carry " + HEADER_SECURITY_TOKEN
                    + " when the credentials have a security token: the signer sets it");
        }
    }

    /** Step 2: canonical URI of the URI's raw path. */
    static String canonicalUri(URI uri) {
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (rawPath.equals("/")) {
            return "/";
        }
        StringBuilder canonical = new StringBuilder();
        // String.split drops trailing empty strings: "/a/b/" -> ["", "a", "b"], "//" -> [] (as the SDK).
        for (String segment : rawPath.split("/")) {
            canonical.append(encode(percentDecode(segment, false))).append('/');
        }
        return canonical.toString();
    }

    /** Step 3: canonical query string of the URI's raw query. */
    static String canonicalQuery(URI uri) {
        String rawQuery = uri.getRawQuery();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        SortedMap<String, List<String>> params = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.computeIfAbsent(encode(percentDecode(key, true)), k -> new ArrayList<>())
                    .add(encode(percentDecode(value, true)));
        }
        List<String> pairs = new ArrayList<>();
        params.forEach((key, values) -> values.forEach(value -> pairs.add(key + "=" + value)));
        return String.join("&", pairs);
    }

    /** URLEncoder (UTF-8), then {@code +}&rarr;{@code %20}, {@code *}&rarr;{@code %2A}, {@code %7E}&rarr;{@code ~}. */
    static String encode(String text) {
        if (isUnreserved(text)) {
            // URLEncoder and the three replacements leave [A-Za-z0-9._~-] as it is: the usual path segment and
            // query key need no work.
            return text;
        }
        return URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static boolean isUnreserved(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (!unreserved) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes {@code %XX} escapes (as UTF-8) and leaves other characters, including raw non-ASCII ones,
     * as they are; with {@code plusIsSpace}, {@code +} decodes to a space.
     */
    static String percentDecode(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 3 > raw.length()) {
                    throw new IllegalArgumentException("truncated percent-escape in '" + raw + "'");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("malformed percent-escape in '" + raw + "'");
                }
                pending.write(hi * 16 + lo);
                i += 3;
            } else {
                flushUtf8(pending, out, raw);
                out.append(plusIsSpace && c == '+' ? ' ' : c);
                i++;
            }
        }
        flushUtf8(pending, out, raw);
        return out.toString();
    }

    private static void flushUtf8(ByteArrayOutputStream pending, StringBuilder out, String raw) {
        if (pending.size() == 0) {
            return;
        }
        try {
            out.append(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(pending.toByteArray())));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("percent-escapes are not valid UTF-8 in '" + raw + "'", e);
        }
        pending.reset();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static byte[] hmacSha256(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
