package com.policyconsole.adapter.out.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks {@link AkSkSigner} against the official Huawei Cloud Java SDK signer
 * ({@code com.huaweicloud.sdk.core.auth.AKSKSigner}, huaweicloud-sdk-core 3.1.143) on the same requests.
 *
 * <p>How one request is given to both signers (the "effective request" is the same):
 * <ul>
 *   <li>The SDK builds its URL itself as {@code endpoint + path + "?" + query}, from a <em>decoded</em>
 *       path (it encodes each segment only while signing) and from query parameters (it encodes the
 *       values, not the keys). Our signer gets the wire form: a {@link URI} whose path and query are
 *       percent-encoded. The generator therefore keeps the decoded path segments and decoded query
 *       pairs, feeds those to the SDK, and builds our URI by percent-encoding them, varying the form
 *       on purpose (raw or escaped sub-delimiters, lower- or upper-case hex, raw non-ASCII letters,
 *       {@code +} or {@code %20} for a space in the query) to exercise our decoding.</li>
 *   <li>Path segments never contain {@code /}, {@code ?} or {@code #}: the SDK has no way to express
 *       them (they would change its URL's structure).</li>
 *   <li>Our URI's path is built from the path of the {@link java.net.URL} the SDK builds, not from the
 *       generated text: {@code URL(String)} strips trailing characters {@code <= ' '} from the whole
 *       URL, so a path ending in a space (with no query after it) loses that space in the SDK, which
 *       then signs and sends the shorter path.</li>
 *   <li>Query keys use only characters that {@code URLEncoder} leaves unchanged and the SDK does not
 *       rewrite ({@code [A-Za-z0-9._~-]}; {@code *} is excluded). For other keys the SDK signs, besides
 *       the encoded pair, an extra raw copy re-parsed from its own unencoded URL, a pair it never sends
 *       (see {@link #sdkSignsAnUnsentRawCopyOfQueryKeysThatNeedEncoding()}); we do not mirror that.
 *       Values are unrestricted (unicode, odd characters, empty).</li>
 *   <li>Repeated query keys are given to the SDK as one key with a list of values (its builder keeps
 *       only the first {@code addQueryParam} per key), in the order they appear in our URI.</li>
 *   <li>The SDK looks up {@code Host}, {@code X-Sdk-Date} and {@code X-Sdk-Content-Sha256}
 *       case-sensitively, so those are given in exactly that spelling; random extra headers use mixed
 *       case but never two names equal ignoring case (the SDK would throw on such a pair).</li>
 *   <li>The SDK's date is forced by giving it an {@code X-Sdk-Date} request header (it then uses that
 *       value instead of the current time); our signer gets the same instant explicitly.</li>
 *   <li>For temporary credentials the SDK's {@code BasicCredentials} adds {@code X-Security-Token} to the
 *       request before calling the signer; the test does the same, our signer does it by itself.</li>
 *   <li>Bodies are given to the SDK as a string (it signs its UTF-8 bytes) or, for arbitrary bytes, as
 *       an input stream.</li>
 * </ul>
 *
 * <p>The seed and count can be changed with {@code -Daksk.crosscheck.seed=...} and
 * {@code -Daksk.crosscheck.count=...}.
 */
class AkSkSignerSdkCrossCheckTest {

    private static final long DEFAULT_SEED = 20191115033655L;
    private static final int DEFAULT_COUNT = 1000;
    private static final DateTimeFormatter SDK_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH"};
    private static final String[] AUTHORITIES = {
        "service.region.example.com", "example.com:8443", "example.com:443", "127.0.0.1:8080", "[::1]:9443",
        "secmaster.ap-southeast-1.myhuaweicloud.com", "LOCALHOST:80",
    };
    private static final String UNRESERVED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~";
    private static final String SAFE_QUERY_KEY_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~";
    private static final String ODD = "~*+%&=@:;,'()!$ _";
    private static final String[] UNICODE = {"é", "ü", "ß", "Ж", "中", "文", "😀", "€", "\u00a0", "\u2028", "ñ"};
    /** Characters that may stay unescaped in a URI path segment (RFC 3986 pchar minus unreserved). */
    private static final String PATH_RAW_OK = "!$&'()*+,;=:@";
    /** Characters that may stay unescaped in a query value here (not &, =, + or #). */
    private static final String QUERY_RAW_OK = "!$'()*,;:@/?";
    private static final String HEADER_NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
    private static final Set<String> RESERVED_HEADERS = Set.of(
            "host", "content-type", "x-sdk-date", "authorization", "x-security-token", "x-sdk-content-sha256");

    @Test
    void matchesOfficialSdkSignatureOnAThousandRandomRequests() {
        long seed = Long.getLong("aksk.crosscheck.seed", DEFAULT_SEED);
        int count = Integer.getInteger("aksk.crosscheck.count", DEFAULT_COUNT);
        System.out.println("AkSk SDK cross-check: seed=" + seed + " (override with -Daksk.crosscheck.seed), count=" + count);
        Random random = new Random(seed);

        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < count; i++) {
            Case c = new Generator(random).next();
            compared++;
            compare(c, "random #" + i, mismatches);
        }

        System.out.println("AkSk SDK cross-check: compared=" + compared + ", matched=" + (compared - mismatches.size())
                + ", mismatched=" + mismatches.size() + " (seed=" + seed + ")");
        assertThat(compared).isEqualTo(count).isGreaterThanOrEqualTo(1000);
        assertThat(mismatches).as("requests whose signature differs from the SDK's (seed " + seed + ")").isEmpty();
    }

    @Test
    void matchesOfficialSdkSignatureOnEdgeCases() {
        List<Case> cases = List.of(
                Case.builder("GET").path(List.of(), false).build(),
                Case.builder("GET").path(List.of(), true).build(),
                Case.builder("GET").path(List.of(""), true).build(),
                Case.builder("GET").path(List.of("", ""), true).build(),
                Case.builder("GET").path(List.of("a", ""), true).build(),
                Case.builder("GET").path(List.of("", "a"), false).build(),
                Case.builder("GET").path(List.of("v1", "a b", "~*+%", "é中😀"), false).build(),
                Case.builder("GET").path(List.of("v1", "ends with space "), false).build(),
                Case.builder("GET").path(List.of("v1", "ends with space "), false).query("q", "1").build(),
                Case.builder("GET").path(List.of("v1", "x"), true).query("b", "2").query("a", "9").query("a", "1").build(),
                Case.builder("GET").path(List.of("v1"), false).query("k", "").query("k", "x").query("e", "").build(),
                Case.builder("GET").path(List.of("v1"), false).query("q", "a b+c*d~e%f&g=h#i/j?k").build(),
                Case.builder("POST").path(List.of("v1"), false).header("Host", "other.example.com:1234")
                        .header("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD").body("{\"a\":1}").build(),
                Case.builder("PUT").path(List.of("v1"), false).header("X-Padded", "  padded\t ")
                        .header("X-Empty", "").header("X-Multi", "first").header("X-Multi", "second")
                        .header("content-type", "application/json").header("X_Under", "u").token("tok").build(),
                Case.builder("PATCH").authority("[::1]:9443").path(List.of("a"), false)
                        .bytes(new byte[] {(byte) 0xff, 0, (byte) 0xc3, 0x28}).build());

        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            compare(cases.get(i), "edge case #" + i, mismatches);
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void sdkSignerReproducesThePublishedVectors() {
        BasicCredentials credentials = new BasicCredentials().withAk("AccessKey").withSk("SecretKey");
        HttpRequest get = HttpRequest.newBuilder()
                .withEndpoint("https://service.region.example.com")
                .withPath("/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs")
                .withMethod(HttpMethod.GET)
                .addQueryParam("limit", List.of("2"))
                .addQueryParam("marker", List.of("13551d6b-755d-4757-b956-536f674975c0"))
                .addHeader("Content-Type", "application/json")
                .addHeader("TEST_UNDERSCORE", "value")
                .addHeader("X-Sdk-Date", "20191115T033655Z")
                .build();
        HttpRequest post = HttpRequest.newBuilder()
                .withEndpoint("https://service.region.example.com")
                .withPath("/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123")
                .withMethod(HttpMethod.POST)
                .withBodyAsString("{\"key\":\"value\"}")
                .addHeader("X-Sdk-Date", "20191115T033655Z")
                .build();
        HttpRequest host = HttpRequest.newBuilder()
                .withEndpoint("https://example.com")
                .withMethod(HttpMethod.GET)
                .addHeader("Host", "example.com")
                .addHeader("X-Sdk-Date", "20191115T033655Z")
                .build();

        assertThat(AKSKSigner.getInstance().sign(get, credentials).get("Authorization"))
                .endsWith("Signature=fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d");
        assertThat(AKSKSigner.getInstance().sign(post, credentials).get("Authorization"))
                .endsWith("Signature=b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771");
        assertThat(AKSKSigner.getInstance().sign(host, credentials).get("Authorization"))
                .isEqualTo("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, "
                        + "Signature=919ad8b75d4ad49da0d377e63ee21c4a7a54b752f6bf2878b4adbe9c19927da6");
    }

    /** Documents an SDK quirk we deliberately do not mirror (it signs a pair it does not send). */
    @Test
    void sdkSignsAnUnsentRawCopyOfQueryKeysThatNeedEncoding() {
        HttpRequest sdkRequest = HttpRequest.newBuilder()
                .withEndpoint("https://example.com").withPath("/v1").withMethod(HttpMethod.GET)
                .addQueryParam("a b", List.of("x"))
                .addHeader("X-Sdk-Date", "20191115T033655Z")
                .build();
        CapturingSdkSigner sdk = new CapturingSdkSigner();
        sdk.sign(sdkRequest, new BasicCredentials().withAk("AK").withSk("SK"));

        String ourQuery = AkSkSigner.canonicalQuery(URI.create("https://example.com/v1?a%20b=x"));

        assertThat(sdk.lastCanonicalRequest.split("\n")[2]).isEqualTo("a b=x&a%20b=x");
        assertThat(ourQuery).isEqualTo("a%20b=x");
    }

    private static void compare(Case c, String label, List<String> mismatches) {
        AkSkSignature ours = new AkSkSigner(c.credentials(), java.time.Clock.systemUTC()).sign(c.ours(), c.time());
        Map<String, String> sdk = AKSKSigner.getInstance().sign(c.sdk(), c.sdkCredentials());
        boolean same = ours.authorization().equals(sdk.get("Authorization")) && ours.host().equals(sdk.get("Host"));
        if (!same) {
            CapturingSdkSigner capturing = new CapturingSdkSigner();
            capturing.sign(c.sdk(), c.sdkCredentials());
            String ourCanonical = new AkSkSigner(c.credentials(), java.time.Clock.systemUTC())
                    .canonicalRequest(c.ours(), c.time());
            mismatches.add(label + ": " + c.ours() + "\n  ours: " + ours.authorization() + " host=" + ours.host()
                    + "\n  sdk:  " + sdk.get("Authorization") + " host=" + sdk.get("Host")
                    + "\n  our canonical:\n" + ourCanonical + "\n  sdk canonical:\n" + capturing.lastCanonicalRequest);
        }
    }

    /** The SDK signer, recording its canonical request for diagnostics (only calls the SDK's own code). */
    private static final class CapturingSdkSigner extends AKSKSigner {
        private String lastCanonicalRequest;

        @Override
        protected String buildCanonicalRequest(String... parts) {
            lastCanonicalRequest = super.buildCanonicalRequest(parts);
            return lastCanonicalRequest;
        }
    }

    /** One request in both forms: ours (wire URI) and the SDK's (decoded path, query parameters). */
    private record Case(AkSkCredentials credentials, BasicCredentials sdkCredentials, Instant time,
                        SigningRequest ours, HttpRequest sdk) {

        static Builder builder(String method) {
            return new Builder(method, new Random(42));
        }

        /** Collects the decoded request parts and renders both forms; {@code random} picks encodings. */
        static final class Builder {
            private final Random random;
            private final String method;
            private String scheme = "https";
            private String authority = "service.region.example.com";
            private List<String> segments = List.of();
            private boolean trailingSlash;
            private final List<String[]> query = new ArrayList<>();
            private final List<String[]> headers = new ArrayList<>();
            private String stringBody;
            private byte[] bytesBody;
            private String token;
            private String accessKey = "AccessKey";
            private String secretKey = "SecretKey";
            private Instant time = Instant.parse("2019-11-15T03:36:55Z");

            Builder(String method, Random random) {
                this.method = method;
                this.random = random;
            }

            Builder scheme(String value) {
                scheme = value;
                return this;
            }

            Builder authority(String value) {
                authority = value;
                return this;
            }

            Builder path(List<String> decodedSegments, boolean trailing) {
                segments = decodedSegments;
                trailingSlash = trailing;
                return this;
            }

            Builder query(String key, String value) {
                query.add(new String[] {key, value});
                return this;
            }

            Builder header(String name, String value) {
                headers.add(new String[] {name, value});
                return this;
            }

            Builder body(String value) {
                stringBody = value;
                bytesBody = null;
                return this;
            }

            Builder bytes(byte[] value) {
                bytesBody = value;
                stringBody = null;
                return this;
            }

            Builder token(String value) {
                token = value;
                return this;
            }

            Builder keys(String ak, String sk) {
                accessKey = ak;
                secretKey = sk;
                return this;
            }

            Builder time(Instant value) {
                time = value;
                return this;
            }

            Case build() {
                // Decoded path for the SDK; our URI gets the SDK's effective path, encoded (see below).
                StringBuilder decodedPath = new StringBuilder();
                for (String segment : segments) {
                    decodedPath.append('/').append(segment);
                }
                if (trailingSlash) {
                    decodedPath.append('/');
                }

                Map<String, List<String>> sdkQuery = new LinkedHashMap<>();
                List<String> rawPairs = new ArrayList<>();
                for (String[] pair : query) {
                    sdkQuery.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(pair[1]);
                    String rawKey = encodeForUri(pair[0], "", true);
                    boolean omitEquals = pair[1].isEmpty() && random.nextBoolean();
                    rawPairs.add(omitEquals ? rawKey : rawKey + "=" + encodeForUri(pair[1], QUERY_RAW_OK, true));
                }
                String rawQuery = rawPairs.isEmpty() ? "" : "?" + String.join("&", rawPairs);

                Map<String, List<String>> ourHeaders = new LinkedHashMap<>();
                for (String[] header : headers) {
                    ourHeaders.computeIfAbsent(header[0], k -> new ArrayList<>()).add(header[1]);
                }
                byte[] ourBody = bytesBody != null ? bytesBody
                        : stringBody == null ? null : stringBody.getBytes(StandardCharsets.UTF_8);
                AkSkCredentials credentials = new AkSkCredentials(accessKey, secretKey, token);

                HttpRequest.HttpRequestBuilder sdk = HttpRequest.newBuilder()
                        .withEndpoint(scheme + "://" + authority)
                        .withPath(decodedPath.toString())
                        .withMethod(HttpMethod.valueOf(method));
                sdkQuery.forEach(sdk::addQueryParam);
                for (String[] header : headers) {
                    sdk.addHeader(header[0], header[1]);
                }
                sdk.addHeader("X-Sdk-Date", SDK_DATE.format(time));
                if (token != null) {
                    sdk.addHeader("X-Security-Token", token); // as BasicCredentials does before signing
                }
                if (bytesBody != null) {
                    sdk.withBody(new ByteArrayInputStream(bytesBody));
                } else if (stringBody != null) {
                    sdk.withBodyAsString(stringBody);
                }
                BasicCredentials sdkCredentials = new BasicCredentials().withAk(accessKey).withSk(secretKey);
                if (token != null) {
                    sdkCredentials.withSecurityToken(token);
                }
                HttpRequest sdkRequest = sdk.build();

                // The SDK's effective path is that of the java.net.URL it builds, and URL(String) strips
                // trailing characters <= ' ' from the whole URL (e.g. a last segment ending in a space,
                // when there is no query). The SDK signs and sends that stripped path, so our URI is
                // built from it: split keeping empty segments, each segment encoded in a varied form.
                List<String> rawSegments = new ArrayList<>();
                for (String segment : sdkRequest.getUrl().getPath().split("/", -1)) {
                    rawSegments.add(encodeForUri(segment, PATH_RAW_OK, false));
                }
                URI uri;
                try {
                    uri = new URI(scheme + "://" + authority + String.join("/", rawSegments) + rawQuery);
                } catch (URISyntaxException e) {
                    throw new AssertionError("generator built an invalid URI", e);
                }
                SigningRequest ours = new SigningRequest(method, uri, ourHeaders, ourBody);
                return new Case(credentials, sdkCredentials, time, ours, sdkRequest);
            }

            /**
             * Percent-encodes text for a URI component in a randomly varied but equivalent form: characters
             * in {@code rawOk} may stay raw, unreserved ones are sometimes escaped anyway, non-ASCII
             * letters sometimes stay raw (java.net.URI accepts them), hex case varies and, in a query, a
             * space becomes {@code +} or {@code %20}.
             */
            private String encodeForUri(String text, String rawOk, boolean inQuery) {
                StringBuilder out = new StringBuilder();
                text.codePoints().forEach(cp -> {
                    String ch = new String(Character.toChars(cp));
                    if (cp < 0x80 && UNRESERVED.indexOf(cp) >= 0) {
                        out.append(random.nextInt(10) == 0 ? escape(ch) : ch);
                    } else if (cp < 0x80 && rawOk.indexOf(cp) >= 0) {
                        out.append(random.nextBoolean() ? ch : escape(ch));
                    } else if (cp == ' ' && inQuery && random.nextBoolean()) {
                        out.append('+');
                    } else if (cp >= 0x80 && !Character.isSpaceChar(cp) && !Character.isISOControl(cp)
                            && random.nextInt(3) == 0) {
                        out.append(ch);
                    } else {
                        out.append(escape(ch));
                    }
                });
                return out.toString();
            }

            private String escape(String ch) {
                StringBuilder out = new StringBuilder();
                for (byte b : ch.getBytes(StandardCharsets.UTF_8)) {
                    String hex = String.format("%02X", b & 0xff);
                    out.append('%').append(random.nextInt(4) == 0 ? hex.toLowerCase(Locale.ROOT) : hex);
                }
                return out.toString();
            }
        }
    }

    /** Draws random requests from a seeded {@link Random}. */
    private static final class Generator {
        private final Random random;

        Generator(Random random) {
            this.random = random;
        }

        Case next() {
            Case.Builder b = new Case.Builder(METHODS[random.nextInt(METHODS.length)], random)
                    .scheme(random.nextInt(4) == 0 ? "http" : "https")
                    .authority(AUTHORITIES[random.nextInt(AUTHORITIES.length)])
                    .keys(randomFrom("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 20),
                            randomFrom("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=", 40))
                    .time(Instant.ofEpochSecond(946_684_800L + (long) (random.nextDouble() * 3_155_760_000L)));

            int segmentCount = random.nextInt(6);
            List<String> segments = new ArrayList<>();
            for (int i = 0; i < segmentCount; i++) {
                segments.add(randomText(random.nextInt(7), true));
            }
            b.path(segments, random.nextBoolean());

            int paramCount = random.nextInt(5);
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < paramCount; i++) {
                String key = !keys.isEmpty() && random.nextInt(3) == 0
                        ? keys.get(random.nextInt(keys.size()))
                        : randomFrom(SAFE_QUERY_KEY_CHARS, 1 + random.nextInt(6));
                keys.add(key);
                String value = random.nextInt(5) == 0 ? "" : randomText(random.nextInt(9), false);
                b.query(key, value);
            }

            int headerCount = random.nextInt(5);
            Set<String> usedNames = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            usedNames.addAll(RESERVED_HEADERS);
            for (int i = 0; i < headerCount; i++) {
                String name = randomHeaderName();
                if (!usedNames.add(name)) {
                    continue;
                }
                b.header(name, randomHeaderValue());
                if (random.nextInt(5) == 0) {
                    b.header(name, randomHeaderValue());
                }
            }
            if (random.nextBoolean()) {
                b.header(random.nextBoolean() ? "Content-Type" : "content-type", "application/json;charset=UTF-8");
            }
            if (random.nextInt(7) == 0) {
                b.header("Host", random.nextBoolean() ? "other.example.com:1234" : "api.example.com");
            }
            if (random.nextInt(7) == 0) {
                b.header("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD");
            }
            if (random.nextInt(4) == 0) {
                b.token(randomFrom("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.", 1 + random.nextInt(80)));
            }

            switch (random.nextInt(5)) {
                case 0 -> { } // no body
                case 1 -> b.body("");
                case 2 -> b.body("{\"name\":\"" + randomText(random.nextInt(12), false).replace("\\", "\\\\").replace("\"", "\\\"")
                        + "\",\"enabled\":" + random.nextBoolean() + ",\"count\":" + random.nextInt(1000) + "}");
                case 3 -> b.body(randomText(random.nextInt(60), false));
                default -> {
                    byte[] bytes = new byte[random.nextInt(64)];
                    random.nextBytes(bytes);
                    b.bytes(bytes);
                }
            }
            return b.build();
        }

        /** Text mixing ASCII letters, odd characters, spaces and unicode; paths exclude '/', '?', '#'. */
        private String randomText(int length, boolean forPath) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < length; i++) {
                switch (random.nextInt(4)) {
                    case 0, 1 -> out.append(UNRESERVED.charAt(random.nextInt(UNRESERVED.length())));
                    case 2 -> out.append(ODD.charAt(random.nextInt(ODD.length())));
                    default -> out.append(forPath || random.nextInt(3) > 0
                            ? UNICODE[random.nextInt(UNICODE.length)]
                            : String.valueOf("/?#\"".charAt(random.nextInt(4))));
                }
            }
            return out.toString();
        }

        private String randomHeaderName() {
            String[] prefixes = {"X-", "x-", "X-Custom-", "", "X-Policy-"};
            return prefixes[random.nextInt(prefixes.length)] + randomFrom(HEADER_NAME_CHARS, 1 + random.nextInt(10));
        }

        private String randomHeaderValue() {
            StringBuilder out = new StringBuilder();
            if (random.nextInt(4) == 0) {
                out.append(random.nextBoolean() ? "  " : "\t");
            }
            int length = random.nextInt(20);
            for (int i = 0; i < length; i++) {
                switch (random.nextInt(5)) {
                    case 0 -> out.append(UNICODE[random.nextInt(UNICODE.length - 2)]);
                    case 1 -> out.append(" \t\"',;=:/\\%*+&".charAt(random.nextInt(14)));
                    default -> out.append(UNRESERVED.charAt(random.nextInt(UNRESERVED.length())));
                }
            }
            if (random.nextInt(4) == 0) {
                out.append(random.nextBoolean() ? " " : " \t");
            }
            return out.toString();
        }

        private String randomFrom(String alphabet, int length) {
            StringBuilder out = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                out.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return out.toString();
        }
    }
}
