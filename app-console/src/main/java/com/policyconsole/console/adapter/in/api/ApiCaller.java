package com.policyconsole.console.adapter.in.api;

import com.policyconsole.console.api.ApiAttributes;

import com.policyconsole.domain.model.token.ApiToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** Who calls the API: the token of the request, and the actor the history records for it (user and token name). */
@RequestScoped
public class ApiCaller {

    private final SecurityIdentity identity;

    public ApiCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The request's token; every API resource needs one, so there always is. */
    public ApiToken token() {
        ApiToken token = identity.getAttribute(ApiAttributes.TOKEN);
        if (token == null) {
            throw new IllegalStateException("an API call without a token reached a resource");
        }
        return token;
    }

    /** {@code alice (token soar-playbook)}. */
    public String actor() {
        return token().actor();
    }
}
