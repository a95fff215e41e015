package com.policyconsole.domain.model.account;

import java.util.Objects;

/**
 * An account as the store holds it: the account and its password hash, which never leaves the login check.
 *
 * @param account the account
 * @param passwordHash the password's hash
 */
public record StoredAccount(UserAccount account, String passwordHash) {

    public StoredAccount {
        Objects.requireNonNull(account, "'account' must not be null");
        Objects.requireNonNull(passwordHash, "'passwordHash' must not be null");
    }

    /** The account only: the hash stays out of logs. */
    @Override
    public String toString() {
        return "StoredAccount[account=" + account + ", passwordHash=****]";
    }
}
