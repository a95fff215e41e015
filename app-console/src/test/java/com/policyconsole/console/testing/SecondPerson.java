package com.policyconsole.console.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.port.in.ApprovalsUseCase;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;

/**
 * The second person of a test whose change the production approval defaults hold: an approver made for it (their
 * password their own) approves the held entry or job, as one would on {@code /approvals}.
 */
public final class SecondPerson {

    private SecondPerson() {
    }

    /** Approves the held submission {@code entryId}; returns the decision, which must be an approval. */
    public static ApprovalsUseCase.Decision approve(ApprovalsUseCase approvals, ManageAccountsUseCase accounts,
                                                    long entryId) {
        ApprovalsUseCase.Decision decision = approvals.approve(approver(accounts), entryId, "second person of a test");
        assertThat(decision).as("approved").isInstanceOf(ApprovalsUseCase.Decision.Approved.class);
        return decision;
    }

    /** Approves the held bulk job {@code jobId}: its deliveries start. */
    public static void approveJob(ApprovalsUseCase approvals, ManageAccountsUseCase accounts, long jobId) {
        assertThat(approvals.approveJob(approver(accounts), jobId, "second person of a test"))
                .as("approved").isInstanceOf(ApprovalsUseCase.Decision.Started.class);
    }

    private static String approver(ManageAccountsUseCase accounts) {
        return TestUserFactory.create(accounts, "second", Roles.APPROVER).name();
    }
}
