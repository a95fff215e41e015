package com.policyconsole.domain.model.account;

import java.util.List;

/** The console's roles: operators submit and retry, auditors read and export, admins manage users and the sandbox. */
public final class Roles {

    public static final String OPERATOR = "operator";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";
    /** Approves or rejects the submissions that need a second person. */
    public static final String APPROVER = "approver";

    /** Every role, in the order the console lists them. */
    public static final List<String> ALL = List.of(OPERATOR, AUDITOR, APPROVER, ADMIN);

    private Roles() {
    }
}
