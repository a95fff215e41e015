package com.policyconsole.adapter.out.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unit tests of {@link AkSkSigner}: published vectors, each canonicalisation step and validation. */
class AkSkSignerTest {

    private static final Instant VECTOR_TIME = Instant.parse("2019-11-15T03:36:55Z");
    private static final AkSkCredentials VECTOR_CREDENTIALS = new AkSkCredentials("AccessKey", "SecretKey");
    private static final AkSkSigner SIGNER = new AkSkSigner(VECTOR_CREDENTIALS, Clock.fixed(VECTOR_TIME, ZoneOffset.UTC));
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static SigningRequest get(String uri) {
        return SigningRequest.of("GET", URI.create(uri));
    }

    @Test
    void signsPublishedGetVectorExactly() {
        SigningRequest request = get("https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs"
                + "?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0")
                .withHeader("Content-Type", "application/json")
                .withHeader("TEST_UNDERSCORE", "value");

        AkSkSignature signature = SIGNER.sign(request, VECTOR_TIME);

        assertThat(signature.signature()).isEqualTo("fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d");
        assertThat(signature.signedHeaders()).isEqualTo("host;x-sdk-date");
        assertThat(signature.sdkDate()).isEqualTo("20191115T033655Z");
    }

    @Test
    void signsPublishedPostVectorExactly() {
        SigningRequest request = SigningRequest.of("POST",
                        URI.create("https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123"))
                .withBody("{\"key\":\"value\"}");

        AkSkSignature signature = SIGNER.sign(request, VECTOR_TIME);

        assertThat(signature.signature()).isEqualTo("b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771");
        assertThat(signature.signedHeaders()).isEqualTo("host;x-sdk-date");
    }

    @Test
    void signsPublishedHostHeaderVectorWithoutPathExactly() {
        SigningRequest request = get("https://example.com").withHeader("Host", "example.com");

        AkSkSignature signature = SIGNER.sign(request, VECTOR_TIME);

        assertThat(signature.signature()).isEqualTo("919ad8b75d4ad49da0d377e63ee21c4a7a54b752f6bf2878b4adbe9c19927da6");
        assertThat(signature.signedHeaders()).isEqualTo("host;x-sdk-date");
    }

    @Test
    void buildsTheCanonicalRequestOfThePublishedGetVectorStepByStep() {
        SigningRequest request = get("https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs"
                + "?marker=13551d6b-755d-4757-b956-536f674975c0&limit=2")
                .withHeader("Content-Type", "application/json");

        String canonical = SIGNER.canonicalRequest(request, VECTOR_TIME);

        assertThat(canonical).isEqualTo("GET\n"
                + "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\n"
                + "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0\n"
                + "host:service.region.example.com\n"
                + "x-sdk-date:20191115T033655Z\n"
                + "\n"
                + "host;x-sdk-date\n"
                + EMPTY_SHA256);
        String stringToSign = SIGNER.stringToSign(request, VECTOR_TIME);
        assertThat(stringToSign).isEqualTo("SDK-HMAC-SHA256\n20191115T033655Z\n" + sha256Hex(canonical));
        assertThat(SIGNER.sign(request, VECTOR_TIME).signature()).isEqualTo(hmacHex("SecretKey", stringToSign));
    }

    @Test
    void hashesMissingAndEmptyBodyAsSha256OfNothing() {
        SigningRequest noBody = SigningRequest.of("POST", URI.create("https://example.com/x"));
        SigningRequest emptyBody = noBody.withBody(new byte[0]);

        assertThat(SIGNER.canonicalRequest(noBody, VECTOR_TIME)).endsWith("\n" + EMPTY_SHA256);
        assertThat(SIGNER.canonicalRequest(emptyBody, VECTOR_TIME)).endsWith("\n" + EMPTY_SHA256);
        assertThat(sha256Hex("")).isEqualTo(EMPTY_SHA256);
    }

    @Test
    void hashesBodyBytesExactlyIncludingNonUtf8Bytes() {
        byte[] body = {(byte) 0xff, 0x00, (byte) 0xc3, 0x28};
        SigningRequest request = SigningRequest.of("PUT", URI.create("https://example.com/x")).withBody(body);

        assertThat(SIGNER.canonicalRequest(request, VECTOR_TIME)).endsWith("\n" + HexFormat.of().formatHex(sha256(body)));
    }

    @Test
    void usesUnsignedPayloadLiteralAndIgnoresBodyWhenRequested() {
        SigningRequest unsigned = SigningRequest.of("POST", URI.create("https://example.com/upload"))
                .withHeader("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD")
                .withBody("first body");

        String canonical = SIGNER.canonicalRequest(unsigned, VECTOR_TIME);
        AkSkSignature signature = SIGNER.sign(unsigned, VECTOR_TIME);

        assertThat(canonical).endsWith("\nUNSIGNED-PAYLOAD").contains("x-sdk-content-sha256:UNSIGNED-PAYLOAD\n");
        assertThat(signature.signedHeaders()).isEqualTo("host;x-sdk-content-sha256;x-sdk-date");
        assertThat(SIGNER.sign(unsigned.withBody("another body"), VECTOR_TIME).signature())
                .isEqualTo(signature.signature());
    }

    @Test
    void matchesContentSha256HeaderCaseInsensitively() {
        SigningRequest request = SigningRequest.of("POST", URI.create("https://example.com/upload"))
                .withHeader("x-sdk-content-sha256", "UNSIGNED-PAYLOAD")
                .withBody("body");

        assertThat(SIGNER.canonicalRequest(request, VECTOR_TIME)).endsWith("\nUNSIGNED-PAYLOAD");
    }

    @Test
    void excludesContentTypeInAnyCaseAndNamesWithUnderscores() {
        SigningRequest request = get("https://example.com/v1")
                .withHeader("content-TYPE", "application/json")
                .withHeader("X_Custom", "a")
                .withHeader("TEST_UNDERSCORE", "b")
                .withHeader("X-Project-Id", "p1");

        AkSkSignature signature = SIGNER.sign(request, VECTOR_TIME);

        assertThat(signature.signedHeaders()).isEqualTo("host;x-project-id;x-sdk-date");
        assertThat(SIGNER.canonicalRequest(request, VECTOR_TIME))
                .doesNotContain("content-type").doesNotContain("x_custom").doesNotContain("test_underscore");
    }

    @Test
    void lowerCasesAndSortsHeaderNames() {
        SigningRequest request = get("https://example.com/v1")
                .withHeader("Zeta", "z")
                .withHeader("X-Project-Id", "p")
                .withHeader("ACCEPT", "*/*");

        assertThat(SIGNER.sign(request, VECTOR_TIME).signedHeaders())
                .isEqualTo("accept;host;x-project-id;x-sdk-date;zeta");
        assertThat(SIGNER.canonicalRequest(request, VECTOR_TIME))
                .contains("\naccept:*/*\nhost:example.com\nx-project-id:p\nx-sdk-date:20191115T033655Z\nzeta:z\n\n");
    }

    @Test
    void keepsPortInSignedHostAndReturnsHostToSend() {
        AkSkSignature custom = SIGNER.sign(get("https://example.com:8443/v1"), VECTOR_TIME);
        AkSkSignature explicitDefault = SIGNER.sign(get("https://example.com:443/v1"), VECTOR_TIME);

        assertThat(custom.host()).isEqualTo("example.com:8443");
        assertThat(custom.headersToAdd()).containsEntry("Host", "example.com:8443");
        assertThat(SIGNER.canonicalRequest(get("https://example.com:8443/v1"), VECTOR_TIME))
                .contains("\nhost:example.com:8443\n");
        assertThat(explicitDefault.host()).isEqualTo("example.com:443");
    }

    @Test
    void usesRequestHostHeaderInAnyCaseAndDoesNotAddAnother() {
        SigningRequest request = get("https://10.0.0.1:8443/v1").withHeader("host", "api.example.com");

        AkSkSignature signature = SIGNER.sign(request, VECTOR_TIME);

        assertThat(signature.host()).isEqualTo("api.example.com");
        assertThat(signature.headersToAdd()).doesNotContainKey("Host");
        assertThat(SIGNER.canonicalRequest(request, VECTOR_TIME)).contains("\nhost:api.example.com\n");
    }

    @Test
    void signsFirstValueOfRepeatedHeaderAndMergesNamesCaseInsensitively() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-Tag", List.of("first", "second"));
        headers.put("x-tag", List.of("third"));
        SigningRequest request = new SigningRequest("GET", URI.create("https://example.com/"), headers, null);

        assertThat(request.headers()).containsOnlyKeys("X-Tag");
        assertThat(request.headers().get("X-Tag")).containsExactly("first", "second", "third");
        assertThat(SIGNER.canonicalRequest(request, VECTOR_TIME)).contains("\nx-tag:first\n");
    }

    @Test
    void signsHeaderValuesUntrimmedLikeTheSdk() {
        SigningRequest request = get("https://example.com/").withHeader("X-Padded", "  two  spaces\t");

        assertThat(SIGNER.canonicalRequest(request, VECTOR_TIME)).contains("\nx-padded:  two  spaces\t\n");
    }

    @Test
    void signsAndReturnsSecurityTokenOfTemporaryCredentials() {
        AkSkSigner signer = new AkSkSigner(new AkSkCredentials("AK", "SK", "token-123"), Clock.systemUTC());

        AkSkSignature signature = signer.sign(get("https://example.com/v1"), VECTOR_TIME);

        assertThat(signature.signedHeaders()).isEqualTo("host;x-sdk-date;x-security-token");
        assertThat(signer.canonicalRequest(get("https://example.com/v1"), VECTOR_TIME))
                .contains("\nx-security-token:token-123\n");
        assertThat(signature.headersToAdd()).containsExactly(
                Map.entry("X-Sdk-Date", "20191115T033655Z"),
                Map.entry("Authorization", signature.authorization()),
                Map.entry("Host", "example.com"),
                Map.entry("X-Security-Token", "token-123"));
    }

    @ParameterizedTest(name = "raw path [{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"                                  | /",
        "/                                   | /",
        "/v1/abc/vpcs                        | /v1/abc/vpcs/",
        "/v1/abc/vpcs/                       | /v1/abc/vpcs/",
        "/v1//vpcs                           | /v1//vpcs/",
        "//a                                 | //a/",
        "/a//                                | /a/",
        "//                                  | \"\"",
        "/a%20b/c                            | /a%20b/c/",
        "/a+b                                | /a%2Bb/",
        "/%7E~*                              | /~~%2A/",
        "/a%2Fb                              | /a%2Fb/",
        "/100%25                             | /100%25/",
        "/caf%C3%A9/%e4%b8%ad                | /caf%C3%A9/%E4%B8%AD/",
        "/café                               | /caf%C3%A9/",
        "/a:b@c;d,e'f(g)h!i$j&k=l            | /a%3Ab%40c%3Bd%2Ce%27f%28g%29h%21i%24j%26k%3Dl/",
        "/%41-._                             | /A-._/",
    })
    void encodesEachDecodedSegmentAndEndsItWithSlash(String rawPath, String expected) {
        assertThat(AkSkSigner.canonicalUri(URI.create("https://example.com" + rawPath))).isEqualTo(expected);
    }

    @Test
    void rejectsPercentEscapesThatAreNotUtf8() {
        assertThatThrownBy(() -> SIGNER.sign(get("https://example.com/%FF"), VECTOR_TIME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    @ParameterizedTest(name = "raw query [{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "limit=2&marker=abc              | limit=2&marker=abc",
        "b=2&a=1                         | a=1&b=2",
        "a=2&b=x&a=1                     | a=2&a=1&b=x",
        "flag&empty=                     | empty=&flag=",
        "a=1&&b=2&                       | a=1&b=2",
        "q=a+b                           | q=a%20b",
        "q=a%2Bb                         | q=a%2Bb",
        "q=a%20b                         | q=a%20b",
        "tilde=%7E&star=*                | star=%2A&tilde=~",
        "name=%E4%B8%AD                  | name=%E4%B8%AD",
        "a=b=c                           | a=b%3Dc",
        "path=/x?y                       | path=%2Fx%3Fy",
        "%61=1&a=2                       | a=1&a=2",
    })
    void sortsByEncodedKeyAndKeepsValueOrderOfRepeatedKeys(String rawQuery, String expected) {
        assertThat(AkSkSigner.canonicalQuery(URI.create("https://example.com/?" + rawQuery))).isEqualTo(expected);
    }

    @Test
    void isEmptyWithoutQuery() {
        assertThat(AkSkSigner.canonicalQuery(URI.create("https://example.com/v1"))).isEmpty();
        assertThat(AkSkSigner.canonicalQuery(URI.create("https://example.com/v1?"))).isEmpty();
    }

    @Test
    void formatsAuthorizationHeaderExactly() {
        AkSkSignature signature = SIGNER.sign(get("https://example.com"), VECTOR_TIME);

        assertThat(signature.authorization()).isEqualTo("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature="
                + signature.signature());
        assertThat(signature.signature()).matches("[0-9a-f]{64}");
        assertThat(signature.headersToAdd()).containsExactly(
                Map.entry("X-Sdk-Date", "20191115T033655Z"),
                Map.entry("Authorization", signature.authorization()),
                Map.entry("Host", "example.com"));
    }

    @Test
    void signsAtTheClockTimeInUtc() {
        Instant now = Instant.parse("2024-02-29T23:59:58.987Z");
        AkSkSigner signer = new AkSkSigner(VECTOR_CREDENTIALS, Clock.fixed(now, ZoneOffset.ofHours(8)));

        AkSkSignature viaClock = signer.sign(get("https://example.com/v1"));

        assertThat(viaClock.sdkDate()).isEqualTo("20240229T235958Z");
        assertThat(viaClock).isEqualTo(signer.sign(get("https://example.com/v1"), now));
    }

    @Test
    void differentSecretKeyGivesDifferentSignature() {
        AkSkSigner other = new AkSkSigner(new AkSkCredentials("AccessKey", "OtherKey"), Clock.systemUTC());

        assertThat(other.sign(get("https://example.com"), VECTOR_TIME).signature())
                .isNotEqualTo(SIGNER.sign(get("https://example.com"), VECTOR_TIME).signature());
    }

    @Test
    void rejectsRequestsAlreadyCarryingDateOrAuthorization() {
        assertThatThrownBy(() -> SIGNER.sign(get("https://example.com").withHeader("x-sdk-date", "20191115T033655Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Sdk-Date");
        assertThatThrownBy(() -> SIGNER.sign(get("https://example.com").withHeader("Authorization", "Bearer x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Authorization");
    }

    @Test
    void rejectsOwnSecurityTokenHeaderWhenCredentialsHaveOne() {
        AkSkSigner signer = new AkSkSigner(new AkSkCredentials("AK", "SK", "tok"), Clock.systemUTC());

        assertThatThrownBy(() -> signer.sign(get("https://example.com").withHeader("X-Security-Token", "tok")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Security-Token");
    }

    @Test
    void credentialsToStringRedactsSecretKeyAndSecurityToken() {
        AkSkCredentials credentials = new AkSkCredentials("MYACCESSKEY", "very-secret-sk", "very-secret-token");

        assertThat(credentials.toString())
                .contains("MYACCESSKEY")
                .doesNotContain("very-secret-sk")
                .doesNotContain("very-secret-token")
                .contains("****");
        assertThat(new AkSkCredentials("MYACCESSKEY", "very-secret-sk").toString())
                .doesNotContain("very-secret-sk").contains("securityToken=<none>");
    }

    @Test
    void signatureAndSignerAndRequestToStringDoNotRevealSecrets() {
        AkSkSigner signer = new AkSkSigner(new AkSkCredentials("AK", "the-sk", "the-token"), Clock.systemUTC());
        SigningRequest request = get("https://example.com").withHeader("X-Auth-Token", "header-secret");

        assertThat(signer.sign(request, VECTOR_TIME).toString()).doesNotContain("the-token").doesNotContain("the-sk");
        assertThat(signer.toString()).doesNotContain("the-sk").doesNotContain("the-token");
        assertThat(request.toString()).contains("X-Auth-Token").doesNotContain("header-secret");
    }

    @Test
    void blankSecurityTokenMeansPermanentCredentials() {
        assertThat(new AkSkCredentials("AK", "SK", "  ").optionalSecurityToken()).isEmpty();
    }

    @Test
    void credentialsRejectBlankKeys() {
        assertThatThrownBy(() -> new AkSkCredentials(" ", "SK"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accessKey");
        assertThatThrownBy(() -> new AkSkCredentials("AK", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secretKey");
        assertThatThrownBy(() -> new AkSkCredentials("AK", "SK", "to\r\nken"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("securityToken");
    }

    private final URI uri = URI.create("https://example.com/v1");

    @Test
    void rejectsMissingOrInvalidMethod() {
        assertThatThrownBy(() -> SigningRequest.of(null, uri))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("method");
        assertThatThrownBy(() -> SigningRequest.of("GE T", uri))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HTTP token");
    }

    @Test
    void rejectsUrisThatCannotBeSigned() {
        assertThatThrownBy(() -> SigningRequest.of("GET", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uri must not be null");
        assertThatThrownBy(() -> SigningRequest.of("GET", URI.create("/v1/vpcs")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
        assertThatThrownBy(() -> SigningRequest.of("GET", URI.create("mailto:a@example.com")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hierarchical");
        assertThatThrownBy(() -> SigningRequest.of("GET", URI.create("ftp://example.com/x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http or https");
        assertThatThrownBy(() -> SigningRequest.of("GET", URI.create("https:///x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host");
        assertThatThrownBy(() -> SigningRequest.of("GET", URI.create("https://user:pw@example.com/x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user info");
    }

    @Test
    void rejectsInvalidHeaders() {
        assertThatThrownBy(() -> SigningRequest.of("GET", uri).withHeader("Bad Name", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header name");
        assertThatThrownBy(() -> SigningRequest.of("GET", uri).withHeader("X-Injected", "a\r\nX-Evil: b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control characters");
        assertThatThrownBy(() -> SigningRequest.of("GET", uri).withHeader("X-Null", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null value");
        assertThatThrownBy(() -> new SigningRequest("GET", uri, Map.of("X-Empty", List.of()), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one value");
    }

    @Test
    void copiesBodyAndHeadersDefensively() {
        byte[] body = "abc".getBytes(StandardCharsets.UTF_8);
        List<String> values = new ArrayList<>(List.of("v"));
        Map<String, List<String>> headers = new LinkedHashMap<>(Map.of("X-A", values));
        SigningRequest request = new SigningRequest("POST", uri, headers, body);
        String before = SIGNER.canonicalRequest(request, VECTOR_TIME);

        body[0] = 'z';
        values.set(0, "changed");
        headers.put("X-B", List.of("new"));
        request.body()[1] = 'z';

        assertThat(SIGNER.canonicalRequest(request, VECTOR_TIME)).isEqualTo(before);
        assertThatThrownBy(() -> request.headers().put("X-C", List.of("c")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void comparesBodiesByContent() {
        SigningRequest a = SigningRequest.of("POST", uri).withBody("same");
        SigningRequest b = SigningRequest.of("POST", uri).withBody("same");

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(b.withBody("other"));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String hmacHex(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
