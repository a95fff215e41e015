package com.policyconsole.adapter.out.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.policyconsole.adapter.out.auth.AkSkCredentials;
import com.policyconsole.adapter.out.auth.AkSkSigner;
import com.policyconsole.adapter.out.auth.SigningRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Re-signs a request exactly as the stub received it (method, raw URL, the signed headers' received values, body
 * bytes) and checks that the signature equals the one sent: proof that what was signed is what went on the wire.
 */
public final class SignatureCheck {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})");

    private SignatureCheck() {
    }

    /** The signed header names of a received request, e.g. {@code [host, x-project-id, x-sdk-date, …]}. */
    public static List<String> signedHeaders(LoggedRequest received) {
        Matcher m = matcher(received);
        return List.of(m.group(2).split(";"));
    }

    /** Asserts that re-signing the received request with {@code secretKey} gives the received signature. */
    public static void assertSignedAsReceived(LoggedRequest received, String baseUrl, String secretKey) {
        Matcher m = matcher(received);
        String securityToken = received.containsHeader("X-Security-Token") ? received.getHeader("X-Security-Token") : null;
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : m.group(2).split(";")) {
            if (!name.equals("x-sdk-date") && !name.equals("x-security-token")) {
                headers.put(name, List.of(received.getHeader(name)));
            }
        }
        Instant signedAt = LocalDateTime.parse(received.getHeader("X-Sdk-Date"),
                DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")).toInstant(ZoneOffset.UTC);
        SigningRequest asReceived = new SigningRequest(received.getMethod().getName(),
                URI.create(baseUrl + received.getUrl()), headers, received.getBody());

        String recomputed = new AkSkSigner(new AkSkCredentials(m.group(1), secretKey, securityToken),
                Clock.fixed(signedAt, ZoneOffset.UTC)).sign(asReceived, signedAt).signature();

        assertThat(recomputed).as("signature over the request as received").isEqualTo(m.group(3));
    }

    private static Matcher matcher(LoggedRequest received) {
        Matcher m = AUTHORIZATION.matcher(received.getHeader("Authorization"));
        assertThat(m.matches()).as("Authorization header format").isTrue();
        return m;
    }
}
