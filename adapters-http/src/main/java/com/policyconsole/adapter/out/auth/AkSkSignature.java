package com.policyconsole.adapter.out.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of signing one request: the signature parts and the headers the caller must add.
 *
 * @param sdkDate       the {@code X-Sdk-Date} value that was signed ({@code yyyyMMdd'T'HHmmss'Z'}, UTC)
 * @param host          the {@code Host} value that was signed; the request must be sent with exactly it
 * @param signedHeaders the lower-case signed header names joined with {@code ;}
 * @param signature     lower-case hex HMAC-SHA256 signature
 * @param authorization the complete {@code Authorization} header value
 * @param headersToAdd  headers to add to the request before sending, in this order: {@code X-Sdk-Date},
 *                      {@code Authorization}, then {@code Host} when the request did not carry one,
 *                      then {@code X-Security-Token} for temporary credentials
 */
public record AkSkSignature(String sdkDate, String host, String signedHeaders, String signature,
                            String authorization, Map<String, String> headersToAdd) {

    /** Takes an unmodifiable copy of the headers, keeping their order. */
    public AkSkSignature {
        headersToAdd = Collections.unmodifiableMap(new LinkedHashMap<>(headersToAdd));
    }

    /** Like the record's default, but with the security token redacted. */
    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(headersToAdd);
        shown.computeIfPresent(AkSkSigner.HEADER_SECURITY_TOKEN, (name, value) -> "****");
        return "AkSkSignature[sdkDate=" + sdkDate + ", host=" + host + ", signedHeaders=" + signedHeaders
                + ", signature=" + signature + ", headersToAdd=" + shown + "]";
    }
}
