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
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The README's auditor queries, run against the views of V3__audit_views.sql. */
@QuarkusTest
class AuditViewsTest {

    @Inject
    PostgresRequestHistory history;

    @Inject
    EntityManager em;

    private long block(String actor, String target, CloudOutcome outcome) {
        EmergencyPolicy policy = EmergencyPolicy.builder().regionId("cn-north-4").category(PolicyCategory.BLOCK)
                .blockType(BlockType.SOURCE_IP).targets(target).blockAge(BlockAge.none())
                .connection(new DefenseConnection("c", "CFW", "cn-north-4", "x", "CFW", "0", "default", "p", "p"))
                .build();
        long id = history.recordPending(new PendingRequest(actor, Instant.now(),
                new SubmittedRequest.EmergencyPolicySubmission(
                        EmergencyPolicyRequest.create(new SecMasterWorkspace("p", "w"), "25.5.0", policy)),
                new RenderedRequest("POST", "http://x", "/v1/x", Map.of(), Map.of(), Map.of(), "{}"), null));
        history.recordOutcome(id, outcome, Duration.ZERO);
        return id;
    }

    @Test
    void everyBlockOfAnIpInAPeriodIsOneQuery() {
        String actor = "view-" + UUID.randomUUID();
        long inRange = block(actor, "192.0.2.0/28", new CloudOutcome.Accepted("t", null, 200, null, null));
        block(actor, "192.0.2.64/28", new CloudOutcome.Accepted("t", null, 200, null, null));

        Object count = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select entry_id from audit_policy_objects where policy_category = 'BLOCK'"
                                + " and network >>= inet '192.0.2.5' and requested_at >= now() - interval '1 day'"
                                + " and actor = ?1")
                .setParameter(1, actor).getResultList());
        assertThat(count).asList().containsExactly(inRange);
    }

    @Test
    void failuresAreCountedByActor() {
        String actor = "view-" + UUID.randomUUID();
        block(actor, "198.18.0.1", new CloudOutcome.Refused(400, "SecMaster.1", "no", null, null));
        block(actor, "198.18.0.2", new CloudOutcome.Unknown("timeout", 0, null, null));
        block(actor, "198.18.0.3", new CloudOutcome.Accepted("t", null, 200, null, null));

        Object rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select status, requests from audit_failures_by_actor where actor = ?1 order by status")
                .setParameter(1, actor).getResultList());
        assertThat(rows).asList().hasSize(2);
    }
}
