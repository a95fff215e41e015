package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.login.AccountActivity;
import com.policyconsole.domain.model.login.LoginResult;

/** Logging in with a password, with delays and locks after failures, and what an account's owner is told. */
public interface LogInUseCase {

    /** Checks the password unless the account or the address must wait; every attempt is logged. */
    LoginResult logIn(String username, String password, String address);

    /** The last login before the latest and the failures since, for the account's own page. */
    AccountActivity activity(String username);
}
