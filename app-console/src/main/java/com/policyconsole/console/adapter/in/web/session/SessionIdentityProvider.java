package com.policyconsole.console.adapter.in.web.session;

import java.util.Optional;
import com.policyconsole.domain.model.account.UserAccount;
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
    private final SessionEpochCookie epochCookie;

    public SessionIdentityProvider(AuthenticateUseCase accounts, SessionCookie cookie, SessionEpochCookie epochCookie) {
        this.accounts = accounts;
        this.cookie = cookie;
        this.epochCookie = epochCookie;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getPrincipal();
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        return context.runBlocking(() -> {
            Optional<UserAccount> account = accounts.active(username);
            String ended = account.isEmpty() ? "the user is disabled or no longer exists"
                    : epochCookie.read(routing, username).orElse(-1) != accounts.sessionEpoch(username)
                    ? "the user logged out, changed their password or was changed by an admin" : null;
            if (ended == null) {
                return Identities.of(account.get());
            }
            LOG.infof("Session of '%s' ended: %s", Identities.forLog(username), ended);
            if (routing != null) {
                cookie.clear(routing);
                epochCookie.clear(routing);
            }
            throw new AuthenticationFailedException();
        });
    }
}
