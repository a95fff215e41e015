package com.policyconsole.console.adapter.out.persistence.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.history.PendingRequest;
import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.model.history.SubmittedRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Several consoles on one database: PENDING entries of a console whose lease expired or is gone become UNKNOWN;
 * those of this console and of another console whose lease is alive are never touched.
 */
@QuarkusTest
class ConsoleLeaseTest {

    @Inject
    PostgresRequestHistory history;

    @Inject
    ConsoleLease lease;

    @Test
    void onlyTheEntriesOfAConsoleWhoseLeaseExpiredOrIsGoneBecomeUnknown() {
        UUID expired = UUID.randomUUID();
        UUID alive = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        leaseOf(expired, "now() - interval '1 hour'");
        leaseOf(alive, "now()");
        long mine = history.recordPending(pending());
        long ofExpired = pendingOf(expired);
        long ofAlive = pendingOf(alive);
        long ofGone = pendingOf(gone);

        assertThat(lease.reconcile()).isGreaterThanOrEqualTo(2);

        HistoryEntryEntity unknown = entry(ofExpired);
        assertThat(unknown.status).isEqualTo("UNKNOWN");
        assertThat(unknown.errorCode).isEqualTo("CONSOLE_RESTARTED");
        assertThat(unknown.errorMessage).contains("may or may not have reached the cloud");
        assertThat(unknown.completedAt).isNotNull();
        assertThat(entry(ofGone).status).isEqualTo("UNKNOWN");
        assertThat(entry(ofAlive).status).isEqualTo("PENDING");
        assertThat(entry(mine).status).isEqualTo("PENDING");
        assertThat(entry(mine).consoleInstance).isEqualTo(lease.instanceId());
        assertThat(lease.reconcile()).as("nothing is marked twice").isZero();
    }

    @Test
    void theHeartbeatKeepsThisConsolesLeaseAlive() {
        lease.renew();
        Object fresh = QuarkusTransaction.requiringNew().call(() -> HistoryEntryEntity.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM console_lease WHERE instance_id = ?1"
                        + " AND heartbeat_at > now() - interval '5 seconds'")
                .setParameter(1, lease.instanceId()).getSingleResult());
        assertThat(((Number) fresh).longValue()).isEqualTo(1);
    }

    private static void leaseOf(UUID instance, String heartbeat) {
        QuarkusTransaction.requiringNew().run(() -> HistoryEntryEntity.getEntityManager().createNativeQuery(
                        "INSERT INTO console_lease (instance_id, host, started_at, heartbeat_at) VALUES (?1, 'other',"
                                + " now(), " + heartbeat + ")")
                .setParameter(1, instance).executeUpdate());
    }

    /** An entry PENDING on behalf of another console, written as that console would. */
    private static long pendingOf(UUID instance) {
        return QuarkusTransaction.requiringNew().call(() -> {
            HistoryEntryEntity e = HistoryMapper.toPendingEntity(pending());
            e.consoleInstance = instance;
            e.persistAndFlush();
            return e.id;
        });
    }

    private static HistoryEntryEntity entry(long id) {
        return QuarkusTransaction.requiringNew().call(() -> HistoryEntryEntity.findById(id));
    }

    private static PendingRequest pending() {
        SecMasterWorkspace ws = new SecMasterWorkspace("p" + UUID.randomUUID().toString().replace("-", ""), "ws-crash");
        EmergencyPolicy policy = EmergencyPolicy.builder().regionId("cn-north-4").category(PolicyCategory.BLOCK)
                .blockType(BlockType.SOURCE_IP).targets("198.51.100.9").blockAge(BlockAge.none())
                .connection(new DefenseConnection("c", "CFW", "cn-north-4", "x", "CFW", "0", "default", "p", "p"))
                .build();
        return new PendingRequest("olga", Instant.now(),
                new SubmittedRequest.EmergencyPolicySubmission(EmergencyPolicyRequest.create(ws, "25.5.0", policy)),
                new RenderedRequest("POST", "http://sandbox/v1/x", "/v1/x", Map.of(), Map.of(),
                        Map.of("X-Auth-Token", "****"), "{}"), null);
    }
}
