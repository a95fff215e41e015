package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.account.AccountResult;
import com.policyconsole.domain.model.account.UserAccount;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The console's user accounts: list, create, set the password, set the roles, enable or disable. */
public interface ManageAccountsUseCase {

    /** Every account, by name. */
    List<UserAccount> list();

    Optional<UserAccount> find(long id);

    /** Whether there is no account at all (the first start). */
    boolean isEmpty();

    /** A new, enabled account; {@code actor} is who creates it. */
    AccountResult create(String actor, String username, String password, Collection<String> roles);

    /** A new password for account {@code id}; the old one stops working at once. */
    AccountResult setPassword(String actor, long id, String password);

    /** New roles for account {@code id}; an admin cannot take the admin role from themself. */
    AccountResult setRoles(String actor, long id, Collection<String> roles);

    /** Enables or disables account {@code id}; nobody can disable their own account. */
    AccountResult setEnabled(String actor, long id, boolean enabled);
}
