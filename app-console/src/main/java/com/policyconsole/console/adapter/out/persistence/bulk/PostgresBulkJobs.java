package com.policyconsole.console.adapter.out.persistence.bulk;

import com.policyconsole.adapter.out.http.WireJson;
import com.policyconsole.adapter.out.secmaster.SecMasterCodec;
import com.policyconsole.console.adapter.out.persistence.history.ConsoleLease;
import com.policyconsole.console.adapter.out.persistence.history.HistoryEntryEntity;
import com.policyconsole.console.adapter.out.persistence.history.PostgresRequestHistory;
import com.policyconsole.domain.model.approval.ApprovalHold;
import com.policyconsole.domain.model.bulk.BatchObject;
import com.policyconsole.domain.model.bulk.BulkDraft;
import com.policyconsole.domain.model.bulk.ClaimedDelivery;
import com.policyconsole.domain.model.bulk.DeliveryProgress;
import com.policyconsole.domain.model.bulk.DeliveryState;
import com.policyconsole.domain.model.bulk.JobProgress;
import com.policyconsole.domain.model.bulk.JobStatus;
import com.policyconsole.domain.model.bulk.PlannedDelivery;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.history.PendingRequest;
import com.policyconsole.domain.model.history.RequestStatus;

import com.policyconsole.domain.port.out.BulkJobStore;
import com.policyconsole.console.adapter.out.persistence.JdbcTransactions;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@link BulkJobStore} on PostgreSQL (Flyway V9) with plain JDBC: a due delivery is claimed with
 * {@code FOR UPDATE SKIP LOCKED}, and the workspace's deliveries in flight are counted under an advisory lock per
 * workspace, so that consoles sharing the database never run more than SecMaster's concurrent tasks at once.
 */
@ApplicationScoped
public class PostgresBulkJobs implements BulkJobStore {

    private final JdbcTransactions transactions;
    private final PostgresRequestHistory history;
    private final ConsoleLease lease;

    public PostgresBulkJobs(AgroalDataSource dataSource, PostgresRequestHistory history, ConsoleLease lease) {
        this.transactions = new JdbcTransactions(dataSource);
        this.history = history;
        this.lease = lease;
    }

    /** A unit of work on one connection, in one transaction. */

    @Override
    public BulkDraft saveDraft(String actor, String fileName, byte[] content, Instant now, Instant dropBefore) {
        UUID id = UUID.randomUUID();
        return transactions.inTransaction("keep a bulk draft", c -> {
            JdbcTransactions.execute(c, "DELETE FROM bulk_draft WHERE created_at < ?", Timestamp.from(dropBefore));
            JdbcTransactions.execute(c, "INSERT INTO bulk_draft (id, actor, file_name, content, created_at) VALUES (?, ?, ?, ?, ?)",
                    id, actor, fileName, content, Timestamp.from(now));
            return new BulkDraft(id, fileName, content);
        });
    }

    @Override
    public Optional<BulkDraft> draft(String actor, UUID id) {
        return transactions.inTransaction("read a bulk draft", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT file_name, content FROM bulk_draft WHERE id = ? AND actor = ?")) {
                s.setObject(1, id);
                s.setString(2, actor);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new BulkDraft(id, rs.getString(1), rs.getBytes(2)))
                            : Optional.<BulkDraft>empty();
                }
            }
        });
    }

    @Override
    public long objectsStartedWithoutApproval(String user, Instant since) {
        return transactions.inTransaction("count a user's recent bulk objects", c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT COALESCE(SUM(d.object_count), 0) FROM bulk_job j JOIN bulk_delivery d ON d.job_id = j.id
                    WHERE (j.actor = ? OR left(j.actor, length(?) + 2) = ? || ' (') AND j.created_at >= ?
                      AND j.approval_hash IS NULL""")) {
                s.setString(1, user);
                s.setString(2, user);
                s.setString(3, user);
                s.setTimestamp(4, Timestamp.from(since));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public long create(String actor, Instant startAt, EmergencyPolicyRequest template, List<PlannedDelivery> deliveries) {
        return record(actor, startAt, template, deliveries, null);
    }

    @Override
    public long createAwaiting(String actor, Instant at, EmergencyPolicyRequest template,
                               List<PlannedDelivery> deliveries, ApprovalHold hold) {
        return record(actor, at, template, deliveries, hold);
    }

    /** Records a job, RUNNING from {@code startAt} on, or AWAITING_APPROVAL with {@code hold}; returns its ID. */
    private long record(String actor, Instant startAt, EmergencyPolicyRequest template, List<PlannedDelivery> deliveries,
                        ApprovalHold hold) {
        return transactions.inTransaction("record the bulk job", c -> {
            long jobId;
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO bulk_job (actor, created_at, project_id, workspace_id, template, secmaster_version, status,
                                          approval_reasons, requested_by, approval_hash, approval_expires_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
                s.setString(1, actor);
                s.setTimestamp(2, Timestamp.from(startAt));
                s.setString(3, template.workspace().projectId());
                s.setString(4, template.workspace().workspaceId());
                s.setString(5, SecMasterCodec.writeRequest(template));
                s.setString(6, template.secmasterVersion());
                s.setString(7, (hold == null ? JobStatus.RUNNING : JobStatus.AWAITING_APPROVAL).name());
                s.setString(8, hold == null ? null : String.join("\n", hold.reasons()));
                s.setString(9, hold == null ? null : hold.requestedBy());
                s.setString(10, hold == null ? null : hold.requestHash());
                s.setTimestamp(11, hold == null ? null : Timestamp.from(hold.expiresAt()));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    jobId = rs.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO bulk_delivery (job_id, number, objects, object_count, not_before, state)
                    VALUES (?, ?, ?, ?, ?, 'WAITING')""")) {
                for (PlannedDelivery d : deliveries) {
                    s.setLong(1, jobId);
                    s.setInt(2, d.number());
                    s.setString(3, d.objects().stream().map(BatchObject::text).collect(Collectors.joining("\n")));
                    s.setInt(4, d.objects().size());
                    s.setTimestamp(5, Timestamp.from(startAt.plus(d.notBefore())));
                    s.addBatch();
                }
                s.executeBatch();
            }
            return jobId;
        });
    }

    @Override
    public Optional<ApprovalHold> jobHold(long jobId) {
        return transactions.inTransaction("read a bulk job's approval", c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT approval_reasons, requested_by, approval_hash, approval_expires_at, decided_by, decided_at,
                           decision_reason FROM bulk_job WHERE id = ? AND approval_hash IS NOT NULL""")) {
                s.setLong(1, jobId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<ApprovalHold>empty();
                    }
                    OffsetDateTime decided = rs.getObject(6, OffsetDateTime.class);
                    return Optional.of(new ApprovalHold(List.of(rs.getString(1).split("\n")), rs.getString(2),
                            rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5),
                            decided == null ? null : decided.toInstant(), rs.getString(7)));
                }
            }
        });
    }

    @Override
    public List<EmergencyPolicyRequest> jobRequests(long jobId) {
        return transactions.inTransaction("read a bulk job's deliveries", c -> {
            List<Integer> numbers = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT number FROM bulk_delivery WHERE job_id = ? ORDER BY number")) {
                s.setLong(1, jobId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        numbers.add(rs.getInt(1));
                    }
                }
            }
            List<EmergencyPolicyRequest> requests = new ArrayList<>();
            for (int number : numbers) {
                requests.add(delivery(c, jobId, number).request());
            }
            return requests;
        });
    }

    @Override
    public List<Long> awaitingJobs() {
        return transactions.inTransaction("list the bulk jobs awaiting approval", c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id FROM bulk_job WHERE status = 'AWAITING_APPROVAL' ORDER BY id");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    @Override
    public boolean decideJob(long jobId, boolean approved, String by, String reason, Instant at) {
        return transactions.inTransaction("decide a bulk job's approval", c -> {
            int decided = JdbcTransactions.execute(c, """
                    UPDATE bulk_job SET status = ?, decision = ?, decided_by = ?, decided_at = ?, decision_reason = ?,
                           finished_at = ?
                     WHERE id = ? AND status = 'AWAITING_APPROVAL' AND approval_expires_at > ?""",
                    (approved ? JobStatus.RUNNING : JobStatus.REJECTED).name(), approved ? "APPROVED" : "REJECTED",
                    by.length() > 128 ? by.substring(0, 128) : by, Timestamp.from(at), reason,
                    approved ? null : Timestamp.from(at), jobId, Timestamp.from(at));
            if (decided == 1 && approved) {
                // due from the approval on, spaced as planned from the job's recording
                JdbcTransactions.execute(c, """
                        UPDATE bulk_delivery d SET not_before = d.not_before + (?::timestamptz - j.created_at)
                          FROM bulk_job j WHERE j.id = d.job_id AND d.job_id = ?""", Timestamp.from(at), jobId);
            } else if (decided == 1) {
                JdbcTransactions.execute(c, "UPDATE bulk_delivery SET state = 'CANCELLED' WHERE job_id = ?", jobId);
            }
            return decided == 1;
        });
    }

    @Override
    public int expireJobs(Instant at) {
        return transactions.inTransaction("expire bulk job approvals", c -> {
            int expired = JdbcTransactions.execute(c, """
                    UPDATE bulk_job SET status = 'EXPIRED', decision = 'EXPIRED', decided_at = approval_expires_at,
                           finished_at = approval_expires_at
                     WHERE status = 'AWAITING_APPROVAL' AND approval_expires_at <= ?""", Timestamp.from(at));
            if (expired > 0) {
                JdbcTransactions.execute(c, """
                        UPDATE bulk_delivery d SET state = 'CANCELLED' FROM bulk_job j
                         WHERE j.id = d.job_id AND j.status = 'EXPIRED' AND d.state = 'WAITING'""");
            }
            return expired;
        });
    }

    @Override
    public Optional<ClaimedDelivery> claim(Instant now, int concurrentTasks) {
        return transactions.inTransaction("claim a bulk delivery", c -> {
            long jobId;
            int number;
            String project;
            String workspace;
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT d.job_id, d.number, j.project_id, j.workspace_id
                      FROM bulk_delivery d JOIN bulk_job j ON j.id = d.job_id
                     WHERE d.state = 'WAITING' AND d.not_before <= ? AND j.status = 'RUNNING'
                     ORDER BY d.not_before, d.job_id, d.number
                     LIMIT 1 FOR UPDATE OF d SKIP LOCKED""")) {
                s.setTimestamp(1, Timestamp.from(now));
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    jobId = rs.getLong(1);
                    number = rs.getInt(2);
                    project = rs.getString(3);
                    workspace = rs.getString(4);
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                s.setString(1, "bulk:" + project + "/" + workspace);
                s.execute();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT count(*) FROM bulk_delivery d JOIN bulk_job j ON j.id = d.job_id
                     WHERE j.project_id = ? AND j.workspace_id = ?
                       AND (d.state = 'SENDING'
                            OR d.state = 'DELIVERING' AND d.claimed_at > now() - interval '2 minutes')""")) {
                s.setString(1, project);
                s.setString(2, workspace);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= concurrentTasks) {
                        return Optional.empty();
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE bulk_delivery SET state = 'SENDING', claimed_by = ?, claimed_at = now(), attempts = attempts + 1
                     WHERE job_id = ? AND number = ?""")) {
                s.setObject(1, lease.instanceId());
                s.setLong(2, jobId);
                s.setInt(3, number);
                s.executeUpdate();
            }
            return Optional.of(delivery(c, jobId, number));
        });
    }

    /** The delivery as claimed: its job's template and actor, its objects and its latest entry. */
    private static ClaimedDelivery delivery(Connection c, long jobId, int number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT coalesce(d.retried_by, j.actor), j.project_id, j.workspace_id, j.secmaster_version, j.template,
                       d.objects, d.entry_id
                  FROM bulk_delivery d JOIN bulk_job j ON j.id = d.job_id WHERE d.job_id = ? AND d.number = ?""")) {
            s.setLong(1, jobId);
            s.setInt(2, number);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                SecMasterWorkspace workspace = new SecMasterWorkspace(rs.getString(2), rs.getString(3));
                EmergencyPolicyRequest template;
                try {
                    template = SecMasterCodec.readRequest(workspace, rs.getString(4), "create", rs.getString(5)).value();
                } catch (WireJson.UnreadableBodyException e) {
                    throw new SQLException("the template of bulk job " + jobId + " cannot be read: " + e.getMessage(), e);
                }
                return new ClaimedDelivery(jobId, number, rs.getString(1), template,
                        Arrays.asList(rs.getString(6).split("\n")), rs.getObject(7, Long.class));
            }
        }
    }

    @Override
    public long recordSending(ClaimedDelivery delivery, PendingRequest pending) {
        return history.recordPending(pending, entryId -> {
            Long earlier = delivery.earlierEntry();
            int linked = HistoryEntryEntity.getEntityManager().createNativeQuery("""
                    UPDATE bulk_delivery SET entry_id = ?1
                     WHERE job_id = ?2 AND number = ?3 AND state = 'SENDING' AND claimed_by = ?4
                       AND coalesce(entry_id, 0) = ?5""")
                    .setParameter(1, entryId).setParameter(2, delivery.jobId()).setParameter(3, delivery.number())
                    .setParameter(4, lease.instanceId()).setParameter(5, earlier == null ? 0L : earlier)
                    .executeUpdate();
            if (linked != 1) {
                throw new IllegalStateException("delivery " + delivery.number() + " of bulk job " + delivery.jobId()
                        + " is no longer claimed by this console; nothing was recorded or sent");
            }
        });
    }

    @Override
    public void release(ClaimedDelivery delivery) {
        update("give a bulk delivery back", """
                UPDATE bulk_delivery SET state = 'WAITING', claimed_by = NULL
                 WHERE job_id = ? AND number = ? AND state = 'SENDING' AND claimed_by = ?
                   AND coalesce(entry_id, 0) = ?""", delivery.jobId(), delivery.number(), lease.instanceId(),
                delivery.earlierEntry() == null ? 0L : delivery.earlierEntry());
    }

    @Override
    public void settle(long jobId, int number, DeliveryState state) {
        transactions.inTransaction("settle a bulk delivery", c -> {
            JdbcTransactions.execute(c, "UPDATE bulk_delivery SET state = ? WHERE job_id = ? AND number = ? AND state = 'SENDING'",
                    state.name(), jobId, number);
            // its delivery records may have been read as final already (before this settled it, or by another console)
            JdbcTransactions.execute(c, """
                    UPDATE bulk_delivery d SET state = CASE s.delivery WHEN 'DELIVERED' THEN 'SUCCEEDED' ELSE 'FAILED' END
                      FROM secmaster_policy s
                     WHERE d.job_id = ? AND d.number = ? AND d.state = 'DELIVERING' AND s.entry_id = d.entry_id
                       AND s.next_check_at IS NULL AND s.delivery IN ('DELIVERED', 'FAILED', 'NOT_FOUND')""",
                    jobId, number);
            JdbcTransactions.execute(c, """
                    UPDATE bulk_job SET status = 'FINISHED', finished_at = now()
                     WHERE id = ? AND status = 'RUNNING'
                       AND NOT EXISTS (SELECT 1 FROM bulk_delivery d WHERE d.job_id = ?
                                          AND d.state IN ('WAITING', 'SENDING', 'DELIVERING'))""",
                    jobId, jobId);
            return null;
        });
    }

    @Override
    public void postpone(long jobId, int number, Instant notBefore) {
        update("postpone a bulk delivery", """
                UPDATE bulk_delivery SET state = 'WAITING', claimed_by = NULL, not_before = ?
                 WHERE job_id = ? AND number = ? AND state = 'SENDING' AND claimed_by = ?""", Timestamp.from(notBefore),
                jobId, number, lease.instanceId());
    }

    @Override
    public List<Long> layerFailures(long jobId) {
        return transactions.inTransaction("read the failed deliveries of a bulk job", c -> {
            List<Long> entries = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT d.entry_id FROM bulk_delivery d JOIN request_history h ON h.id = d.entry_id
                     WHERE d.job_id = ? AND d.state = 'FAILED' AND h.status = 'SUCCEEDED' ORDER BY d.number""")) {
                s.setLong(1, jobId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        entries.add(rs.getLong(1));
                    }
                }
            }
            return entries;
        });
    }

    @Override
    public List<Orphan> orphans() {
        return transactions.inTransaction("find orphaned bulk deliveries", c -> {
            List<long[]> found = new ArrayList<>();
            List<String> statuses = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT d.job_id, d.number, d.entry_id, h.status
                      FROM bulk_delivery d LEFT JOIN request_history h ON h.id = d.entry_id
                     WHERE d.state = 'SENDING' AND d.claimed_by <> ?
                       AND NOT EXISTS (SELECT 1 FROM console_lease l WHERE l.instance_id = d.claimed_by
                                          AND l.heartbeat_at > now() - make_interval(secs => ?))
                     ORDER BY d.job_id, d.number LIMIT 100""")) {
                s.setObject(1, lease.instanceId());
                s.setDouble(2, lease.ttl().toMillis() / 1000.0);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Long entry = rs.getObject(3, Long.class);
                        found.add(new long[] {rs.getLong(1), rs.getLong(2), entry == null ? -1 : entry});
                        statuses.add(rs.getString(4));
                    }
                }
            }
            List<Orphan> orphans = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
                long[] f = found.get(i);
                orphans.add(new Orphan(delivery(c, f[0], (int) f[1]), f[2] < 0 ? null : f[2],
                        statuses.get(i) == null ? null : RequestStatus.valueOf(statuses.get(i))));
            }
            return orphans;
        });
    }

    @Override
    public void requeue(Orphan orphan) {
        update("queue an orphaned bulk delivery again", """
                UPDATE bulk_delivery SET state = 'WAITING', claimed_by = NULL, not_before = now()
                 WHERE job_id = ? AND number = ? AND state = 'SENDING' AND coalesce(entry_id, 0) = ?""",
                orphan.delivery().jobId(), orphan.delivery().number(), orphan.entryId() == null ? 0L : orphan.entryId());
    }

    @Override
    public Optional<JobProgress> progress(long jobId) {
        return transactions.inTransaction("read the bulk job", c -> {
            String actor;
            Instant created;
            SecMasterWorkspace workspace;
            JobStatus status;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT actor, created_at, project_id, workspace_id, status FROM bulk_job WHERE id = ?")) {
                s.setLong(1, jobId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    actor = rs.getString(1);
                    created = rs.getObject(2, OffsetDateTime.class).toInstant();
                    workspace = new SecMasterWorkspace(rs.getString(3), rs.getString(4));
                    status = JobStatus.valueOf(rs.getString(5));
                }
            }
            List<DeliveryProgress> deliveries = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT number, object_count, state, not_before, entry_id FROM bulk_delivery
                     WHERE job_id = ? ORDER BY number""")) {
                s.setLong(1, jobId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        deliveries.add(new DeliveryProgress(rs.getInt(1), rs.getInt(2),
                                DeliveryState.valueOf(rs.getString(3)), rs.getObject(4, OffsetDateTime.class).toInstant(),
                                rs.getObject(5, Long.class)));
                    }
                }
            }
            return Optional.of(new JobProgress(jobId, actor, created, workspace, status, deliveries));
        });
    }

    @Override
    public List<JobProgress> recent(int n) {
        List<Long> ids = transactions.inTransaction("list the bulk jobs", c -> {
            List<Long> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM bulk_job ORDER BY id DESC LIMIT ?")) {
                s.setInt(1, Math.max(0, n));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getLong(1));
                    }
                }
            }
            return found;
        });
        return ids.stream().map(this::progress).flatMap(Optional::stream).toList();
    }

    @Override
    public boolean cancel(long jobId) {
        return transactions.inTransaction("cancel the bulk job", c -> {
            int cancelled = JdbcTransactions.execute(c, """
                    UPDATE bulk_job SET status = 'CANCELLED', finished_at = now() WHERE id = ? AND status = 'RUNNING'""",
                    jobId);
            if (cancelled == 1) {
                // only a running job's deliveries: a held job changes by a decision, its expiry or its withdrawal
                JdbcTransactions.execute(c,
                        "UPDATE bulk_delivery SET state = 'CANCELLED' WHERE job_id = ? AND state = 'WAITING'", jobId);
            }
            return cancelled == 1;
        });
    }

    @Override
    public int retryFailed(String actor, long jobId) {
        return transactions.inTransaction("retry the failed bulk deliveries", c -> {
            int queued = JdbcTransactions.execute(c, """
                    UPDATE bulk_delivery d SET state = 'WAITING', claimed_by = NULL, not_before = now(), retried_by = ?
                     WHERE d.job_id = ? AND d.state = 'FAILED'
                       AND EXISTS (SELECT 1 FROM request_history h WHERE h.id = d.entry_id
                                      AND h.status IN ('REFUSED', 'FAILED'))""", actor, jobId);
            if (queued > 0) {
                JdbcTransactions.execute(c, "UPDATE bulk_job SET status = 'RUNNING', finished_at = NULL WHERE id = ?", jobId);
            }
            return queued;
        });
    }

    private void update(String what, String sql, Object... parameters) {
        transactions.inTransaction(what, c -> JdbcTransactions.execute(c, sql, parameters));
    }

}
