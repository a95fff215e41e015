package com.policyconsole.adapter.out.auth;

import com.policyconsole.adapter.log.Redactor;
import com.policyconsole.adapter.out.http.AuthenticationFailure;
import com.policyconsole.adapter.out.http.CallAuthentication;
import com.policyconsole.adapter.out.http.CloudSettings.AuthMode;
import com.policyconsole.adapter.out.http.WireRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The selected mode lacks its credentials: the console still starts and previews requests, but every call
 * fails as "not configured" (and is never sent) with a message naming the missing keys.
 */
final class UnconfiguredAuthentication implements Authentication {

    private final AuthMode mode;
    private final String problem;

    UnconfiguredAuthentication(AuthMode mode, String problem) {
        this.mode = mode;
        this.problem = problem;
    }

    @Override
    public CallAuthentication forScope(AuthScope scope) {
        return request -> {
            throw AuthenticationFailure.notConfigured(problem);
        };
    }

    @Override
    public Map<String, String> preview(WireRequest request, AuthScope scope) {
        if (mode != AuthMode.AKSK) {
            return Map.of(TokenAuthentication.HEADER, Redactor.MASK);
        }
        Map<String, String> shown = new LinkedHashMap<>();
        if (scope instanceof AuthScope.Project p) {
            shown.put(AkSkAuthentication.PROJECT_HEADER, p.projectId());
        } else if (((AuthScope.Domain) scope).domainId() != null) {
            shown.put(AkSkAuthentication.DOMAIN_HEADER, ((AuthScope.Domain) scope).domainId());
        }
        shown.put(AkSkSigner.HEADER_SDK_DATE, Redactor.MASK);
        shown.put(AkSkSigner.HEADER_AUTHORIZATION, Redactor.MASK);
        return shown;
    }

    String problem() {
        return problem;
    }

    @Override
    public String toString() {
        return "UnconfiguredAuthentication[mode=" + mode + ", problem=" + problem + "]";
    }
}
