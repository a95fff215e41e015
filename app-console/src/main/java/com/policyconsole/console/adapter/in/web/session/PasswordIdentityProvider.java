package com.policyconsole.console.adapter.in.web.session;

import com.policyconsole.domain.port.in.AuthenticateUseCase;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Checks the user name and password posted to {@code /j_security_check} against {@code console_user}: the user
 * must exist, be enabled and have that password. The database lookup and bcrypt run off the event loop.
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(PasswordIdentityProvider.class);

    private final AuthenticateUseCase accounts;

    public PasswordIdentityProvider(AuthenticateUseCase accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> accounts.authenticate(username, password)
                .map(account -> {
                    LOG.infof("User '%s' logged in", account.username());
                    return Identities.of(account);
                })
                .orElseThrow(() -> {
                    LOG.infof("Login refused for '%s'", Identities.forLog(username));
                    return new AuthenticationFailedException();
                }));
    }
}
