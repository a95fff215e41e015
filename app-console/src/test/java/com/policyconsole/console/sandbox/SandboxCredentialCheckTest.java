package com.policyconsole.console.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.policyconsole.adapter.out.auth.AkSkCredentials;
import com.policyconsole.adapter.out.auth.AkSkSigner;
import com.policyconsole.adapter.out.auth.SigningRequest;
import com.policyconsole.sandbox.SandboxCredentials;
import com.policyconsole.sandbox.SandboxState;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's API-gateway check against the running application: requests are signed with the console's
 * {@link AkSkSigner} for the exact URL RestAssured calls, then sent with the signer's headers and the same body
 * bytes. The credentials are a runtime setting ({@link SandboxCredentials}), put back after each test, so the
 * other sandbox tests keep posting unsigned requests.
 */
@QuarkusTest
class SandboxCredentialCheckTest {

    private static final String AK = "SANDBOXTESTACCESSKEY01";
    private static final String SK = "sandbox-test-secret-key-0123456789";
    private static final String POLICYS =
            "/sandbox/secmaster/v1/3bb27e024693436da46b5f5aaf499060/workspaces/" + SandboxState.WORKSPACE_ID + "/soc/policys";
    private static final String CREATE = POLICYS + "?action_type=create";
    private static final String DEFINITIONS = "/sandbox/rms/v1/resource-manager/policy-definitions";
    private static final String RULE = """
            {
              "name" : "%s",
              "description" : "signed",
              "parameters" : { "listOfAllowedImages" : { "value" : [ "ea0d6e0e-99c3-406d-a873-3bb45462b624" ] } },
              "policy_filter" : { "resource_provider" : "ecs", "resource_type" : "cloudservers" },
              "policy_definition_id" : "5fa265c0aa1e6afc05a0ff07"
            }""";

    @AfterEach
    void putTheConfigurationBack() {
        credentials().reset();
    }

    private static SandboxCredentials credentials() {
        return Arc.container().instance(SandboxCredentials.class).get();
    }

    private static String rules() {
        return "/sandbox/rms/v1/resource-manager/domains/" + UUID.randomUUID().toString().replace("-", "")
                + "/policy-assignments";
    }

    private static byte[] policyBody(String target) {
        return SandboxSecMasterResourceTest.SEED_BODY.formatted(target, "false", "84b273d3-47a8-3aba-bd00-7bdd1431d635")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The URL exactly as RestAssured addresses it. */
    private static URI url(String pathAndQuery) {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port + pathAndQuery);
    }

    /** The headers to send: the given ones plus those the signer adds (X-Sdk-Date, Authorization, Host). */
    private static Map<String, String> signed(String accessKey, String secretKey, String method, String pathAndQuery,
                                              Map<String, String> headers, byte[] body, Instant at) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        SigningRequest request = new SigningRequest(method, url(pathAndQuery), multi, body);
        AkSkSigner signer = new AkSkSigner(new AkSkCredentials(accessKey, secretKey), Clock.systemUTC());
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(signer.sign(request, at).headersToAdd());
        return all;
    }

    private static Map<String, String> signed(String method, String pathAndQuery, Map<String, String> headers,
                                              byte[] body) {
        return signed(AK, SK, method, pathAndQuery, headers, body, Instant.now());
    }

    private static ValidatableResponse send(String method, String pathAndQuery, Map<String, String> headers,
                                            byte[] body) {
        RequestSpecification spec = given().urlEncodingEnabled(false).contentType("application/json");
        headers.forEach(spec::header);
        if (body != null) {
            spec.body(body);
        }
        return spec.when().request(method, pathAndQuery).then();
    }

    private static void refused(ValidatableResponse response, String reason) {
        response.statusCode(401)
                .header("X-Request-Id", notNullValue())
                .body("error_code", equalTo("APIG.0301"))
                .body("error_msg", equalTo("Incorrect IAM authentication information: " + reason));
    }

    @Test
    void aSignedCreateIsAcceptedAndItsBodyReachesTheSandbox() {
        credentials().configure(AK, SK);
        byte[] body = policyBody("10.20.30.40");
        Map<String, String> headers = signed("POST", CREATE, Map.of("x-secmaster-version", "25.5.0"), body);

        send("POST", CREATE, headers, body)
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data", startsWith("task-"));
    }

    @Test
    void signedRmsCallsWithAQueryAndWithABodyAreAccepted() {
        credentials().configure(AK, SK);
        String rules = rules();
        byte[] body = RULE.formatted("signed-rule").getBytes(StandardCharsets.UTF_8);
        send("PUT", rules, signed("PUT", rules, Map.of(), body), body)
                .statusCode(200)
                .body("name", equalTo("signed-rule"));

        String list = rules + "?limit=1";
        send("GET", list, signed("GET", list, Map.of(), null), null)
                .statusCode(200)
                .body("value", hasSize(1))
                .body("value[0].name", equalTo("signed-rule"));
    }

    @Test
    void aTamperedBodyIsRefusedBeforeTheSandboxSeesIt() {
        credentials().configure(AK, SK);
        String rules = rules();
        byte[] signedBody = RULE.formatted("as-signed").getBytes(StandardCharsets.UTF_8);
        byte[] sentBody = RULE.formatted("as-tampered").getBytes(StandardCharsets.UTF_8);

        refused(send("PUT", rules, signed("PUT", rules, Map.of(), signedBody), sentBody), "signature mismatch");

        send("GET", rules, signed("GET", rules, Map.of(), null), null)
                .statusCode(200)
                .body("value", hasSize(0));
    }

    @Test
    void aTamperedQueryOrSignedHeaderIsRefused() {
        credentials().configure(AK, SK);
        String rules = rules();
        refused(send("GET", rules + "?limit=2", signed("GET", rules + "?limit=1", Map.of(), null), null),
                "signature mismatch");

        byte[] body = policyBody("10.20.30.41");
        Map<String, String> headers = new LinkedHashMap<>(
                signed("POST", CREATE, Map.of("x-secmaster-version", "25.5.0"), body));
        headers.put("x-secmaster-version", "25.6.0");
        refused(send("POST", CREATE, headers, body), "signature mismatch");
    }

    @Test
    void aRequestSignedForAnotherHostIsRefused() {
        credentials().configure(AK, SK);
        Map<String, String> headers = new LinkedHashMap<>(signed("GET", DEFINITIONS, Map.of(), null));
        headers.put("Host", "127.0.0.1:" + RestAssured.port);

        refused(send("GET", DEFINITIONS, headers, null), "signature mismatch");
    }

    @Test
    void aWrongSecretKeyIsRefused() {
        credentials().configure(AK, SK);
        byte[] body = policyBody("10.20.30.42");
        Map<String, String> headers = signed(AK, SK + "-other", "POST", CREATE,
                Map.of("x-secmaster-version", "25.5.0"), body, Instant.now());

        refused(send("POST", CREATE, headers, body), "signature mismatch");
    }

    @Test
    void anUnknownAccessKeyIsRefused() {
        credentials().configure(AK, SK);
        Map<String, String> headers = signed("SOMEONEELSESACCESSKEY", SK, "GET", DEFINITIONS, Map.of(), null,
                Instant.now());

        refused(send("GET", DEFINITIONS, headers, null), "unknown access key");
    }

    @Test
    void anXSdkDateMoreThanFifteenMinutesFromTheSandboxClockIsRefused() {
        credentials().configure(AK, SK);
        Instant now = Instant.now();
        refused(send("GET", DEFINITIONS, signed(AK, SK, "GET", DEFINITIONS, Map.of(), null,
                now.minus(Duration.ofMinutes(16))), null), "request expired");
        refused(send("GET", DEFINITIONS, signed(AK, SK, "GET", DEFINITIONS, Map.of(), null,
                now.plus(Duration.ofMinutes(16))), null), "request expired");

        send("GET", DEFINITIONS, signed(AK, SK, "GET", DEFINITIONS, Map.of(), null,
                now.minus(Duration.ofMinutes(14))), null).statusCode(200);
    }

    @Test
    void missingOrBrokenCredentialsAreRefusedWhenKeysAreConfigured() {
        credentials().configure(AK, SK);
        byte[] body = policyBody("10.20.30.43");
        refused(send("POST", CREATE, Map.of("x-secmaster-version", "25.5.0"), body), "missing Authorization");
        // The sandbox also holds the console's per-start token, so a wrong token is a token mismatch.
        refused(send("GET", DEFINITIONS, Map.of("X-Auth-Token", "sandbox-token"), null), "token mismatch");
        refused(send("GET", DEFINITIONS, Map.of("Authorization", "Basic dXNlcjpwYXNz"), null),
                "malformed Authorization");

        Map<String, String> noDate = new LinkedHashMap<>(signed("GET", DEFINITIONS, Map.of(), null));
        noDate.remove(AkSkSigner.HEADER_SDK_DATE);
        refused(send("GET", DEFINITIONS, noDate, null), "missing X-Sdk-Date");

        Map<String, String> badDate = new LinkedHashMap<>(signed("GET", DEFINITIONS, Map.of(), null));
        badDate.put(AkSkSigner.HEADER_SDK_DATE, "2025-01-01T00:00:00Z");
        refused(send("GET", DEFINITIONS, badDate, null), "invalid X-Sdk-Date");

        Map<String, String> noSignature = new LinkedHashMap<>(signed("GET", DEFINITIONS, Map.of(), null));
        noSignature.put(AkSkSigner.HEADER_AUTHORIZATION, "SDK-HMAC-SHA256 Access=" + AK + ", SignedHeaders=host;x-sdk-date");
        refused(send("GET", DEFINITIONS, noSignature, null), "malformed Authorization");
    }

    @Test
    void theRefusalNeverEchoesTheSignatureOrTheKeys() {
        credentials().configure(AK, SK);
        Map<String, String> headers = signed(AK, SK + "-other", "GET", DEFINITIONS, Map.of(), null, Instant.now());
        String signature = headers.get(AkSkSigner.HEADER_AUTHORIZATION).replaceAll(".*Signature=", "");

        send("GET", DEFINITIONS, headers, null)
                .statusCode(401)
                .body(not(containsString(signature)))
                .body(not(containsString(SK)))
                .body(not(containsString(AK)));
    }

    @Test
    void theConsolesOwnPagesAreNotChecked() {
        credentials().configure(AK, SK);
        given().when().get("/login").then().statusCode(200);
    }

    @Test
    void withNothingConfiguredUnsignedRequestsPassAsBefore() {
        credentials().clear();
        byte[] body = policyBody("10.20.30.44");
        send("POST", CREATE, Map.of("x-secmaster-version", "25.5.0"), body)
                .statusCode(200)
                .body("data", startsWith("task-"));
        send("GET", DEFINITIONS, Map.of("X-Auth-Token", "anything"), null).statusCode(200);
    }

    @Test
    void aConfiguredTokenMustMatchOnCallsThatCarryOne() {
        credentials().configureToken("sandbox-token-for-tests");
        send("GET", DEFINITIONS, Map.of("X-Auth-Token", "sandbox-token-for-tests"), null).statusCode(200);
        refused(send("GET", DEFINITIONS, Map.of("X-Auth-Token", "sandbox-token-for-test"), null), "token mismatch");

        credentials().configure(AK, SK);
        send("GET", DEFINITIONS, Map.of("X-Auth-Token", "sandbox-token-for-tests"), null).statusCode(200);
        refused(send("GET", DEFINITIONS, Map.of("X-Auth-Token", "wrong"), null), "token mismatch");
        send("GET", DEFINITIONS, signed("GET", DEFINITIONS, Map.of(), null), null).statusCode(200);
    }

    /**
     * An oracle independent of {@link AkSkSigner}: the signature computed by hand from the steps of
     * docs/cloud-apis.md, Signing, for a GET without query or body, signing {@code host} and {@code x-sdk-date} only.
     */
    @Test
    void aSignatureComputedFromTheSpecStepsIsAccepted() throws Exception {
        credentials().configure(AK, SK);
        String host = URI.create(RestAssured.baseURI).getHost() + ":" + RestAssured.port;
        String sdkDate = AkSkSigner.formatSdkDate(Instant.now());
        HexFormat hex = HexFormat.of();
        String canonical = "GET\n"
                + "/sandbox/rms/v1/resource-manager/policy-definitions/\n"
                + "\n"
                + "host:" + host + "\n"
                + "x-sdk-date:" + sdkDate + "\n"
                + "\n"
                + "host;x-sdk-date\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        String stringToSign = "SDK-HMAC-SHA256\n" + sdkDate + "\n"
                + hex.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SK.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = hex.formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));

        Map<String, String> headers = Map.of(
                "Host", host,
                "X-Sdk-Date", sdkDate,
                "Authorization", "SDK-HMAC-SHA256 Access=" + AK + ", SignedHeaders=host;x-sdk-date, Signature=" + signature);
        send("GET", DEFINITIONS, headers, null).statusCode(200).body("value", notNullValue());
    }
}
