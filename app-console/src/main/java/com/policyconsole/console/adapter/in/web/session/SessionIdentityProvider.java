package com.policyconsole.console.adapter.in.web.session;

import com.policyconsole.domain.port.in.AuthenticateUseCase;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Restores the user of a session cookie on every request, with the roles stored now: a user who was disabled or
 * deleted meanwhile loses the session at once (and the browser is told to drop the cookie, so the redirect to
 * the login page does not loop), and a change of roles applies at the next request.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(SessionIdentityProvider.class);

    private final AuthenticateUseCase accounts;
    private final SessionCookie cookie;

    public SessionIdentityProvider(AuthenticateUseCase accounts, SessionCookie cookie) {
        this.accounts = accounts;
        this.cookie = cookie;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getPrincipal();
        return context.runBlocking(() -> accounts.active(username)
                .map(Identities::of)
                .orElseThrow(() -> {
                    LOG.infof("Session of '%s' ended: the user is disabled or no longer exists", Identities.forLog(username));
                    RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
                    if (routing != null) {
                        cookie.clear(routing);
                    }
                    return new AuthenticationFailedException();
                }));
    }
}
