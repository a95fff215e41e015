package com.policyconsole.adapter.out.auth;

import com.policyconsole.adapter.log.Redactor;
import com.policyconsole.adapter.out.http.AuthenticationFailure;
import com.policyconsole.adapter.out.http.CallAuthentication;
import com.policyconsole.adapter.out.http.Uris;
import com.policyconsole.adapter.out.http.WireRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Mode {@code aksk}: every attempt is signed with {@link AkSkSigner} over exactly what is sent — method, URI,
 * the documented headers plus {@code X-Project-Id} (project scope) or {@code X-Domain-Id} (domain scope),
 * the {@code Host} the HTTP client sends, and the body bytes. Adds {@code X-Sdk-Date}, {@code Authorization}
 * and, for temporary credentials, {@code X-Security-Token}.
 */
public final class AkSkAuthentication implements Authentication {

    /** Header naming the project of a project-scoped call. */
    public static final String PROJECT_HEADER = "X-Project-Id";
    /** Header naming the account of a domain-scoped call. */
    public static final String DOMAIN_HEADER = "X-Domain-Id";

    private final Secret accessKey;
    private final Secret secretKey;
    private final Optional<Secret> securityToken;
    private final Clock clock;

    public AkSkAuthentication(Secret accessKey, Secret secretKey, Optional<Secret> securityToken, Clock clock) {
        this.accessKey = Objects.requireNonNull(accessKey, "'accessKey' must not be null");
        this.secretKey = Objects.requireNonNull(secretKey, "'secretKey' must not be null");
        this.securityToken = Objects.requireNonNull(securityToken, "'securityToken' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    @Override
    public CallAuthentication forScope(AuthScope scope) {
        return request -> sign(request, scope);
    }

    @Override
    public Map<String, String> preview(WireRequest request, AuthScope scope) {
        Map<String, String> shown = new LinkedHashMap<>();
        try {
            sign(request, scope).forEach((name, value) -> shown.put(name, Redactor.maskHeader(name, value)));
        } catch (AuthenticationFailure unreadableKeys) {
            // The preview still shows which headers the call carries.
            shown.putAll(scopeHeader(scope));
            shown.put(AkSkSigner.HEADER_SDK_DATE, AkSkSigner.formatSdkDate(clock.instant()));
            shown.put(AkSkSigner.HEADER_AUTHORIZATION, AkSkSigner.ALGORITHM + " Access=" + Redactor.MASK
                    + ", SignedHeaders=" + Redactor.MASK + ", Signature=" + Redactor.MASK);
            securityToken.ifPresent(t -> shown.put(AkSkSigner.HEADER_SECURITY_TOKEN, Redactor.MASK));
        }
        return shown;
    }

    private Map<String, String> sign(WireRequest request, AuthScope scope) {
        Map<String, String> added = new LinkedHashMap<>(scopeHeader(scope));
        Map<String, List<String>> signed = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> signed.put(name, List.of(value)));
        added.forEach((name, value) -> signed.put(name, List.of(value)));
        signed.put(AkSkSigner.HEADER_HOST, List.of(Uris.hostHeader(request.uri())));

        AkSkSignature signature;
        try {
            AkSkCredentials credentials = new AkSkCredentials(accessKey.reveal(), secretKey.reveal(),
                    securityToken.map(Secret::reveal).orElse(null));
            signature = new AkSkSigner(credentials, clock)
                    .sign(new SigningRequest(request.method(), request.uri(), signed, request.bodyBytes()));
        } catch (IllegalArgumentException e) {
            // The messages name the offending part, never a key.
            throw AuthenticationFailure.notConfigured("the request cannot be signed: " + e.getMessage());
        }
        added.putAll(signature.headersToAdd());
        return added;
    }

    private static Map<String, String> scopeHeader(AuthScope scope) {
        if (scope instanceof AuthScope.Project p) {
            return Map.of(PROJECT_HEADER, p.projectId());
        }
        AuthScope.Domain d = (AuthScope.Domain) scope;
        return d.domainId() == null ? Map.of() : Map.of(DOMAIN_HEADER, d.domainId());
    }

    @Override
    public String toString() {
        return "AkSkAuthentication[" + accessKey + ", " + secretKey
                + securityToken.map(t -> ", " + t).orElse("") + "]";
    }
}
