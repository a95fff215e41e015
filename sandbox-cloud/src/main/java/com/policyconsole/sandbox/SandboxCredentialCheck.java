package com.policyconsole.sandbox;

import com.policyconsole.adapter.out.auth.AkSkCredentials;
import com.policyconsole.adapter.out.auth.AkSkSignature;
import com.policyconsole.adapter.out.auth.AkSkSigner;
import com.policyconsole.adapter.out.auth.SigningRequest;
import com.policyconsole.adapter.out.http.ErrorBody;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The sandbox cloud's API-gateway check: when {@link SandboxCredentials} holds an AK/SK, every call under
 * {@code /sandbox/} must be signed with it ({@code SDK-HMAC-SHA256}, API Request Signing Guide;
 * docs/cloud-apis.md, Signing); when it holds a token, calls must carry exactly it in {@code X-Auth-Token}
 * (or, with keys too, a signature). With nothing set, calls pass unchecked.
 *
 * <p>Which credential decides:
 * <ol>
 *   <li>keys set and an {@code Authorization: SDK-HMAC-SHA256 …} header present: the signature;</li>
 *   <li>otherwise an {@code X-Auth-Token} header with a token set: the token;</li>
 *   <li>otherwise, keys set: refused ({@code missing Authorization}); nothing set for this kind of call: passes.</li>
 * </ol>
 *
 * <p>The signature is recomputed with the console's own {@link AkSkSigner} over what arrived: the method, the
 * request target exactly as sent (raw path and query) under the authority of the {@code Host} header, only the
 * headers named in {@code SignedHeaders} (first value each), the {@code X-Sdk-Date} time and the body bytes,
 * and compared in constant time. The access key must be the configured one and {@code X-Sdk-Date} within
 * {@link #MAX_CLOCK_SKEW} of the sandbox clock. A refusal answers as the gateway does: 401 with
 * {@code {"error_code":"APIG.0301","error_msg":"Incorrect IAM authentication information: <reason>"}} and an
 * {@code X-Request-Id}. Neither the secret key, the token nor the signatures are ever logged.
 */
public class SandboxCredentialCheck {

    /** The gateway's code for credentials it refuses. */
    static final String ERROR_CODE = "APIG.0301";
    /** Prefix of every refusal message. */
    static final String ERROR_PREFIX = "Incorrect IAM authentication information: ";
    /** How far {@code X-Sdk-Date} may be from the sandbox clock, either way. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

    static final String MISSING_AUTHORIZATION = "missing Authorization";
    static final String MALFORMED_AUTHORIZATION = "malformed Authorization";
    static final String MISSING_SDK_DATE = "missing X-Sdk-Date";
    static final String INVALID_SDK_DATE = "invalid X-Sdk-Date";
    static final String UNKNOWN_ACCESS_KEY = "unknown access key";
    static final String REQUEST_EXPIRED = "request expired";
    static final String SIGNATURE_MISMATCH = "signature mismatch";
    static final String TOKEN_MISMATCH = "token mismatch";
    static final String MISSING_TOKEN = "missing X-Auth-Token";

    private static final String SANDBOX_PATH = "/sandbox/";
    private static final String HEADER_AUTH_TOKEN = "X-Auth-Token";
    private static final DateTimeFormatter SDK_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Logger LOG = Logger.getLogger(SandboxCredentialCheck.class);

    /** One call as the check sees it; {@code uri} is {@code null} when the request target does not form a URI. */
    record Call(String method, URI uri, UnaryOperator<String> firstHeader, BodySource body) {
    }

    /** The body bytes, read only when a signature is checked. */
    @FunctionalInterface
    interface BodySource {
        byte[] read() throws IOException;
    }

    private final SandboxCredentials credentials;
    private final Clock clock;

    public SandboxCredentialCheck(SandboxCredentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /**
     * Runs after matching, for the {@link SandboxGateway} resources only, with the body already buffered
     * ({@code readBody}), so the exact bytes can be read here and put back for the resource method.
     */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION, readBody = true)
    @SandboxGateway
    public Response check(ContainerRequestContext context, HttpServerRequest request) {
        if (!context.getUriInfo().getPath().startsWith(SANDBOX_PATH)) {
            return null;
        }
        SandboxCredentials.Current current = credentials.current();
        if (!current.anyConfigured()) {
            return null;
        }
        Optional<String> refusal = refusal(current, new Call(request.method().name(), requestUri(request),
                request.headers()::get, () -> {
                    byte[] bytes;
                    try (InputStream in = context.getEntityStream()) {
                        bytes = in == null ? new byte[0] : in.readAllBytes();
                    }
                    context.setEntityStream(new ByteArrayInputStream(bytes));
                    return bytes;
                }));
        if (refusal.isEmpty()) {
            return null;
        }
        String requestId = UUID.randomUUID().toString();
        LOG.infof("sandbox refused %s %s: %s (request_id=%s)", request.method().name(),
                context.getUriInfo().getPath(), refusal.get(), requestId);
        return Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.writeGateway(ERROR_CODE, ERROR_PREFIX + refusal.get()))
                .header("X-Request-Id", requestId).build();
    }

    /** Why the call is refused, or empty when it passes. */
    Optional<String> refusal(SandboxCredentials.Current current, Call call) {
        String authorization = call.firstHeader().apply(AkSkSigner.HEADER_AUTHORIZATION);
        Optional<AkSkCredentials> keys = current.keys();
        if (keys.isPresent() && authorization != null && authorization.startsWith(AkSkSigner.ALGORITHM + " ")) {
            return signatureRefusal(keys.get(), authorization, call);
        }
        String token = call.firstHeader().apply(HEADER_AUTH_TOKEN);
        if (token != null && current.tokenConfigured()) {
            return current.tokenMatches(token) ? Optional.empty() : Optional.of(TOKEN_MISMATCH);
        }
        if (keys.isPresent()) {
            return Optional.of(authorization == null ? MISSING_AUTHORIZATION : MALFORMED_AUTHORIZATION);
        }
        if (current.tokenConfigured()) {
            return Optional.of(MISSING_TOKEN);
        }
        return Optional.empty();
    }

    private Optional<String> signatureRefusal(AkSkCredentials keys, String authorization, Call call) {
        Map<String, String> parts = parseAuthorization(authorization);
        String access = parts.get("Access");
        String signedHeaders = parts.get("SignedHeaders");
        String signature = parts.get("Signature");
        if (access == null || signedHeaders == null || signature == null) {
            return Optional.of(MALFORMED_AUTHORIZATION);
        }
        String sdkDate = call.firstHeader().apply(AkSkSigner.HEADER_SDK_DATE);
        if (sdkDate == null) {
            return Optional.of(MISSING_SDK_DATE);
        }
        Instant signedAt = parseSdkDate(sdkDate);
        if (signedAt == null) {
            return Optional.of(INVALID_SDK_DATE);
        }
        if (!MessageDigest.isEqual(access.getBytes(StandardCharsets.UTF_8),
                keys.accessKey().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(UNKNOWN_ACCESS_KEY);
        }
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(MAX_CLOCK_SKEW) > 0) {
            return Optional.of(REQUEST_EXPIRED);
        }
        if (call.uri() == null) {
            return Optional.of(SIGNATURE_MISMATCH);
        }
        AkSkSignature expected;
        try {
            SigningRequest received = signedRequest(call, signedHeaders);
            if (received == null) {
                return Optional.of(SIGNATURE_MISMATCH);
            }
            expected = new AkSkSigner(keys, clock).sign(received, signedAt);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of(SIGNATURE_MISMATCH);
        }
        boolean sameHeaders = expected.signedHeaders().equals(signedHeaders);
        boolean sameSignature = MessageDigest.isEqual(expected.signature().getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
        return sameHeaders && sameSignature ? Optional.empty() : Optional.of(SIGNATURE_MISMATCH);
    }

    /**
     * The request as the client signed it: only the headers it names as signed (the signer adds
     * {@code x-sdk-date} itself from the time), or {@code null} when a signed header is missing.
     */
    private static SigningRequest signedRequest(Call call, String signedHeaders) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : signedHeaders.split(";", -1)) {
            if (name.equalsIgnoreCase(AkSkSigner.HEADER_SDK_DATE)) {
                continue;
            }
            if (name.equalsIgnoreCase(AkSkSigner.HEADER_AUTHORIZATION)) {
                return null;
            }
            String value = name.equalsIgnoreCase(AkSkSigner.HEADER_HOST)
                    ? call.uri().getRawAuthority() : call.firstHeader().apply(name);
            if (name.isEmpty() || value == null) {
                return null;
            }
            headers.put(name, List.of(value));
        }
        return new SigningRequest(call.method(), call.uri(), headers, call.body().read());
    }

    /** {@code Access=…, SignedHeaders=…, Signature=…} after the algorithm name; repeated or unknown parts fail. */
    static Map<String, String> parseAuthorization(String authorization) {
        Map<String, String> parts = new LinkedHashMap<>();
        String rest = authorization.substring(AkSkSigner.ALGORITHM.length() + 1);
        for (String part : rest.split(",", -1)) {
            String trimmed = part.strip();
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                return Map.of();
            }
            String name = trimmed.substring(0, eq);
            if (!List.of("Access", "SignedHeaders", "Signature").contains(name)
                    || parts.put(name, trimmed.substring(eq + 1)) != null) {
                return Map.of();
            }
        }
        return parts;
    }

    /** The time of a {@code yyyyMMdd'T'HHmmss'Z'} value, or {@code null} if it is not exactly that form. */
    static Instant parseSdkDate(String value) {
        try {
            Instant instant = SDK_DATE.parse(value, Instant::from);
            return AkSkSigner.formatSdkDate(instant).equals(value) ? instant : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The URL the client addressed: its scheme, the {@code Host} header's authority and the request target
     * exactly as sent; {@code null} if they do not form a URI.
     */
    private static URI requestUri(HttpServerRequest request) {
        String host = request.headers().get(AkSkSigner.HEADER_HOST);
        if (host == null) {
            host = request.host();
        }
        String target = request.uri();
        if (host == null || host.isEmpty() || target == null || !target.startsWith("/")) {
            return null;
        }
        try {
            return new URI(request.scheme() + "://" + host + target);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
