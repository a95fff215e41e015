package com.policyconsole.console.config;

import com.policyconsole.domain.model.account.AccountResult;
import com.policyconsole.domain.model.account.FieldError;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import com.policyconsole.domain.validation.AccountRules;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * At the first start (no user at all) creates user {@value #USERNAME} with every role. Its password is
 * {@code POLICYCONSOLE_ADMIN_PASSWORD} if set — the console refuses to start if that is not a valid password —
 * or else a random one of {@value #GENERATED_LENGTH} characters, printed once to the log. A supplied password
 * is never logged. Several instances starting at once on an empty database create one admin between them.
 */
@ApplicationScoped
public class FirstAdmin {

    static final String USERNAME = "admin";
    static final int GENERATED_LENGTH = 20;

    /** Key of the PostgreSQL advisory lock that serialises first starts. */
    private static final long FIRST_START_LOCK = 0x5043_0001L;

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ManageAccountsUseCase accounts;
    private final EntityManager em;
    private final Optional<String> suppliedPassword;

    public FirstAdmin(ManageAccountsUseCase accounts, EntityManager em,
            @ConfigProperty(name = "policyconsole.security.admin-password") Optional<String> suppliedPassword) {
        this.accounts = accounts;
        this.em = em;
        this.suppliedPassword = suppliedPassword;
    }

    void onStart(@Observes StartupEvent event) {
        createIfNoUsers(suppliedPassword);
    }

    /** What the first-start check did. */
    sealed interface Outcome {

        record UsersExist() implements Outcome {
        }

        record CreatedWithSuppliedPassword() implements Outcome {
        }

        /** The password is returned to the caller only; the log has had it once. */
        record CreatedWithGeneratedPassword(String password) implements Outcome {

            @Override
            public String toString() {
                return "CreatedWithGeneratedPassword[password=****]";
            }
        }
    }

    /**
     * Creates the first admin if there is no user, with {@code supplied} as password or a generated one.
     *
     * @throws IllegalStateException if a supplied password is needed and breaks {@link AccountRules#password}
     */
    Outcome createIfNoUsers(Optional<String> supplied) {
        return QuarkusTransaction.requiringNew().<Outcome>call(() -> {
            em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) as l")
                    .setParameter(1, FIRST_START_LOCK).getSingleResult();
            if (!accounts.isEmpty()) {
                if (supplied.isPresent()) {
                    LOG.info("POLICYCONSOLE_ADMIN_PASSWORD is ignored: the console already has users");
                }
                return new Outcome.UsersExist();
            }
            if (supplied.isPresent()) {
                List<FieldError> errors = AccountRules.password(supplied.get(), USERNAME);
                if (!errors.isEmpty()) {
                    throw new IllegalStateException("POLICYCONSOLE_ADMIN_PASSWORD cannot be the first admin's password: "
                            + errors.stream().map(FieldError::message).collect(Collectors.joining(" "))
                            + " Set a longer one, or unset it to have a password generated and logged once.");
                }
                create(supplied.get());
                LOG.infof("First start: created user '%s' (roles %s) with the password of POLICYCONSOLE_ADMIN_PASSWORD",
                        USERNAME, String.join(", ", ROLES));
                return new Outcome.CreatedWithSuppliedPassword();
            }
            String generated = randomPassword(GENERATED_LENGTH);
            create(generated);
            LOG.warnf("%n%s%nFirst start: log in as %s with password %s%n(change it on /account;"
                    + " this password is shown only this once)%n%s", "=".repeat(72), USERNAME, generated, "=".repeat(72));
            return new Outcome.CreatedWithGeneratedPassword(generated);
        });
    }

    /**
     * The first admin's roles: every role but approver. An approval counts only from a second person, so another admin
     * grants the approver role (README, "Four-eyes approval").
     */
    static final List<String> ROLES = List.of(Roles.OPERATOR, Roles.AUDITOR, Roles.ADMIN);

    /** A random password of {@code length} letters and digits, without look-alikes such as 0/O and 1/l/I. */
    static String randomPassword(int length) {
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    private void create(String password) {
        AccountResult result = accounts.create(ManageAccountsUseCase.FIRST_START, USERNAME, password, ROLES);
        if (!(result instanceof AccountResult.Done)) {
            throw new IllegalStateException("could not create the first admin: " + result);
        }
    }
}
