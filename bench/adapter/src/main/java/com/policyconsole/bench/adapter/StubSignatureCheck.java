package com.policyconsole.bench.adapter;

import com.policyconsole.adapter.out.auth.AkSkCredentials;
import com.policyconsole.adapter.out.auth.AkSkSigner;
import com.policyconsole.adapter.out.auth.SigningRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the stub checks on each request: an {@code SDK-HMAC-SHA256} Authorization with the expected AK that signs
 * {@code host} and {@code x-sdk-date}, a current {@code X-Sdk-Date} and the account in {@code X-Domain-Id}; and,
 * when asked, that re-signing the request exactly as received (method, URL, the signed headers' received values,
 * body bytes) gives the signature sent.
 */
final class StubSignatureCheck {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private final String accessKey;
    private final String secretKey;
    private final String domainId;

    StubSignatureCheck(String accessKey, String secretKey, String domainId) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.domainId = domainId;
    }

    /**
     * Checks one received request.
     *
     * @param method    the request method
     * @param rawTarget the request target as received: raw path and query
     * @param header    the first received value of a header, case-insensitive, or {@code null}
     * @param body      the body bytes as received
     * @param resign    whether to re-compute the signature as well
     * @return what is wrong, or {@code null} when the request passes
     */
    String problem(String method, String rawTarget, UnaryOperator<String> header, byte[] body, boolean resign) {
        String authorization = header.apply("Authorization");
        if (authorization == null) {
            return "no Authorization header";
        }
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.matches()) {
            return "Authorization is not SDK-HMAC-SHA256";
        }
        if (!m.group(1).equals(accessKey)) {
            return "unexpected access key";
        }
        List<String> signedHeaders = List.of(m.group(2).split(";"));
        if (!signedHeaders.contains("host") || !signedHeaders.contains("x-sdk-date")) {
            return "host and x-sdk-date are not both signed: " + signedHeaders;
        }
        if (!domainId.equals(header.apply("X-Domain-Id"))) {
            return "X-Domain-Id is not the account";
        }
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(String.valueOf(header.apply("X-Sdk-Date")), SDK_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return "X-Sdk-Date is not yyyyMMdd'T'HHmmss'Z'";
        }
        if (Duration.between(signedAt, Instant.now()).abs().compareTo(MAX_SKEW) > 0) {
            return "X-Sdk-Date is more than 15 minutes off";
        }
        if (resign && !m.group(3).equals(resign(method, rawTarget, header, body, signedHeaders, signedAt))) {
            return "signature does not match the request as received";
        }
        return null;
    }

    private String resign(String method, String rawTarget, UnaryOperator<String> header, byte[] body,
                          List<String> signedHeaders, Instant signedAt) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : signedHeaders) {
            String value = header.apply(name);
            // The signer adds X-Sdk-Date itself (from the instant given); every other signed header must be present.
            if (!name.equals("x-sdk-date")) {
                headers.put(name, List.of(value == null ? "" : value));
            }
        }
        URI uri = URI.create("http://" + header.apply("Host") + rawTarget);
        return new AkSkSigner(new AkSkCredentials(accessKey, secretKey), Clock.fixed(signedAt, ZoneOffset.UTC))
                .sign(new SigningRequest(method, uri, headers, body), signedAt)
                .signature();
    }
}
