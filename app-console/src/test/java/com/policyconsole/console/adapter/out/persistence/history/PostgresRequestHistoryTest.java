package com.policyconsole.console.adapter.out.persistence.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.PendingRequest;
import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.model.history.SubmittedRequest;
import com.policyconsole.domain.model.history.WorkspacePolicies;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PostgresRequestHistoryTest {

    @Inject
    PostgresRequestHistory history;

    @Inject
    EntityManager em;

    private static SecMasterWorkspace freshWorkspace() {
        return new SecMasterWorkspace("p" + UUID.randomUUID().toString().replace("-", ""), "ws-" + UUID.randomUUID());
    }

    private static PendingRequest pending(SecMasterWorkspace ws, PolicyCategory category, BlockAge age, String... targets) {
        EmergencyPolicy policy = EmergencyPolicy.builder().regionId("cn-north-4").category(category)
                .blockType(BlockType.SOURCE_IP).targets(targets).blockAge(age)
                .connection(new DefenseConnection("c", "CFW", "cn-north-4", "x", "CFW", "0", "default", "p", "p"))
                .build();
        return new PendingRequest("alice", Instant.now(),
                new SubmittedRequest.EmergencyPolicySubmission(EmergencyPolicyRequest.create(ws, "25.5.0", policy)),
                new RenderedRequest("POST", "http://sandbox/v1/x", "/v1/x", Map.of(), Map.of(), Map.of("X-Auth-Token", "****"), "{}"), null);
    }

    @Test
    void pendingEntryIsDurableBeforeTheOutcomeAndCompletedAfter() {
        SecMasterWorkspace ws = freshWorkspace();
        long id = history.recordPending(pending(ws, PolicyCategory.BLOCK, BlockAge.none(), "203.0.113.7"));

        String status = QuarkusTransaction.requiringNew().call(() -> HistoryEntryEntity.<HistoryEntryEntity>findById(id).status);
        assertThat(status).isEqualTo("PENDING");

        history.recordOutcome(id, new CloudOutcome.Accepted("task-9", null, 200, "req-1", "{\"success\":true}"),
                Duration.ofMillis(42));

        HistoryEntryEntity done = QuarkusTransaction.requiringNew().call(() -> HistoryEntryEntity.findById(id));
        assertThat(done.status).isEqualTo("SUCCEEDED");
        assertThat(done.resultId).isEqualTo("task-9");
        assertThat(done.durationMs).isEqualTo(42);
        assertThat(done.cloudRequestId).isEqualTo("req-1");
        assertThat(done.requestHeaders).contains("X-Auth-Token: ****");
    }

    @Test
    void ipObjectsAreSearchableByContainment() {
        SecMasterWorkspace ws = freshWorkspace();
        long id = history.recordPending(pending(ws, PolicyCategory.BLOCK, BlockAge.none(), "198.51.100.7", "2001:db8::1"));

        List<?> inside = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select entry_id from request_target where network <<= cast('198.51.100.0/24' as cidr) and entry_id = ?1")
                .setParameter(1, id).getResultList());
        assertThat(inside).hasSize(1);
    }

    @Test
    void aPolicyDeliveredByARetryIsInTheInventoryOnce() {
        SecMasterWorkspace ws = freshWorkspace();
        long create = history.recordPending(pending(ws, PolicyCategory.BLOCK, BlockAge.none(), "203.0.113.50"));
        history.recordOutcome(create, new CloudOutcome.Unknown("read timed out", 0, null, null), Duration.ZERO);
        for (int i = 0; i < 2; i++) {
            PendingRequest original = pending(ws, PolicyCategory.BLOCK, BlockAge.none(), "203.0.113.50");
            EmergencyPolicyRequest createRequest =
                    ((SubmittedRequest.EmergencyPolicySubmission) original.request()).request();
            SubmittedRequest retry = new SubmittedRequest.EmergencyPolicySubmission(EmergencyPolicyRequest.retry(ws,
                    "25.5.0", java.util.List.of("policy-1"), createRequest.policy()));
            long id = history.recordPending(new PendingRequest("alice", Instant.now(), retry, original.rendered(), create));
            history.recordOutcome(id, new CloudOutcome.Accepted("t" + i, null, 200, null, null), Duration.ZERO);
        }

        WorkspacePolicies known = history.policies(ws, ips("203.0.113.50"));

        assertThat(known.total()).isEqualTo(1);
        assertThat(known.policies()).singleElement().satisfies(p -> assertThat(p.targets().get(0).text())
                .isEqualTo("203.0.113.50"));
    }

    @Test
    void inventoryHoldsSucceededActiveCreatesOfTheWorkspaceOnly() {
        SecMasterWorkspace ws = freshWorkspace();
        long white = history.recordPending(pending(ws, PolicyCategory.WHITE, BlockAge.none(), "198.51.100.0/24"));
        history.recordOutcome(white, new CloudOutcome.Accepted("t1", null, 200, null, null), Duration.ZERO);
        long ageing = history.recordPending(pending(ws, PolicyCategory.BLOCK,
                BlockAge.until(Instant.now().plusSeconds(3600)), "203.0.113.9"));
        history.recordOutcome(ageing, new CloudOutcome.Accepted("t2", null, 200, null, null), Duration.ZERO);
        long refused = history.recordPending(pending(ws, PolicyCategory.BLOCK, BlockAge.none(), "203.0.113.10"));
        history.recordOutcome(refused, new CloudOutcome.Refused(400, "SecMaster.1", "no", null, null), Duration.ZERO);
        history.recordPending(pending(freshWorkspace(), PolicyCategory.BLOCK, BlockAge.none(), "203.0.113.11"));

        WorkspacePolicies known = history.policies(ws, ips("198.51.100.7", "203.0.113.0/24"));

        assertThat(known.total()).isEqualTo(2);
        assertThat(known.withAgeing()).isEqualTo(1);
        assertThat(known.policies()).extracting(p -> p.targets().get(0).text())
                .containsExactlyInAnyOrder("198.51.100.0/24", "203.0.113.9");
    }

    @Test
    void inventoryReturnsOnlyThePoliciesThatTouchTheObjectsAskedAbout() {
        SecMasterWorkspace ws = freshWorkspace();
        long near = history.recordPending(pending(ws, PolicyCategory.BLOCK, BlockAge.none(), "192.0.2.0/24"));
        history.recordOutcome(near, new CloudOutcome.Accepted("t1", null, 200, null, null), Duration.ZERO);
        long far = history.recordPending(pending(ws, PolicyCategory.BLOCK, BlockAge.none(), "198.18.0.1"));
        history.recordOutcome(far, new CloudOutcome.Accepted("t2", null, 200, null, null), Duration.ZERO);

        WorkspacePolicies known = history.policies(ws, ips("192.0.2.77"));

        assertThat(known.total()).as("the counts cover the whole workspace").isEqualTo(2);
        assertThat(known.policies()).extracting(p -> p.targets().get(0).text()).containsExactly("192.0.2.0/24");
    }

    private static java.util.List<com.policyconsole.domain.model.emergency.BlockTarget> ips(String... texts) {
        return java.util.Arrays.stream(texts).map(t -> ((com.policyconsole.domain.model.emergency.BlockTargetParser
                .Result.Parsed) com.policyconsole.domain.model.emergency.BlockTargetParser.parse(
                com.policyconsole.domain.model.emergency.BlockType.SOURCE_IP, t)).target()).toList();
    }
}
