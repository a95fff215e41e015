package com.policyconsole.domain.model.login;

import com.policyconsole.domain.model.account.UserAccount;
import java.time.Duration;

/** What became of a login attempt; a person is told only "logged in" or "not", never whether the user exists. */
public sealed interface LoginResult {

    /** The password was right: the session's account. */
    record LoggedIn(UserAccount account) implements LoginResult {
    }

    /** Wrong user name or password, or a disabled account. */
    record Refused() implements LoginResult {
    }

    /** Not checked: the account or the address must wait this long. */
    record Throttled(Duration retryAfter) implements LoginResult {
    }
}
