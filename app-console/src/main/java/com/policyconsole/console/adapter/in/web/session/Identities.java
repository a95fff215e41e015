package com.policyconsole.console.adapter.in.web.session;

import com.policyconsole.domain.model.account.UserAccount;
import com.policyconsole.domain.validation.AccountRules;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Set;

/** Turns a console account into the security identity of a request, and user input into something fit for a log. */
final class Identities {

    private Identities() {
    }

    /** The identity attribute that says the user's password was set by someone else and not yet by them. */
    static final String MUST_CHANGE_PASSWORD = "policyconsole.must-change-password";

    static SecurityIdentity of(UserAccount account) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username()))
                .addRoles(Set.copyOf(account.roles()))
                .addAttribute(MUST_CHANGE_PASSWORD, account.mustChangePassword())
                .build();
    }

    /** A user name as typed at the login form, made safe for one log line: other characters become '?'. */
    static String forLog(String typed) {
        if (typed == null) {
            return "";
        }
        String cut = typed.length() > AccountRules.USERNAME_MAX_LENGTH
                ? typed.substring(0, AccountRules.USERNAME_MAX_LENGTH) + "…"
                : typed;
        return cut.replaceAll("[^A-Za-z0-9._@-]", "?");
    }
}
