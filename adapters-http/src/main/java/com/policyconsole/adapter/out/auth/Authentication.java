package com.policyconsole.adapter.out.auth;

import com.policyconsole.adapter.out.http.CallAuthentication;
import com.policyconsole.adapter.out.http.WireRequest;
import java.util.Map;

/**
 * How this deployment authenticates its cloud calls, chosen by {@code policyconsole.cloud.auth}: a given token,
 * an IAM token obtained and renewed by the console, or AK/SK signing.
 */
public interface Authentication {

    /** The authentication of calls with this scope. */
    CallAuthentication forScope(AuthScope scope);

    /**
     * The authentication headers as a preview shows them: the same names the call sends, secret values masked
     * as {@code ****}. Never calls the network.
     */
    Map<String, String> preview(WireRequest request, AuthScope scope);
}
