package com.policyconsole.console.adapter.out.persistence.account;

import com.policyconsole.domain.model.account.AccountChange;
import com.policyconsole.domain.model.account.AccountResult;
import com.policyconsole.domain.model.account.StoredAccount;
import com.policyconsole.domain.model.account.UserAccount;
import com.policyconsole.domain.model.approval.ApprovalHold;
import com.policyconsole.domain.port.out.AccountStore;
import com.policyconsole.domain.validation.AccountRules;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** {@link AccountStore} on the {@code console_user} table; each call is one transaction (or joins the caller's). */
@ApplicationScoped
public class PostgresAccountStore implements AccountStore {

    @Override
    public List<UserAccount> list() {
        return inTransaction(() -> ConsoleUserEntity.<ConsoleUserEntity>listAll().stream()
                .map(PostgresAccountStore::toAccount).toList());
    }

    @Override
    public Optional<UserAccount> find(long id) {
        return inTransaction(() -> ConsoleUserEntity.<ConsoleUserEntity>findByIdOptional(id)
                .map(PostgresAccountStore::toAccount));
    }

    @Override
    public Optional<StoredAccount> findByUsername(String username) {
        return inTransaction(() -> ConsoleUserEntity.findByUsername(username)
                .map(u -> new StoredAccount(toAccount(u), u.passwordHash)));
    }

    @Override
    public boolean isEmpty() {
        return inTransaction(() -> ConsoleUserEntity.count() == 0);
    }

    @Override
    public Optional<UserAccount> insert(String username, String passwordHash, List<String> roles, Instant at,
                                        String actor, boolean bySomeoneElse) {
        return inTransaction(() -> {
            if (ConsoleUserEntity.findByUsername(username).isPresent()) {
                return Optional.empty();
            }
            ConsoleUserEntity user = new ConsoleUserEntity();
            user.username = username;
            user.passwordHash = passwordHash;
            user.roles = AccountRules.toColumn(roles);
            user.enabled = true;
            user.createdAt = at;
            user.updatedAt = at;
            user.changedBy = cut(actor);
            user.setByOtherAt = bySomeoneElse ? at : null;
            user.mustChangePassword = bySomeoneElse;
            user.persistAndFlush();
            return Optional.of(toAccount(user));
        });
    }

    @Override
    public AccountResult change(long id, Function<UserAccount, AccountChange> decide, Instant at, String actor) {
        return inTransaction(() -> {
            ConsoleUserEntity user = ConsoleUserEntity.findById(id);
            if (user == null) {
                return new AccountResult.NotFound(id);
            }
            AccountChange change = decide.apply(toAccount(user));
            if (change instanceof AccountChange.Refuse refuse) {
                return new AccountResult.Refused(refuse.errors());
            }
            if (change instanceof AccountChange.NewPasswordHash hash) {
                user.passwordHash = hash.hash();
                user.mustChangePassword = hash.bySomeoneElse();
                if (hash.bySomeoneElse()) {
                    user.setByOtherAt = at;
                }
            } else if (change instanceof AccountChange.NewRoles roles) {
                user.roles = AccountRules.toColumn(roles.roles());
                if (roles.bySomeoneElse()) {
                    user.setByOtherAt = at;
                }
            } else if (change instanceof AccountChange.NewEnabled enabled) {
                user.enabled = enabled.enabled();
            }
            user.changedBy = cut(actor);
            user.updatedAt = at;
            user.flush();
            return new AccountResult.Done(toAccount(user));
        });
    }

    private static UserAccount toAccount(ConsoleUserEntity user) {
        return new UserAccount(user.id, user.username, AccountRules.fromColumn(user.roles), user.enabled,
                user.createdAt, user.updatedAt, user.setByOtherAt, user.changedBy, user.mustChangePassword);
    }

    /** The user of an actor ({@code alice} of {@code alice (token soar)}), at most as long as the column. */
    private static String cut(String actor) {
        String user = actor == null ? null : ApprovalHold.userOf(actor);
        return user == null || user.length() <= 64 ? user : user.substring(0, 64);
    }

    private static <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.joiningExisting().call(work::get);
    }
}
