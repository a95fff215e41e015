package com.policyconsole.console.adapter.in.api;

import com.policyconsole.console.api.ApiAttributes;

import com.policyconsole.domain.model.token.ApiToken;
import com.policyconsole.domain.port.in.ApiTokensUseCase;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** An API token's identity: its user, the roles it carries that the user still has, and the token itself. */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** The identity's attribute holding the {@link ApiToken}. */
    public static final String TOKEN = com.policyconsole.console.api.ApiAttributes.TOKEN;

    private final ApiTokensUseCase tokens;

    public TokenIdentityProvider(ApiTokensUseCase tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String secret = request.getToken().getToken();
        return context.runBlocking(() -> {
            Optional<ApiToken> token = tokens.authenticate(secret);
            if (token.isEmpty()) {
                throw new AuthenticationFailedException("unknown, revoked or expired API token");
            }
            return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(token.get().username()))
                    .addRoles(new java.util.HashSet<>(token.get().roles())).addAttribute(TOKEN, token.get())
                    .build();
        });
    }
}
