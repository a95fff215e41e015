package com.policyconsole.domain.service;

import com.policyconsole.domain.model.account.AccountChange;
import com.policyconsole.domain.model.account.AccountResult;
import com.policyconsole.domain.model.account.FieldError;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.account.StoredAccount;
import com.policyconsole.domain.model.account.UserAccount;
import com.policyconsole.domain.port.in.AuthenticateUseCase;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import com.policyconsole.domain.port.out.AccountStore;
import com.policyconsole.domain.port.out.PasswordHashing;
import com.policyconsole.domain.port.out.SessionEpochs;
import com.policyconsole.domain.validation.AccountRules;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's user accounts. Input is checked by {@link AccountRules} into an {@link AccountResult}; passwords are
 * kept only as hashes, made before the store is touched so that a slow hash never holds a database connection.
 * Every change is logged with who made it, never with a password.
 */
public final class AccountService implements ManageAccountsUseCase, AuthenticateUseCase {

    private static final System.Logger LOG = System.getLogger(AccountService.class.getName());

    /**
     * How long the account of a session is kept between reads of the store: every request needs it, and a user who is
     * disabled, deleted or demoted — by this console or another on the same database — loses access within this.
     */
    public static final Duration SESSION_ACCOUNT_KEPT = Duration.ofSeconds(2);
    /** Most session accounts kept at once; beyond it the oldest are forgotten. */
    static final int MAX_KEPT = 10_000;

    private final AccountStore store;
    private final PasswordHashing hashing;
    private final SessionEpochs epochs;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final Map<String, KeptEpoch> keptEpochs = new ConcurrentHashMap<>();

    /** A session epoch as read at {@code readAt}. */
    private record KeptEpoch(long epoch, Instant readAt) {
    }

    /** A session account as read at {@code readAt}; empty when there was no such enabled account. */
    private record Kept(Optional<UserAccount> account, Instant readAt) {
    }

    public AccountService(AccountStore store, PasswordHashing hashing, Clock clock) {
        this(store, hashing, null, clock);
    }

    /** @param epochs the users' session epochs; null: sessions end only when they expire or the user is disabled */
    public AccountService(AccountStore store, PasswordHashing hashing, SessionEpochs epochs, Clock clock) {
        this.epochs = epochs;
        this.store = Objects.requireNonNull(store, "'store' must not be null");
        this.hashing = Objects.requireNonNull(hashing, "'hashing' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    @Override
    public List<UserAccount> list() {
        return store.list().stream().sorted(Comparator.comparing(UserAccount::username, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    @Override
    public Optional<UserAccount> find(long id) {
        return store.find(id);
    }

    /** The account of a session: read from the store at most once per {@link #SESSION_ACCOUNT_KEPT} and name. */
    @Override
    public Optional<UserAccount> active(String username) {
        String key = username == null ? "" : username.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Kept known = kept.get(key);
        if (known != null && now.isBefore(known.readAt().plus(SESSION_ACCOUNT_KEPT)) && !now.isBefore(known.readAt())) {
            return known.account();
        }
        Optional<UserAccount> account = store.findByUsername(username).map(StoredAccount::account)
                .filter(UserAccount::enabled);
        if (kept.size() >= MAX_KEPT) {
            kept.values().removeIf(k -> !now.isBefore(k.readAt().plus(SESSION_ACCOUNT_KEPT)));
            if (kept.size() >= MAX_KEPT) {
                kept.clear();
            }
        }
        kept.put(key, new Kept(account, now));
        return account;
    }

    /**
     * A change made here applies to the next request at once; other consoles see it within the keeping time. A change
     * of password, roles or enabled ends the user's sessions.
     */
    private void forget(AccountResult result) {
        if (result instanceof AccountResult.Done done) {
            kept.remove(done.account().username().toLowerCase(Locale.ROOT));
            endSessions(done.account().username());
        }
    }

    /** The epoch of a user's sessions: read from the store at most once per {@link #SESSION_ACCOUNT_KEPT}. */
    @Override
    public long sessionEpoch(String username) {
        if (epochs == null) {
            return 0;
        }
        String key = username == null ? "" : username.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        KeptEpoch known = keptEpochs.get(key);
        if (known != null && now.isBefore(known.readAt().plus(SESSION_ACCOUNT_KEPT)) && !now.isBefore(known.readAt())) {
            return known.epoch();
        }
        long epoch = epochs.current(key);
        if (keptEpochs.size() >= MAX_KEPT) {
            keptEpochs.clear();
        }
        keptEpochs.put(key, new KeptEpoch(epoch, now));
        return epoch;
    }

    @Override
    public void endSessions(String username) {
        if (epochs == null || username == null) {
            return;
        }
        String key = username.toLowerCase(Locale.ROOT);
        long epoch = epochs.advance(key);
        keptEpochs.put(key, new KeptEpoch(epoch, clock.instant()));
    }

    @Override
    public Optional<UserAccount> authenticate(String username, String password) {
        if (!AccountRules.username(username).isEmpty() || !AccountRules.password(password, null).isEmpty()) {
            // no stored account has such a name or password; spend the time all the same
            String typed = password == null ? "" : password;
            hashing.spendVerification(typed.length() > AccountRules.PASSWORD_MAX_BYTES
                    ? typed.substring(0, AccountRules.PASSWORD_MAX_BYTES) : typed);
            return Optional.empty();
        }
        Optional<StoredAccount> stored = store.findByUsername(username);
        if (stored.isEmpty()) {
            hashing.spendVerification(password);
            return Optional.empty();
        }
        boolean matches = hashing.matches(password, stored.get().passwordHash());
        UserAccount account = stored.get().account();
        return matches && account.enabled() ? Optional.of(account) : Optional.empty();
    }

    @Override
    public boolean isEmpty() {
        return store.isEmpty();
    }

    @Override
    public AccountResult create(String actor, String username, String password, Collection<String> roles) {
        List<FieldError> errors = new ArrayList<>();
        errors.addAll(AccountRules.username(username));
        errors.addAll(AccountRules.password(password, username));
        errors.addAll(AccountRules.roles(roles));
        if (!errors.isEmpty()) {
            return new AccountResult.Refused(errors);
        }
        boolean bySomeoneElse = !FIRST_START.equals(actor) && !username.equalsIgnoreCase(actor);
        Optional<UserAccount> created = store.insert(username, hashing.hash(password), AccountRules.ordered(roles),
                clock.instant(), actor, bySomeoneElse);
        if (created.isEmpty()) {
            return new AccountResult.Refused(List.of(new FieldError("username", "username_taken",
                    "There is already a user '" + username + "' (names are compared without case).")));
        }
        kept.remove(username.toLowerCase(Locale.ROOT));
        log("User '%s' created by '%s' with roles %s", username, actor, created.get().roles());
        return new AccountResult.Done(created.get());
    }

    @Override
    public AccountResult setPassword(String actor, long id, String password) {
        Optional<UserAccount> account = find(id);
        if (account.isEmpty()) {
            return new AccountResult.NotFound(id);
        }
        List<FieldError> errors = AccountRules.password(password, account.get().username());
        if (!errors.isEmpty()) {
            return new AccountResult.Refused(errors);
        }
        String hash = hashing.hash(password);
        AccountResult result = store.change(id, user -> new AccountChange.NewPasswordHash(hash, !user.isSelf(actor)),
                clock.instant(), actor);
        forget(result);
        if (result instanceof AccountResult.Done done) {
            log("Password of user '%s' set by '%s'", done.account().username(), actor);
        }
        return result;
    }

    @Override
    public AccountResult changeOwnPassword(String username, String current, String password) {
        Optional<UserAccount> account = authenticate(username, current);
        if (account.isEmpty()) {
            return new AccountResult.Refused(List.of(new FieldError("current_password", "wrong_password",
                    "This is not your current password.")));
        }
        List<FieldError> errors = new ArrayList<>(AccountRules.password(password, account.get().username()));
        if (errors.isEmpty() && password.equals(current)) {
            errors.add(new FieldError("password", "same_password", "Choose a password other than the current one."));
        }
        if (!errors.isEmpty()) {
            return new AccountResult.Refused(errors);
        }
        String hash = hashing.hash(password);
        String self = account.get().username();
        AccountResult result = store.change(account.get().id(), user -> new AccountChange.NewPasswordHash(hash, false),
                clock.instant(), self);
        forget(result);
        if (result instanceof AccountResult.Done) {
            log("User '%s' set their own password", self);
        }
        return result;
    }

    @Override
    public Optional<String> whyApprovalDoesNotCount(String approver, Duration window) {
        Optional<UserAccount> account = store.findByUsername(approver).map(StoredAccount::account);
        if (account.isEmpty()) {
            return Optional.of("there is no such user");
        }
        UserAccount user = account.get();
        if (user.mustChangePassword()) {
            return Optional.of("your password was set by " + (user.changedBy() == null ? "an admin" : user.changedBy())
                    + " and you have not set your own yet: an approval counts once you have (on /account)");
        }
        Instant since = clock.instant().minus(window);
        if (user.setByOtherAt() != null && user.setByOtherAt().isAfter(since)) {
            return Optional.of("your password or roles were set by someone else at " + user.setByOtherAt()
                    + ", within the approval validity of " + window.toMinutes() + " minutes: an approval counts from "
                    + user.setByOtherAt().plus(window) + " on");
        }
        return Optional.empty();
    }

    @Override
    public AccountResult setRoles(String actor, long id, Collection<String> roles) {
        List<FieldError> errors = AccountRules.roles(roles);
        if (!errors.isEmpty()) {
            return find(id).<AccountResult>map(a -> new AccountResult.Refused(errors))
                    .orElse(new AccountResult.NotFound(id));
        }
        AccountResult result = store.change(id, user -> {
            if (user.isSelf(actor) && !roles.contains(Roles.ADMIN)) {
                return new AccountChange.Refuse(List.of(new FieldError("roles", "admin_demotes_self",
                        "You cannot take the admin role from yourself; ask another admin.")));
            }
            if (user.isSelf(actor) && roles.contains(Roles.APPROVER) && !user.hasRole(Roles.APPROVER)) {
                return new AccountChange.Refuse(List.of(new FieldError("roles", "approver_grants_self",
                        "You cannot make yourself an approver; ask another admin.")));
            }
            return new AccountChange.NewRoles(AccountRules.ordered(roles), !user.isSelf(actor));
        }, clock.instant(), actor);
        forget(result);
        if (result instanceof AccountResult.Done done) {
            log("Roles of user '%s' set to %s by '%s'", done.account().username(), done.account().roles(), actor);
        }
        return result;
    }

    @Override
    public AccountResult setEnabled(String actor, long id, boolean enabled) {
        AccountResult result = store.change(id, user -> !enabled && user.username().equalsIgnoreCase(actor)
                ? new AccountChange.Refuse(List.of(new FieldError("enabled", "admin_disables_self",
                        "You cannot disable your own account; ask another admin.")))
                : new AccountChange.NewEnabled(enabled), clock.instant(), actor);
        forget(result);
        if (result instanceof AccountResult.Done done) {
            log("User '%s' %s by '%s'", done.account().username(), enabled ? "enabled" : "disabled", actor);
        }
        return result;
    }

    private static void log(String format, Object... args) {
        LOG.log(Level.INFO, String.format(format, args));
    }
}
