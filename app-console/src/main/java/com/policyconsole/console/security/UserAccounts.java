package com.policyconsole.console.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The console's user accounts: create, set the password, set the roles, enable or disable, list, and the two
 * checks login needs. Input is validated by {@link AccountRules} into an {@link AccountResult}; passwords are
 * stored only as bcrypt hashes. Bcrypt runs outside any database transaction, so a slow hash never holds a
 * connection. Every change is logged with who made it (never a password).
 */
@ApplicationScoped
public class UserAccounts {

    private static final Logger LOG = Logger.getLogger(UserAccounts.class);

    private final Clock clock;

    public UserAccounts(Clock clock) {
        this.clock = clock;
    }

    /** Every account, by name. */
    public List<UserAccount> list() {
        return inTransaction(() -> ConsoleUserEntity.<ConsoleUserEntity>listAll().stream()
                .map(UserAccounts::toAccount)
                .sorted((a, b) -> a.username().compareToIgnoreCase(b.username()))
                .toList());
    }

    public Optional<UserAccount> find(long id) {
        return inTransaction(() -> ConsoleUserEntity.<ConsoleUserEntity>findByIdOptional(id).map(UserAccounts::toAccount));
    }

    /** The account of this name (any case), if it exists and is enabled: whether a session may go on. */
    public Optional<UserAccount> active(String username) {
        return inTransaction(() -> ConsoleUserEntity.findByUsername(username)
                .filter(u -> u.enabled)
                .map(UserAccounts::toAccount));
    }

    /**
     * The enabled account of this name (any case) whose password this is. Runs exactly one bcrypt verification
     * whether or not the user exists, so the answer takes about as long either way.
     */
    public Optional<UserAccount> authenticate(String username, String password) {
        if (!AccountRules.username(username).isEmpty() || !AccountRules.password(password, null).isEmpty()) {
            // no stored account has such a name or password; spend the time all the same
            PasswordHasher.verifyAgainstNobody(password.length() > 72 ? password.substring(0, 72) : password);
            return Optional.empty();
        }
        Optional<Credentials> stored = inTransaction(() -> ConsoleUserEntity.findByUsername(username)
                .map(u -> new Credentials(toAccount(u), u.passwordHash)));
        if (stored.isEmpty()) {
            PasswordHasher.verifyAgainstNobody(password);
            return Optional.empty();
        }
        boolean matches = PasswordHasher.matches(password, stored.get().hash());
        UserAccount account = stored.get().account();
        return matches && account.enabled() ? Optional.of(account) : Optional.empty();
    }

    /** Whether there is no account at all (the first start). */
    public boolean isEmpty() {
        return inTransaction(() -> ConsoleUserEntity.count() == 0);
    }

    /** A new, enabled account. {@code actor} is who creates it, for the log. */
    public AccountResult create(String actor, String username, String password, Collection<String> roles) {
        List<FieldError> errors = new ArrayList<>();
        errors.addAll(AccountRules.username(username));
        errors.addAll(AccountRules.password(password, username));
        errors.addAll(AccountRules.roles(roles));
        if (!errors.isEmpty()) {
            return new AccountResult.Refused(errors);
        }
        String hash = PasswordHasher.hash(password);
        AccountResult result = inTransaction(() -> {
            if (ConsoleUserEntity.findByUsername(username).isPresent()) {
                return new AccountResult.Refused(List.of(new FieldError("username", "username_taken",
                        "There is already a user '" + username + "' (names are compared without case).")));
            }
            Instant now = clock.instant();
            ConsoleUserEntity user = new ConsoleUserEntity();
            user.username = username;
            user.passwordHash = hash;
            user.roles = AccountRules.toColumn(roles);
            user.enabled = true;
            user.createdAt = now;
            user.updatedAt = now;
            user.persistAndFlush();
            return new AccountResult.Done(toAccount(user));
        });
        if (result instanceof AccountResult.Done done) {
            LOG.infof("User '%s' created by '%s' with roles %s", username, actor, done.account().roles());
        }
        return result;
    }

    /** A new password for account {@code id}; the old one stops working at once. */
    public AccountResult setPassword(String actor, long id, String password) {
        Optional<UserAccount> account = find(id);
        if (account.isEmpty()) {
            return new AccountResult.NotFound(id);
        }
        List<FieldError> errors = AccountRules.password(password, account.get().username());
        if (!errors.isEmpty()) {
            return new AccountResult.Refused(errors);
        }
        String hash = PasswordHasher.hash(password);
        AccountResult result = change(id, user -> {
            user.passwordHash = hash;
            return List.of();
        });
        if (result instanceof AccountResult.Done done) {
            LOG.infof("Password of user '%s' set by '%s'", done.account().username(), actor);
        }
        return result;
    }

    /** New roles for account {@code id}; an admin cannot take the admin role from themself. */
    public AccountResult setRoles(String actor, long id, Collection<String> roles) {
        List<FieldError> errors = AccountRules.roles(roles);
        if (!errors.isEmpty()) {
            return find(id).<AccountResult>map(a -> new AccountResult.Refused(errors))
                    .orElse(new AccountResult.NotFound(id));
        }
        AccountResult result = change(id, user -> {
            if (user.username.equalsIgnoreCase(actor) && !roles.contains(Roles.ADMIN)) {
                return List.of(new FieldError("roles", "admin_demotes_self",
                        "You cannot take the admin role from yourself; ask another admin."));
            }
            user.roles = AccountRules.toColumn(roles);
            return List.of();
        });
        if (result instanceof AccountResult.Done done) {
            LOG.infof("Roles of user '%s' set to %s by '%s'", done.account().username(), done.account().roles(), actor);
        }
        return result;
    }

    /** Enables or disables account {@code id}; a disabled user's sessions end at their next request. */
    public AccountResult setEnabled(String actor, long id, boolean enabled) {
        AccountResult result = change(id, user -> {
            if (!enabled && user.username.equalsIgnoreCase(actor)) {
                return List.of(new FieldError("enabled", "admin_disables_self",
                        "You cannot disable your own account; ask another admin."));
            }
            user.enabled = enabled;
            return List.of();
        });
        if (result instanceof AccountResult.Done done) {
            LOG.infof("User '%s' %s by '%s'", done.account().username(), enabled ? "enabled" : "disabled", actor);
        }
        return result;
    }

    /**
     * Applies {@code edit} to account {@code id} in one transaction. An edit checks first and changes the entity
     * only when it reports no errors.
     */
    private AccountResult change(long id, Function<ConsoleUserEntity, List<FieldError>> edit) {
        return inTransaction(() -> {
            ConsoleUserEntity user = ConsoleUserEntity.findById(id);
            if (user == null) {
                return new AccountResult.NotFound(id);
            }
            List<FieldError> errors = edit.apply(user);
            if (!errors.isEmpty()) {
                return new AccountResult.Refused(errors);
            }
            user.updatedAt = clock.instant();
            user.flush();
            return new AccountResult.Done(toAccount(user));
        });
    }

    private static UserAccount toAccount(ConsoleUserEntity user) {
        return new UserAccount(user.id, user.username, AccountRules.fromColumn(user.roles), user.enabled,
                user.createdAt, user.updatedAt);
    }

    private static <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.joiningExisting().call(work::get);
    }

    private record Credentials(UserAccount account, String hash) {
    }
}
