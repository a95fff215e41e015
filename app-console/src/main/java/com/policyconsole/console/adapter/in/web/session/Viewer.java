package com.policyconsole.console.adapter.in.web.session;

import com.policyconsole.console.adapter.in.web.WebSettings;
import com.policyconsole.domain.model.account.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.stream.Collectors;

/** Who is looking at a page, for the templates ({@code inject:viewer}): name, roles, and the mode. */
@Named("viewer")
@RequestScoped
public class Viewer {

    private final SecurityIdentity identity;
    private final WebSettings settings;
    private final boolean onePersonTrial;

    public Viewer(SecurityIdentity identity, WebSettings settings,
                  com.policyconsole.domain.model.approval.ApprovalRules approvals) {
        this.identity = identity;
        this.settings = settings;
        this.onePersonTrial = approvals.onePersonTrial();
    }

    /** Whether approvals are lifted for a one-person trial: every page says so. */
    public boolean onePersonTrial() {
        return onePersonTrial;
    }

    public boolean authenticated() {
        return !identity.isAnonymous();
    }

    public String name() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    /** Whether the viewer asked for what {@code actor} (a user, or a user's token) recorded. */
    public boolean isRequester(String actor) {
        return authenticated() && actor != null
                && com.policyconsole.domain.model.approval.ApprovalHold.userOf(actor).equalsIgnoreCase(name());
    }

    public String roleList() {
        return Roles.ALL.stream().filter(identity::hasRole).collect(Collectors.joining(", "));
    }

    public boolean operator() {
        return identity.hasRole(Roles.OPERATOR);
    }

    public boolean auditor() {
        return identity.hasRole(Roles.AUDITOR);
    }

    public boolean approver() {
        return identity.hasRole(Roles.APPROVER);
    }

    public boolean admin() {
        return identity.hasRole(Roles.ADMIN);
    }

    public boolean canReadHistory() {
        return operator() || auditor();
    }

    public boolean canVerifyAudit() {
        return auditor() || admin();
    }

    public boolean sandbox() {
        return settings.sandbox();
    }
}
