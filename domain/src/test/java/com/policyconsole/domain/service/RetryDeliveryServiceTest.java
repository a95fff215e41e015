package com.policyconsole.domain.service;

import static com.policyconsole.domain.TestRequestFactory.WORKSPACE;
import static com.policyconsole.domain.TestRequestFactory.seedEmergencyRequest;
import static com.policyconsole.domain.TestRequestFactory.seedPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.emergency.BlockTarget;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.HistoryDetail;
import com.policyconsole.domain.model.history.HistoryEntry;
import com.policyconsole.domain.model.history.HistoryFilter;
import com.policyconsole.domain.model.history.HistoryPage;
import com.policyconsole.domain.model.history.KnownPolicy;
import com.policyconsole.domain.model.history.Operation;
import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.model.history.RequestStatus;
import com.policyconsole.domain.model.history.WorkspacePolicies;
import com.policyconsole.domain.port.CloudReadException;
import com.policyconsole.domain.port.in.RetryDeliveryCommand;
import com.policyconsole.domain.port.in.RetryDeliveryResult;
import com.policyconsole.domain.port.in.SubmissionResult;
import com.policyconsole.domain.port.out.HistoryReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryDeliveryServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    private final InMemoryPorts ports = new InMemoryPorts();
    private final Map<Long, HistoryDetail> entries = new HashMap<>();
    private RetryDeliveryService retries;

    @BeforeEach
    void wire() {
        EmergencyPolicyService policies = new EmergencyPolicyService(ports, new EmergencyPolicyChecks(ports, CLOCK),
                ports, CLOCK);
        retries = new RetryDeliveryService(new Entries(), ports, policies);
    }

    /** Records entry {@code id} as a create of the seed policy that ended with {@code status}. */
    private void recorded(long id, RequestStatus status, Long resolvedBy) {
        RenderedRequest sent = ports.prepare(seedEmergencyRequest()).rendered();
        HistoryEntry entry = new HistoryEntry(id, Operation.CREATE_EMERGENCY_POLICY, "alice", status, CLOCK.instant(),
                CLOCK.instant(), 5L, WORKSPACE.projectId(), WORKSPACE.workspaceId(), null, PolicyCategory.BLOCK, null,
                null, null, null, null, null, null, null, null, null, List.of("1.2.3.4"), null, null, null);
        entries.put(id, new HistoryDetail(entry, sent, null, resolvedBy));
    }

    private void secMasterHolds(String... policyIds) {
        List<BlockTarget> targets = seedPolicy().parsedTargets();
        ports.workspacePolicies = new WorkspacePolicies(java.util.Arrays.stream(policyIds)
                .map(id -> new KnownPolicy(id, PolicyCategory.BLOCK, targets, null)).toList(), policyIds.length, 0);
    }

    private RetryDeliveryResult retry(long id) {
        return retries.retry(new RetryDeliveryCommand("bob", id));
    }

    @Test
    void anUnknownCreateWhosePolicySecMasterHoldsIsRetriedWithThatPolicyAndLinkedToTheEntry() {
        recorded(7, RequestStatus.UNKNOWN, null);
        secMasterHolds("policy-1");

        RetryDeliveryResult result = retry(7);

        assertThat(result).isInstanceOfSatisfying(RetryDeliveryResult.Submitted.class,
                s -> assertThat(s.result()).isInstanceOf(SubmissionResult.Sent.class));
        EmergencyPolicyRequest sent = ports.pending.get(1L).request() instanceof
                com.policyconsole.domain.model.history.SubmittedRequest.EmergencyPolicySubmission s ? s.request() : null;
        assertThat(sent.actionType()).isEqualTo("retry");
        assertThat(sent.retryList()).containsExactly("policy-1");
        assertThat(ports.pending.get(1L).retryOf()).isEqualTo(7L);
        assertThat(ports.pending.get(1L).actor()).isEqualTo("bob");
    }

    @Test
    void aFailedCreateIsOfferedToBeSentAgainWithoutSearchingOrSending() {
        recorded(8, RequestStatus.FAILED, null);
        ports.workspacePolicies = null;

        assertThat(retry(8)).isInstanceOfSatisfying(RetryDeliveryResult.SendAgain.class, again -> {
            assertThat(again.policy()).isEqualTo(seedPolicy());
            assertThat(again.workspace()).isEqualTo(WORKSPACE);
            assertThat(again.reason()).contains("certainly did not reach SecMaster");
        });
        assertThat(ports.journal).isEmpty();
    }

    @Test
    void anUnknownCreateWithoutAPolicyInSecMasterIsOfferedToBeSentAgain() {
        recorded(9, RequestStatus.UNKNOWN, null);
        secMasterHolds();

        assertThat(retry(9)).isInstanceOfSatisfying(RetryDeliveryResult.SendAgain.class,
                again -> assertThat(again.reason()).contains("holds no policy with these objects"));
        assertThat(ports.journal).isEmpty();
    }

    @Test
    void severalMatchingPoliciesAreNamedAndNothingIsSent() {
        recorded(10, RequestStatus.UNKNOWN, null);
        secMasterHolds("policy-1", "policy-2");

        assertThat(retry(10)).isInstanceOfSatisfying(RetryDeliveryResult.Ambiguous.class,
                a -> assertThat(a.policyIds()).containsExactly("policy-1", "policy-2"));
        assertThat(ports.journal).isEmpty();
    }

    @Test
    void aSearchThatFailsSendsNothing() {
        recorded(11, RequestStatus.UNKNOWN, null);
        InMemoryPorts unreadable = new InMemoryPorts() {
            @Override
            public WorkspacePolicies search(com.policyconsole.domain.model.emergency.SecMasterWorkspace workspace,
                                            String version) {
                throw new CloudReadException("503 from SecMaster", new CloudOutcome.Failed(503, null, null, null, null));
            }
        };
        unreadable.prepared.putAll(ports.prepared);
        RetryDeliveryService service = new RetryDeliveryService(new Entries(), unreadable,
                new EmergencyPolicyService(ports, new EmergencyPolicyChecks(ports, CLOCK), ports, CLOCK));

        assertThat(service.retry(new RetryDeliveryCommand("bob", 11))).isInstanceOfSatisfying(
                RetryDeliveryResult.NotSearched.class, n -> assertThat(n.reason()).contains("503 from SecMaster"));
        assertThat(ports.journal).isEmpty();
    }

    @Test
    void aCompletedSucceededOrMissingEntryIsNotRetried() {
        recorded(12, RequestStatus.UNKNOWN, 13L);
        recorded(14, RequestStatus.SUCCEEDED, null);

        assertThat(retry(12)).isInstanceOfSatisfying(RetryDeliveryResult.NotRetryable.class,
                r -> assertThat(r.reason()).contains("already completed by entry #13"));
        assertThat(retry(14)).isInstanceOf(RetryDeliveryResult.NotRetryable.class);
        assertThat(retry(99)).isInstanceOf(RetryDeliveryResult.NotFound.class);
        assertThat(ports.journal).isEmpty();
    }

    @Test
    void aRecordedRequestThatCannotBeReadBackSendsNothing() {
        recorded(15, RequestStatus.UNKNOWN, null);
        ports.prepared.clear();

        assertThat(retry(15)).isInstanceOfSatisfying(RetryDeliveryResult.NotSearched.class,
                n -> assertThat(n.reason()).contains("cannot be read back"));
        assertThat(ports.journal).isEmpty();
    }

    /** The history's entries, as the retry reads them. */
    private final class Entries implements HistoryReader {
        @Override
        public HistoryPage page(HistoryFilter filter, String cursor, int size) {
            return HistoryPage.empty();
        }

        @Override
        public Optional<HistoryDetail> detail(long id) {
            return Optional.ofNullable(entries.get(id));
        }

        @Override
        public void forEach(HistoryFilter filter, Consumer<HistoryEntry> sink) {
        }

        @Override
        public List<HistoryEntry> recentFailures(int n) {
            return List.of();
        }

        @Override
        public List<HistoryEntry> agingOutBetween(Instant from, Instant until, int n) {
            return List.of();
        }
    }
}
