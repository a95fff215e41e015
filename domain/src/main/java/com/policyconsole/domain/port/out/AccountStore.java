package com.policyconsole.domain.port.out;

import com.policyconsole.domain.model.account.AccountChange;
import com.policyconsole.domain.model.account.AccountResult;
import com.policyconsole.domain.model.account.StoredAccount;
import com.policyconsole.domain.model.account.UserAccount;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Where the console's accounts are kept; user names are unique without regard to case. */
public interface AccountStore {

    List<UserAccount> list();

    Optional<UserAccount> find(long id);

    /** The account of this name (any case) with its password hash. */
    Optional<StoredAccount> findByUsername(String username);

    /** Whether there is no account at all (the first start). */
    boolean isEmpty();

    /**
     * Stores a new, enabled account made by {@code actor}; empty when the name (any case) is taken.
     *
     * @param bySomeoneElse made by someone other than its user: its user must set their own password at the first
     *                      login, and it counts as set by someone else at {@code at}
     */
    Optional<UserAccount> insert(String username, String passwordHash, List<String> roles, Instant at, String actor,
                                 boolean bySomeoneElse);

    /**
     * Decides and applies a change of account {@code id} by {@code actor} in one transaction: {@code decide} sees the
     * account as it is and answers what to change, or why not.
     */
    AccountResult change(long id, Function<UserAccount, AccountChange> decide, Instant at, String actor);
}
