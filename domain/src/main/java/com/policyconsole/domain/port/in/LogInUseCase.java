package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.login.AccountActivity;
import com.policyconsole.domain.model.login.LoginResult;

/** Logging in with a password, with delays and locks after failures, and what an account's owner is told. */
public interface LogInUseCase {

    /** Checks the password unless the account or the address must wait; every attempt is logged. */
    default LoginResult logIn(String username, String password, String address) {
        return logIn(username, password, address, null);
    }

    /**
     * As {@link #logIn(String, String, String)}, from a browser that logged in to this account before when
     * {@code knownDevice} is its (verified) device ID: its failures are counted for the device instead of the name,
     * so that a lock of the name does not shut it out.
     */
    LoginResult logIn(String username, String password, String address, String knownDevice);

    /** The last login before the latest and the failures since, for the account's own page. */
    AccountActivity activity(String username);
}
