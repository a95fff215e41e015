package com.policyconsole.domain.model.login;

import java.time.Instant;
import java.util.List;

/**
 * What an account's owner is told about logins to it: the last successful login before this session's, and the
 * failures since.
 *
 * @param previousLogin the login before the latest, or null
 * @param previousAddress where it came from
 * @param failuresSince failed or throttled attempts for the account since that login
 * @param recentFailures the latest of them, newest first
 */
public record AccountActivity(Instant previousLogin, String previousAddress, long failuresSince,
                              List<LoginEvent> recentFailures) {

    public AccountActivity {
        recentFailures = List.copyOf(recentFailures);
    }
}
