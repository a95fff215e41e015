package com.policyconsole.console.adapter.out.persistence.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.bulk.DeliveryProgress;
import com.policyconsole.domain.model.bulk.DeliveryState;
import com.policyconsole.domain.model.bulk.JobProgress;
import com.policyconsole.domain.model.bulk.JobStatus;
import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.port.in.BulkDeliveryCommand;
import com.policyconsole.domain.port.in.BulkDeliveryUseCase;
import com.policyconsole.domain.port.in.BulkStartResult;
import com.policyconsole.domain.port.in.RunBulkDeliveriesUseCase;
import com.policyconsole.sandbox.SandboxSecMasterResource;
import com.policyconsole.sandbox.SandboxState;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import com.policyconsole.console.testing.SecondPerson;
import com.policyconsole.domain.port.in.ApprovalsUseCase;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Bulk jobs on the real database and the sandbox cloud over HTTP: a confirmed batch becomes deliveries that the
 * console's scheduler claims, records (linked to the job) and sends; cancel stops what was not sent; a delivery left
 * by a console that stopped is sent again only when it never reached the cloud.
 */
@QuarkusTest
class BulkJobsTest {

    private static final DefenseConnection CFW = new DefenseConnection("84b273d3-47a8-3aba-bd00-7bdd1431d635",
            "CFW authentication token.", "cn-north-7", "CN North-Ulanqab1", "CFW", "0", "default",
            "3bb27e024693436da46b5f5aaf499060", "cn-north-7");
    private static final DefenseConnection VPC = new DefenseConnection("d1e2f3a4-5b6c-4d7e-8f90-a1b2c3d4e5f6",
            "VPC security groups", "cn-north-7", "CN North-Ulanqab1", "VPC", "0", "default",
            "3bb27e024693436da46b5f5aaf499060", "cn-north-7");

    @Inject
    BulkDeliveryUseCase bulk;

    @Inject
    ApprovalsUseCase approvals;

    @Inject
    ManageAccountsUseCase accounts;

    @Inject
    RunBulkDeliveriesUseCase runner;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SandboxState sandbox;

    @Test
    void twelveHundredAddressesAreDeliveredAsThreePoliciesEachRecordedAndLinkedToTheJob() throws Exception {
        EmergencyPolicyRequest template = template(CFW);
        long jobId = approved(bulk.start(command(template, addresses(1_200, 1))));
        JobProgress done = awaitFinished(jobId);

        assertThat(done.deliveries()).extracting(DeliveryProgress::objects).containsExactly(500, 500, 200);
        assertThat(done.succeeded()).isEqualTo(3);
        assertThat(done.objectsBlocked()).isEqualTo(1_200);
        assertThat(done.percentDone()).isEqualTo(100);
        String entries = done.deliveries().stream().map(d -> String.valueOf(d.entryId())).collect(Collectors.joining(","));
        assertThat(query("SELECT status, operation, (SELECT count(*) FROM request_target t WHERE t.entry_id = h.id)"
                + " FROM request_history h WHERE id IN (" + entries + ") ORDER BY id"))
                .containsExactly("SUCCEEDED CREATE_EMERGENCY_POLICY 500", "SUCCEEDED CREATE_EMERGENCY_POLICY 500",
                        "SUCCEEDED CREATE_EMERGENCY_POLICY 200");
    }

    @Test
    void aBatchWithErrorsOrUnacknowledgedWarningsStartsNothing() throws SQLException {
        long before = count("bulk_job");
        EmergencyPolicyRequest template = template(CFW);
        assertThat(bulk.start(command(template, "45.1.1.1\nnot-an-address\n"))).isInstanceOf(BulkStartResult.Rejected.class);
        BulkDeliveryCommand privateRange = new BulkDeliveryCommand("bulk-test", template, null,
                "10.1.2.3\n".getBytes(StandardCharsets.UTF_8), false);
        assertThat(bulk.start(privateRange)).isInstanceOf(BulkStartResult.Rejected.class);
        assertThat(count("bulk_job")).isEqualTo(before);
    }

    @Test
    void cancellingStopsTheDeliveriesNotYetSent() throws Exception {
        EmergencyPolicyRequest template = template(VPC);
        long jobId = approved(bulk.start(command(template, addresses(1_100, 2))));
        awaitState(jobId, 1, DeliveryState.SUCCEEDED);

        assertThat(bulk.cancel("test-canceller", jobId)).isTrue();
        JobProgress cancelled = bulk.progress(jobId).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(cancelled.deliveries()).extracting(DeliveryProgress::state)
                .containsExactly(DeliveryState.SUCCEEDED, DeliveryState.CANCELLED, DeliveryState.CANCELLED);
        assertThat(cancelled.deliveries().get(1).notBefore()).isAfter(cancelled.createdAt().plusSeconds(59));
        assertThat(bulk.cancel("test-canceller", jobId)).as("only a running job is cancelled").isFalse();
    }

    @Test
    void aDeliveryLeftUnrecordedByAStoppedConsoleIsSentOnceAndOneRecordedAndDeliveredIsNotSentAgain() throws Exception {
        EmergencyPolicyRequest template = template(CFW);
        long jobId = ((BulkStartResult.Started) bulk.start(command(template, addresses(600, 3)))).jobId();
        JobProgress done = awaitFinished(jobId);
        long firstEntry = done.deliveries().get(0).entryId();
        UUID dead = UUID.randomUUID();
        // Delivery 1 as a console killed after sending it and recording the outcome, before settling it; delivery 2
        // as a console killed after claiming it, before recording it.
        execute("UPDATE bulk_job SET status = 'RUNNING' WHERE id = " + jobId);
        execute("UPDATE bulk_delivery SET state = 'SENDING', claimed_by = '" + dead + "' WHERE job_id = " + jobId
                + " AND number = 1");
        execute("UPDATE bulk_delivery SET state = 'SENDING', claimed_by = '" + dead + "', entry_id = NULL WHERE job_id = "
                + jobId + " AND number = 2");
        long entriesBefore = count("request_history");

        runner.recoverOrphans();
        JobProgress recovered = awaitFinished(jobId);

        assertThat(recovered.deliveries()).extracting(DeliveryProgress::state)
                .containsExactly(DeliveryState.SUCCEEDED, DeliveryState.SUCCEEDED);
        assertThat(recovered.deliveries().get(0).entryId()).as("delivery 1 was not sent again").isEqualTo(firstEntry);
        assertThat(count("request_history")).as("only delivery 2 was sent again").isEqualTo(entriesBefore + 1);
    }

    @Test
    void moreDeliveriesThanTasksMayRunAtOnceAreSentFiveAtATimeAndNoneIsRefused() throws Exception {
        sandbox.deliveryTime(Duration.ofMillis(700));
        try {
            long busyBefore = busyRefusals();
            long jobId = approved(bulk.start(command(template(CFW), addresses(3_500, 4))));
            JobProgress done = awaitFinished(jobId);

            assertThat(done.deliveries()).hasSize(7).allMatch(d -> d.state() == DeliveryState.SUCCEEDED);
            assertThat(busyRefusals()).as("SecMaster never had a 6th task").isEqualTo(busyBefore);
        } finally {
            sandbox.deliveryTime(Duration.ZERO);
        }
    }

    @Test
    void aDeliveryRefusedBecauseOtherTasksRunWaitsAndIsSentAgain() throws Exception {
        sandbox.deliveryTime(Duration.ofSeconds(2));
        try {
            for (int i = 0; i < 5; i++) {
                sandbox.create(SandboxState.WORKSPACE_ID, template(CFW).policy().toBuilder()
                        .targets(List.of("46.99." + i + ".1")).build());
            }
            long busyBefore = busyRefusals();
            long jobId = ((BulkStartResult.Started) bulk.start(command(template(CFW), addresses(10, 5)))).jobId();
            JobProgress done = awaitFinished(jobId);

            assertThat(done.deliveries()).extracting(DeliveryProgress::state).containsExactly(DeliveryState.SUCCEEDED);
            assertThat(busyRefusals()).as("the first attempt was refused as busy").isGreaterThan(busyBefore);
            long entry = done.deliveries().get(0).entryId();
            assertThat(query("SELECT status FROM request_history WHERE id = " + entry)).containsExactly("SUCCEEDED");
            assertThat(query("SELECT r.status FROM request_history h JOIN request_history r ON r.id = h.retry_of"
                    + " WHERE h.id = " + entry)).as("the refused attempt is the one the delivery retried")
                    .containsExactly("REFUSED");
        } finally {
            sandbox.deliveryTime(Duration.ZERO);
        }
    }

    private long busyRefusals() throws SQLException {
        return Long.parseLong(query("SELECT count(*) FROM request_history WHERE error_code = '"
                + SandboxSecMasterResource.TOO_MANY_TASKS + "'").get(0));
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static EmergencyPolicyRequest template(DefenseConnection connection) {
        SecMasterWorkspace workspace = new SecMasterWorkspace(UUID.randomUUID().toString().replace("-", ""),
                "sandbox-workspace");
        EmergencyPolicy policy = EmergencyPolicy.builder().regionId("cn-north-7").category(PolicyCategory.BLOCK)
                .blockType(BlockType.SOURCE_IP).blockAge(BlockAge.none()).description("bulk test").labels("")
                .connection(connection).build();
        return EmergencyPolicyRequest.create(workspace, "25.5.0", policy);
    }

    /** A job of its own requester, so that no other test's objects count towards its approval. */
    private static BulkDeliveryCommand command(EmergencyPolicyRequest template, String batch) {
        return new BulkDeliveryCommand("bulk-test-" + UUID.randomUUID().toString().substring(0, 8), template, null,
                batch.getBytes(StandardCharsets.UTF_8), true);
    }

    /** A job of more than 1,000 objects: held, then approved by a second person. */
    private long approved(BulkStartResult started) {
        assertThat(started).as("held for its size").isInstanceOf(BulkStartResult.AwaitingApproval.class);
        long jobId = ((BulkStartResult.AwaitingApproval) started).jobId();
        SecondPerson.approveJob(approvals, accounts, jobId);
        return jobId;
    }

    /** {@code n} distinct public addresses in 46.<100 + round>.0.0/16, one per line. */
    private static String addresses(int n, int round) {
        return IntStream.range(0, n).mapToObj(i -> "46." + (100 + round) + "." + (i / 250) + "." + (i % 250 + 1))
                .collect(Collectors.joining("\n"));
    }

    private JobProgress awaitFinished(long jobId) throws InterruptedException {
        JobProgress progress = bulk.progress(jobId).orElseThrow();
        for (Instant until = Instant.now().plus(Duration.ofSeconds(30)); Instant.now().isBefore(until)
                && progress.status() == JobStatus.RUNNING; Thread.sleep(100)) {
            runner.recoverOrphans();
            progress = bulk.progress(jobId).orElseThrow();
        }
        assertThat(progress.status()).as("job %d within 30 s", jobId).isEqualTo(JobStatus.FINISHED);
        return progress;
    }

    private void awaitState(long jobId, int number, DeliveryState state) throws InterruptedException {
        for (Instant until = Instant.now().plus(Duration.ofSeconds(30)); Instant.now().isBefore(until); Thread.sleep(50)) {
            if (bulk.progress(jobId).orElseThrow().deliveries().get(number - 1).state() == state) {
                return;
            }
        }
        throw new AssertionError("delivery " + number + " of job " + jobId + " never became " + state);
    }

    private long count(String table) throws SQLException {
        return Long.parseLong(query("SELECT count(*) FROM " + table).get(0));
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private List<String> query(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(String.join(" ", row));
            }
            return rows;
        }
    }
}
