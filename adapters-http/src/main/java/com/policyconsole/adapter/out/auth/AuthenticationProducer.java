package com.policyconsole.adapter.out.auth;

import com.policyconsole.adapter.out.http.CloudCallExecutor;
import com.policyconsole.adapter.out.http.CloudEndpoints;
import com.policyconsole.adapter.out.http.CloudSettings;
import com.policyconsole.adapter.out.http.RestClientFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Chooses the {@link Authentication} of this deployment from {@code policyconsole.cloud.auth}. */
@ApplicationScoped
public class AuthenticationProducer {

    private static final Logger LOG = Logger.getLogger(AuthenticationProducer.class);
    private static final String PREFIX = "policyconsole.cloud.";

    /** The deployment's authentication; a mode without its credentials fails every call, naming what is missing. */
    @Produces
    @ApplicationScoped
    public Authentication authentication(CloudSettings settings, CloudEndpoints endpoints, RestClientFactory clients,
                                         CloudCallExecutor executor) {
        Authentication authentication = create(settings, endpoints, clients, executor, Clock.systemUTC());
        if (authentication instanceof UnconfiguredAuthentication u) {
            LOG.warnf("cloud authentication mode %s is not usable: %s", settings.auth(), u.problem());
        } else {
            LOG.infof("cloud authentication: %s", authentication);
        }
        return authentication;
    }

    /** The authentication for these settings (outside CDI: tests, tools). */
    public static Authentication create(CloudSettings settings, CloudEndpoints endpoints, RestClientFactory clients,
                                        CloudCallExecutor executor, Clock clock) {
        List<String> missing = new ArrayList<>();
        return switch (settings.auth()) {
            case TOKEN -> {
                Optional<Secret> token = required("token", settings.token(), settings.tokenFile(), missing);
                yield token.<Authentication>map(TokenAuthentication::new)
                        .orElseGet(() -> unconfigured(settings.auth(), missing));
            }
            case IAM -> {
                CloudSettings.Iam iam = settings.iam();
                Optional<Secret> user = required("iam.user", iam.user(), iam.userFile(), missing);
                Optional<Secret> password = required("iam.password", iam.password(), iam.passwordFile(), missing);
                Optional<Secret> domain = required("iam.domain-name", iam.domainName(), iam.domainNameFile(), missing);
                yield missing.isEmpty()
                        ? new IamTokenAuthentication(endpoints, clients, executor, user.get(), password.get(),
                                domain.get(), iam.renewBefore(), clock)
                        : unconfigured(settings.auth(), missing);
            }
            case AKSK -> {
                Optional<Secret> ak = required("access-key", settings.accessKey(), settings.accessKeyFile(), missing);
                Optional<Secret> sk = required("secret-key", settings.secretKey(), settings.secretKeyFile(), missing);
                Optional<Secret> st = Secret.from(PREFIX + "security-token", settings.securityToken(),
                        settings.securityTokenFile());
                yield missing.isEmpty()
                        ? new AkSkAuthentication(ak.get(), sk.get(), st, clock)
                        : unconfigured(settings.auth(), missing);
            }
        };
    }

    private static Optional<Secret> required(String name, Optional<String> value, Optional<String> file,
                                             List<String> missing) {
        Optional<Secret> secret = Secret.from(PREFIX + name, value, file);
        if (secret.isEmpty()) {
            missing.add(PREFIX + name + " (or " + PREFIX + name + "-file)");
        }
        return secret;
    }

    private static Authentication unconfigured(CloudSettings.AuthMode mode, List<String> missing) {
        return new UnconfiguredAuthentication(mode, "policyconsole.cloud.auth="
                + mode.name().toLowerCase(java.util.Locale.ROOT) + " needs " + String.join(", ", missing));
    }
}
