package com.policyconsole.domain.service;

import static com.policyconsole.domain.TestRequestFactory.WORKSPACE;
import static com.policyconsole.domain.TestRequestFactory.seedPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.bulk.SecMasterLimits;
import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.history.SubmittedRequest;
import com.policyconsole.domain.model.history.WorkspacePolicies;
import com.policyconsole.domain.model.lifecycle.ActiveBlocks;
import com.policyconsole.domain.model.lifecycle.PolicyChange;
import com.policyconsole.domain.model.lifecycle.SecMasterPolicy;
import com.policyconsole.domain.model.lifecycle.TrackedPolicy;
import com.policyconsole.domain.port.in.PolicyChangeCommand;
import com.policyconsole.domain.port.in.SubmissionResult;
import com.policyconsole.domain.validation.ViolationCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The active list beside the history, and removals and ageing changes checked before anything is recorded. */
class PolicyLifecycleServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final InMemoryPorts ports = new InMemoryPorts();
    private final InMemoryLifecycle store = new InMemoryLifecycle();
    private final PolicyLifecycleService lifecycle = new PolicyLifecycleService(ports, store, ports, ports,
            new SecMasterLimits(500, 500, 500, 5, 1, 2500), CLOCK);

    @Test
    void theListFindsAnAddressInsideACidrAndFlagsDriftBothWays() {
        ports.listed.add(listed("p-net", "45.10.0.0/16"));
        ports.listed.add(listed("p-elsewhere", "45.20.1.1"));
        store.follow(new TrackedPolicy(1, WORKSPACE, "25.5.0", "p-net", "BLOCK", List.of("45.10.0.0/16"), null, 1, NOW), null);
        store.follow(new TrackedPolicy(2, WORKSPACE, "25.5.0", "p-gone", "BLOCK", List.of("45.30.1.1"), null, 1, NOW), null);

        ActiveBlocks found = lifecycle.activeBlocks(WORKSPACE, "25.5.0", "45.10.200.7");
        ActiveBlocks all = lifecycle.activeBlocks(WORKSPACE, "25.5.0", "");

        assertThat(found.rows()).extracting(r -> r.policy().policyId()).containsExactly("p-net");
        assertThat(found.rows().get(0).known().entryId()).isEqualTo(1);
        assertThat(all.rows()).filteredOn(ActiveBlocks.Row::drift).extracting(r -> r.policy().policyId())
                .containsExactly("p-elsewhere");
        assertThat(all.notInSecMaster()).extracting(k -> k.policyId()).containsExactly("p-gone");
        assertThat(all.total()).isEqualTo(2);
    }

    @Test
    void aRemovalOfAPolicySecMasterNoLongerHasIsRefusedAndNothingIsRecordedOrSent() {
        ports.listed.add(listed("p-1", "45.1.1.1"));

        SubmissionResult result = lifecycle.submit(new PolicyChangeCommand("bob", WORKSPACE, "25.5.0",
                List.of("p-1", "p-gone"), null, false));

        assertThat(result).isInstanceOfSatisfying(SubmissionResult.Rejected.class, r -> assertThat(r.violations()
                .errors()).extracting(v -> v.code()).containsExactly(ViolationCode.POLICY_NOT_FOUND));
        assertThat(ports.pending).isEmpty();
        assertThat(ports.journal).noneMatch(j -> j.startsWith("cloud:remove"));
    }

    @Test
    void aRemovalIsRecordedWithThePoliciesAndTheEntriesThatCreatedThemBeforeItIsSent() {
        ports.listed.add(listed("p-1", "45.1.1.1"));
        ports.listed.add(listed("p-2", "45.2.2.2"));
        store.follow(new TrackedPolicy(11, WORKSPACE, "25.5.0", "p-1", "BLOCK", List.of("45.1.1.1"), null, 1, NOW), null);

        SubmissionResult result = lifecycle.submit(new PolicyChangeCommand("bob", WORKSPACE, "25.5.0",
                List.of("p-1", "p-2"), null, false));

        assertThat(result).isInstanceOf(SubmissionResult.Sent.class);
        PolicyChange change = ((SubmittedRequest.PolicyChangeSubmission) ports.pending.get(1L).request()).change();
        assertThat(change.subjects()).extracting(PolicyChange.Subject::policyId, PolicyChange.Subject::entryId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("p-1", 11L),
                        org.assertj.core.groups.Tuple.tuple("p-2", null));
        assertThat(ports.pending.get(1L).request().targets()).containsExactly("45.1.1.1", "45.2.2.2");
        assertThat(ports.journal).containsSubsequence("history:pending", "cloud:remove [p-1, p-2]");
    }

    @Test
    void anAgeingInThePastIsAnErrorAndTurningAgeingOnKeepsTheQuota() {
        ports.listed.add(listed("p-1", "45.1.1.1"));
        ports.workspacePolicies = new WorkspacePolicies(List.of(), 10, 1);

        SubmissionResult past = lifecycle.submit(new PolicyChangeCommand("bob", WORKSPACE, "25.5.0", List.of("p-1"),
                BlockAge.until(NOW.minusSeconds(60)), true));
        SubmissionResult full = lifecycle.submit(new PolicyChangeCommand("bob", WORKSPACE, "25.5.0", List.of("p-1"),
                BlockAge.until(NOW.plusSeconds(86_400)), true));

        assertThat(past).isInstanceOfSatisfying(SubmissionResult.Rejected.class, r -> assertThat(r.violations().errors())
                .extracting(v -> v.code()).contains(ViolationCode.AGEING_IN_PAST));
        assertThat(full).isInstanceOfSatisfying(SubmissionResult.Rejected.class, r -> assertThat(r.violations().all())
                .extracting(v -> v.code()).contains(ViolationCode.AGEING_QUOTA_EXCEEDED));
        assertThat(ports.pending).isEmpty();
    }

    @Test
    void anAgeingChangeNamesOnePolicy() {
        assertThat(lifecycle.preview(new PolicyChangeCommand("bob", WORKSPACE, "25.5.0", List.of("p-1", "p-2"),
                BlockAge.none(), false)).violations().errors()).extracting(v -> v.code()).contains(ViolationCode.NOT_ALLOWED);
    }

    private static SecMasterPolicy listed(String id, String object) {
        return new SecMasterPolicy(id, seedPolicy().toBuilder().targets(object).build(), "ENABLED", NOW, "alice");
    }
}
