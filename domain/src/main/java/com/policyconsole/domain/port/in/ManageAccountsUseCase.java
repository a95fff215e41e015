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

    /** The actor of the first admin's creation at the console's first start (whose password its owner chose). */
    String FIRST_START = "first start";

    /**
     * A new, enabled account; {@code actor} is who creates it. Made by someone other than its user (and not at the
     * first start), its user must set their own password at the first login.
     */
    AccountResult create(String actor, String username, String password, Collection<String> roles);

    /**
     * A new password for account {@code id}, set by an admin; the old one stops working at once and the user must
     * set their own at the next login.
     */
    AccountResult setPassword(String actor, long id, String password);

    /**
     * The user {@code username} sets their own password: refused unless {@code current} is the password now (the
     * field {@code current_password}) and {@code password} passes the rules.
     */
    AccountResult changeOwnPassword(String username, String current, String password);

    /**
     * Why an approval by {@code approver} would not count now: their password was set by someone else and not yet by
     * them, or their password or roles were set by someone else within {@code window}. Empty when it counts.
     */
    Optional<String> whyApprovalDoesNotCount(String approver, java.time.Duration window);

    /** New roles for account {@code id}; an admin cannot take the admin role from themself. */
    AccountResult setRoles(String actor, long id, Collection<String> roles);

    /** Enables or disables account {@code id}; nobody can disable their own account. */
    AccountResult setEnabled(String actor, long id, boolean enabled);
}
