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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The start-up reconciliation: entries left PENDING by a stopped console become UNKNOWN; later ones are untouched. */
@QuarkusTest
class InFlightReconciliationTest {

    @Inject
    PostgresRequestHistory history;

    @Inject
    InFlightReconciliation reconciliation;

    @Test
    void entriesPendingFromBeforeTheStartBecomeUnknownWithTheReason() {
        Instant crash = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long inFlight = history.recordPending(pending(crash.minusSeconds(2)));
        long done = history.recordPending(pending(crash.minusSeconds(1)));
        history.recordOutcome(done, new CloudOutcome.Accepted("task-1", null, 200, "req", "{}"), Duration.ofMillis(4));
        long afterStart = history.recordPending(pending(crash.plusSeconds(60)));

        assertThat(reconciliation.reconcile(crash)).isPositive();

        HistoryEntryEntity unknown = entry(inFlight);
        assertThat(unknown.status).isEqualTo("UNKNOWN");
        assertThat(unknown.errorCode).isEqualTo("CONSOLE_RESTARTED");
        assertThat(unknown.errorMessage).contains("may or may not have reached the cloud");
        assertThat(unknown.completedAt).isEqualTo(crash);
        assertThat(entry(done).status).isEqualTo("SUCCEEDED");
        assertThat(entry(afterStart).status).isEqualTo("PENDING");
        assertThat(reconciliation.reconcile(crash)).isZero();
    }

    private static HistoryEntryEntity entry(long id) {
        return QuarkusTransaction.requiringNew().call(() -> HistoryEntryEntity.findById(id));
    }

    private static PendingRequest pending(Instant requestedAt) {
        SecMasterWorkspace ws = new SecMasterWorkspace("p" + UUID.randomUUID().toString().replace("-", ""), "ws-crash");
        EmergencyPolicy policy = EmergencyPolicy.builder().regionId("cn-north-4").category(PolicyCategory.BLOCK)
                .blockType(BlockType.SOURCE_IP).targets("198.51.100.9").blockAge(BlockAge.none())
                .connection(new DefenseConnection("c", "CFW", "cn-north-4", "x", "CFW", "0", "default", "p", "p"))
                .build();
        return new PendingRequest("olga", requestedAt,
                new SubmittedRequest.EmergencyPolicySubmission(EmergencyPolicyRequest.create(ws, "25.5.0", policy)),
                new RenderedRequest("POST", "http://sandbox/v1/x", "/v1/x", Map.of(), Map.of(), Map.of("X-Auth-Token", "****"), "{}"), null);
    }
}
