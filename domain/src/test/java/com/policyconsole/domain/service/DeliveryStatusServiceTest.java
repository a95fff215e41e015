package com.policyconsole.domain.service;

import static com.policyconsole.domain.TestRequestFactory.WORKSPACE;
import static com.policyconsole.domain.TestRequestFactory.seedEmergencyRequest;
import static com.policyconsole.domain.TestRequestFactory.seedPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.history.HistoryDetail;
import com.policyconsole.domain.model.history.HistoryEntry;
import com.policyconsole.domain.model.history.HistoryFilter;
import com.policyconsole.domain.model.history.HistoryPage;
import com.policyconsole.domain.model.history.Operation;
import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.model.history.RequestStatus;
import com.policyconsole.domain.model.lifecycle.DeliveryCheck;
import com.policyconsole.domain.model.lifecycle.LayerDelivery;
import com.policyconsole.domain.model.lifecycle.SecMasterPolicy;
import com.policyconsole.domain.model.lifecycle.TrackedPolicy;
import com.policyconsole.domain.port.in.SubmissionResult;
import com.policyconsole.domain.port.out.HistoryReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Following a created policy: its ID found once, its layers read until final, a failed layer retried. */
class DeliveryStatusServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final InMemoryPorts cloud = new InMemoryPorts();
    private final InMemoryLifecycle store = new InMemoryLifecycle();
    private final RenderedRequest created = cloud.prepare(seedEmergencyRequest()).rendered();
    private final DeliveryStatusService status = new DeliveryStatusService(store, cloud, new OneEntry(),
            new EmergencyPolicyService(cloud, new EmergencyPolicyChecks(cloud, CLOCK), cloud, CLOCK), CLOCK);

    @Test
    void theIdIsTheListedPolicyWithTheSameObjectsThatNoOtherEntryHolds() {
        store.follow(tracked(1, "p-old", "1.2.3.4"), NOW);
        store.follow(tracked(2, null, "1.2.3.4"), NOW);
        cloud.listed.add(listed("p-old", "1.2.3.4"));
        cloud.listed.add(listed("p-other", "5.6.7.8"));
        cloud.listed.add(listed("p-new", "1.2.3.4"));
        cloud.records.put("p-old", List.of(layer("CFW", "SUCCESS", null)));
        cloud.records.put("p-new", List.of(layer("CFW", "BLOCKING", null)));

        assertThat(status.checkDue()).isEqualTo(2);

        assertThat(store.rows.get(2L).tracked.policyId()).isEqualTo("p-new");
        assertThat(store.rows.get(2L).check).isEqualTo(DeliveryCheck.IN_PROGRESS);
        assertThat(store.rows.get(2L).nextCheckAt).isEqualTo(NOW.plus(DeliveryStatusService.delay(0)));
        assertThat(store.rows.get(1L).check).isEqualTo(DeliveryCheck.DELIVERED);
        assertThat(store.rows.get(1L).nextCheckAt).as("final: not read again").isNull();
        assertThat(cloud.journal).as("one search for the workspace").containsOnlyOnce("cloud:list");
    }

    @Test
    void aPolicyNeverListedIsNotFoundAfterItsLooks() {
        store.follow(new TrackedPolicy(3, WORKSPACE, "25.5.0", null, "BLOCK", List.of("9.9.9.9"), null,
                DeliveryStatusService.MAX_LOOKS - 1, NOW), NOW);

        status.checkDue();

        assertThat(store.rows.get(3L).check).isEqualTo(DeliveryCheck.NOT_FOUND);
        assertThat(store.rows.get(3L).nextCheckAt).isNull();
    }

    @Test
    void aPolicySecMasterNoLongerHasIsNotFoundAndAFailedLayerIsFinal() {
        store.follow(tracked(4, "p-gone", "1.2.3.4"), NOW);
        store.follow(tracked(5, "p-waf", "5.6.7.8"), NOW);
        cloud.records.put("p-waf", List.of(layer("CFW", "SUCCESS", null), layer("WAF", "FAILED", "quota")));

        status.checkDue();

        assertThat(store.rows.get(4L).check).isEqualTo(DeliveryCheck.NOT_FOUND);
        assertThat(store.rows.get(5L).check).isEqualTo(DeliveryCheck.FAILED);
        assertThat(store.deliveries(List.of(5L)).get(5L).canRetryLayers()).isTrue();
    }

    @Test
    void aFailedLayerIsRetriedWithExactlyItsPolicyLinkedToTheCreateAndReadAgain() {
        store.follow(tracked(7, "p-waf", "1.2.3.4"), NOW);
        cloud.records.put("p-waf", List.of(layer("WAF", "FAILED", "quota")));
        status.checkDue();

        Optional<SubmissionResult> result = status.retryFailedLayers("bob", 7);

        assertThat(result).get().isInstanceOf(SubmissionResult.Sent.class);
        EmergencyPolicyRequest sent = ((com.policyconsole.domain.model.history.SubmittedRequest.EmergencyPolicySubmission)
                cloud.pending.values().iterator().next().request()).request();
        assertThat(sent.actionType()).isEqualTo("retry");
        assertThat(sent.retryList()).containsExactly("p-waf");
        assertThat(cloud.pending.values().iterator().next().retryOf()).isEqualTo(7L);
        assertThat(store.rows.get(7L).nextCheckAt).isEqualTo(NOW);
        assertThat(status.retryFailedLayers("bob", 99)).as("an entry the console does not follow").isEmpty();
    }

    @Test
    void readsComeSoonerAtFirstAndAtMostEveryMinute() {
        assertThat(DeliveryStatusService.delay(0)).isEqualTo(Duration.ofMillis(250));
        assertThat(DeliveryStatusService.delay(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(DeliveryStatusService.delay(40)).isEqualTo(Duration.ofMinutes(1));
    }

    private static TrackedPolicy tracked(long entry, String policyId, String object) {
        return new TrackedPolicy(entry, WORKSPACE, "25.5.0", policyId, "BLOCK", List.of(object), null, 0, NOW);
    }

    private static SecMasterPolicy listed(String id, String object) {
        return new SecMasterPolicy(id, seedPolicy().toBuilder().targets(object).blockAge(BlockAge.none()).build(),
                "ENABLED", NOW, "alice");
    }

    private static LayerDelivery layer(String type, String status, String failure) {
        return new LayerDelivery("c-" + type, type, type, status, "BLOCK", failure, "INGRESS", NOW);
    }

    /** The history: entry 7 is a create of the seed policy that succeeded. */
    private final class OneEntry implements HistoryReader {
        @Override
        public Optional<HistoryDetail> detail(long id) {
            if (id != 7) {
                return Optional.empty();
            }
            HistoryEntry entry = new HistoryEntry(7, Operation.CREATE_EMERGENCY_POLICY, "alice", RequestStatus.SUCCEEDED,
                    NOW, NOW, 5L, WORKSPACE.projectId(), WORKSPACE.workspaceId(), null, PolicyCategory.BLOCK, null,
                    null, null, null, null, null, null, null, null, null, List.of("1.2.3.4"), null, null, null);
            return Optional.of(new HistoryDetail(entry, created, null, null));
        }

        @Override
        public HistoryPage page(HistoryFilter filter, String cursor, int size) {
            return HistoryPage.empty();
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
