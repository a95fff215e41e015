package com.policyconsole.console.adapter.in.web.session;

import com.policyconsole.domain.model.login.LoginResult;
import com.policyconsole.domain.port.in.AuthenticateUseCase;
import com.policyconsole.domain.port.in.LogInUseCase;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;
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
 * must exist, be enabled and have that password, and neither the name nor the client address may have to wait after
 * failed logins ({@link LogInUseCase}). The database lookup and bcrypt run off the event loop.
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(PasswordIdentityProvider.class);

    private final LogInUseCase logins;
    private final AuthenticateUseCase accounts;
    private final SessionEpochCookie epochCookie;
    private final DeviceCookie deviceCookie;

    public PasswordIdentityProvider(LogInUseCase logins, AuthenticateUseCase accounts, SessionEpochCookie epochCookie,
                                    DeviceCookie deviceCookie) {
        this.logins = logins;
        this.accounts = accounts;
        this.epochCookie = epochCookie;
        this.deviceCookie = deviceCookie;
    }

    /** The address the login came from (the proxy's forwarded one when the console is configured to trust it). */
    private static String clientAddress(UsernamePasswordAuthenticationRequest request) {
        RoutingContext context = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (context == null || context.request().remoteAddress() == null) {
            return null;
        }
        return context.request().remoteAddress().hostAddress();
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
        String address = clientAddress(request);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        String device = deviceCookie.knownDevice(routing, username).orElse(null);
        return context.runBlocking(() -> {
            LoginResult result = logins.logIn(username, password, address, device);
            if (result instanceof LoginResult.LoggedIn in) {
                LOG.infof("User '%s' logged in from %s%s", in.account().username(), address,
                        device == null ? "" : " (a known browser)");
                if (routing != null) {
                    epochCookie.issue(routing, in.account().username(), accounts.sessionEpoch(in.account().username()));
                    if (device == null) {
                        deviceCookie.issue(routing, in.account().username());
                    }
                }
                return Identities.of(in.account());
            }
            if (result instanceof LoginResult.Throttled t) {
                LOG.infof("Login for '%s' from %s not checked: %d s to wait after failed logins",
                        Identities.forLog(username), address, t.retryAfter().toSeconds());
            } else {
                LOG.infof("Login refused for '%s' from %s", Identities.forLog(username), address);
            }
            throw new AuthenticationFailedException();
        });
    }
}
