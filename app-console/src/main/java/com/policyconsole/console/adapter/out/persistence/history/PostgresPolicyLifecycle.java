package com.policyconsole.console.adapter.out.persistence.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.lifecycle.DeliveryCheck;
import com.policyconsole.domain.model.lifecycle.HistoryPolicy;
import com.policyconsole.domain.model.lifecycle.LayerDelivery;
import com.policyconsole.domain.model.lifecycle.PolicyDelivery;
import com.policyconsole.domain.model.lifecycle.TrackedPolicy;

import com.policyconsole.domain.port.out.PolicyLifecycleStore;
import com.policyconsole.console.adapter.out.persistence.JdbcTransactions;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The life of created policies on PostgreSQL (Flyway V10, {@code secmaster_policy}): rows are made when a create
 * succeeds ({@link #afterOutcome}), due rows are claimed with {@code FOR UPDATE SKIP LOCKED} by moving their next
 * check forward, a final check settles the entry's bulk delivery, and removals and ageing changes that succeeded are
 * written here for the guardrails' inventory.
 */
@ApplicationScoped
public class PostgresPolicyLifecycle implements PolicyLifecycleStore {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private static final String TRACKED_COLUMNS = """
            s.entry_id, s.project_id, s.workspace_id, s.secmaster_version, s.policy_id, h.policy_category,
            h.ages_out_at, s.checks, s.tracked_since,
            ARRAY(SELECT t.target FROM request_target t WHERE t.entry_id = s.entry_id ORDER BY t.id)""";

    private final JdbcTransactions transactions;

    public PostgresPolicyLifecycle(AgroalDataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public List<TrackedPolicy> claimDue(Instant now, int max, Duration claimFor) {
        return transactions.inTransaction("claim policies to check", c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT entry_id FROM secmaster_policy WHERE next_check_at <= ?
                     ORDER BY next_check_at LIMIT ? FOR UPDATE SKIP LOCKED""")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setInt(2, max);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE secmaster_policy SET next_check_at = ? WHERE entry_id = ANY (?)")) {
                s.setTimestamp(1, Timestamp.from(now.plus(claimFor)));
                s.setArray(2, c.createArrayOf("bigint", ids.toArray()));
                s.executeUpdate();
            }
            return tracked(c, "s.entry_id = ANY (?)", c.createArrayOf("bigint", ids.toArray()));
        });
    }

    @Override
    public Optional<TrackedPolicy> tracked(long entryId) {
        return transactions.inTransaction("read a followed policy",
                c -> tracked(c, "s.entry_id = ?", entryId).stream().findFirst());
    }

    private static List<TrackedPolicy> tracked(Connection c, String where, Object parameter) throws SQLException {
        List<TrackedPolicy> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + TRACKED_COLUMNS
                + " FROM secmaster_policy s JOIN request_history h ON h.id = s.entry_id WHERE " + where
                + " ORDER BY s.entry_id")) {
            s.setObject(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp ages = rs.getTimestamp(7);
                    out.add(new TrackedPolicy(rs.getLong(1), new SecMasterWorkspace(rs.getString(2), rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6), texts(rs.getArray(10)),
                            ages == null ? null : ages.toInstant(), rs.getInt(8), rs.getTimestamp(9).toInstant()));
                }
            }
        }
        return out;
    }

    @Override
    public void recordCheck(long entryId, String policyId, DeliveryCheck check, List<LayerDelivery> layers,
                            Instant checkedAt, Instant nextCheckAt) {
        transactions.inTransaction("record a delivery check", c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE secmaster_policy SET policy_id = coalesce(?, policy_id), delivery = ?,
                           layers = CASE WHEN ? THEN layers ELSE ? END, checked_at = ?, next_check_at = ?,
                           checks = checks + 1
                     WHERE entry_id = ? AND delivery <> 'REMOVED'""")) {
                s.setString(1, policyId);
                s.setString(2, check.name());
                s.setBoolean(3, layers.isEmpty() && !check.isFinal());
                s.setString(4, writeLayers(layers));
                s.setTimestamp(5, Timestamp.from(checkedAt));
                s.setTimestamp(6, nextCheckAt == null ? null : Timestamp.from(nextCheckAt));
                s.setLong(7, entryId);
                s.executeUpdate();
            }
            if (check.isFinal()) {
                settleBulkDelivery(c, entryId, check == DeliveryCheck.DELIVERED);
            }
            return null;
        });
    }

    /** A final check settles the DELIVERING bulk delivery of the entry, and finishes its job when nothing is left. */
    private static void settleBulkDelivery(Connection c, long entryId, boolean delivered) throws SQLException {
        Long jobId = null;
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE bulk_delivery SET state = ? WHERE entry_id = ? AND state = 'DELIVERING' RETURNING job_id""")) {
            s.setString(1, delivered ? "SUCCEEDED" : "FAILED");
            s.setLong(2, entryId);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    jobId = rs.getLong(1);
                }
            }
        }
        if (jobId != null) {
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE bulk_job SET status = 'FINISHED', finished_at = now()
                     WHERE id = ? AND status = 'RUNNING'
                       AND NOT EXISTS (SELECT 1 FROM bulk_delivery d WHERE d.job_id = ?
                                          AND d.state IN ('WAITING', 'SENDING', 'DELIVERING'))""")) {
                s.setLong(1, jobId);
                s.setLong(2, jobId);
                s.executeUpdate();
            }
        }
    }

    @Override
    public void checkAgain(long entryId, Instant at) {
        transactions.inTransaction("check a policy again", c -> {
            checkAgain(c, entryId, at);
            return null;
        });
    }

    /** Reads the policy again from {@code at}; its bulk delivery that failed is being delivered again. */
    static void checkAgain(Connection c, long entryId, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE secmaster_policy SET next_check_at = ?, checks = 0,
                       delivery = CASE WHEN policy_id IS NULL THEN 'LOOKING' ELSE 'IN_PROGRESS' END
                 WHERE entry_id = ? AND delivery <> 'REMOVED'""")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setLong(2, entryId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("""
                WITH again AS (UPDATE bulk_delivery SET state = 'DELIVERING' WHERE entry_id = ? AND state = 'FAILED'
                               RETURNING job_id)
                UPDATE bulk_job SET status = 'RUNNING', finished_at = NULL WHERE id IN (SELECT job_id FROM again)""")) {
            s.setLong(1, entryId);
            s.executeUpdate();
        }
    }

    @Override
    public Map<Long, PolicyDelivery> deliveries(Collection<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        return transactions.inTransaction("read delivery states", c -> {
            Map<Long, PolicyDelivery> out = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT entry_id, policy_id, delivery, layers, checked_at, removed_by FROM secmaster_policy
                     WHERE entry_id = ANY (?)""")) {
                s.setArray(1, c.createArrayOf("bigint", entryIds.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Timestamp checked = rs.getTimestamp(5);
                        out.put(rs.getLong(1), new PolicyDelivery(rs.getLong(1), rs.getString(2),
                                DeliveryCheck.valueOf(rs.getString(3)), readLayers(rs.getString(4)),
                                checked == null ? null : checked.toInstant(), rs.getObject(6, Long.class)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<HistoryPolicy> historyPolicies(SecMasterWorkspace workspace) {
        return transactions.inTransaction("read the workspace's policies", c -> {
            List<HistoryPolicy> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT s.entry_id, s.policy_id, h.actor, h.requested_at,
                           CAST(h.request_body AS jsonb) #>> '{data_object,description}', h.policy_category,
                           CASE WHEN s.ageing_changed THEN s.ages_out_at ELSE h.ages_out_at END, s.delivery,
                           ARRAY(SELECT t.target FROM request_target t WHERE t.entry_id = s.entry_id ORDER BY t.id)
                      FROM secmaster_policy s JOIN request_history h ON h.id = s.entry_id
                     WHERE s.project_id = ? AND s.workspace_id = ? AND s.removed_by IS NULL
                     ORDER BY s.entry_id DESC""")) {
                s.setString(1, workspace.projectId());
                s.setString(2, workspace.workspaceId());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Timestamp ages = rs.getTimestamp(7);
                        out.add(new HistoryPolicy(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6),
                                texts(rs.getArray(9)), ages == null ? null : ages.toInstant(),
                                DeliveryCheck.valueOf(rs.getString(8))));
                    }
                }
            }
            return out;
        });
    }

    /**
     * What a recorded outcome does to the life of policies, in the outcome's transaction: a create that succeeded is
     * followed; a retry that succeeded has its policy read again; a removal or an ageing change that succeeded is
     * written on the policies it names (rows are made for policies created before they were followed).
     */
    static void afterOutcome(Connection c, long entryId, String operation, Instant now) throws SQLException {
        switch (operation) {
            case "CREATE_EMERGENCY_POLICY" -> JdbcTransactions.execute(c, """
                    INSERT INTO secmaster_policy (entry_id, project_id, workspace_id, secmaster_version, delivery,
                                                  next_check_at, tracked_since)
                    SELECT id, project_id, workspace_id,
                           CAST(request_structure AS jsonb) #>> '{headers,x-secmaster-version}', 'LOOKING', ?, ?
                      FROM request_history WHERE id = ? AND project_id IS NOT NULL AND workspace_id IS NOT NULL
                    ON CONFLICT (entry_id) DO NOTHING""", Timestamp.from(now), Timestamp.from(now), entryId);
            case "RETRY_EMERGENCY_POLICY" -> {
                Long root = null;
                try (PreparedStatement s = c.prepareStatement("""
                        WITH RECURSIVE up(id, retry_of) AS (
                            SELECT id, retry_of FROM request_history WHERE id = ?
                            UNION ALL SELECT h.id, h.retry_of FROM request_history h JOIN up ON h.id = up.retry_of)
                        SELECT id FROM up WHERE retry_of IS NULL""")) {
                    s.setLong(1, entryId);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            root = rs.getLong(1);
                        }
                    }
                }
                if (root != null && root != entryId) {
                    checkAgain(c, root, now);
                }
            }
            case "REMOVE_EMERGENCY_POLICY", "CHANGE_POLICY_AGEING" -> {
                JdbcTransactions.execute(c, """
                        INSERT INTO secmaster_policy (entry_id, project_id, workspace_id, policy_id, delivery,
                                                      tracked_since)
                        SELECT c.subject_entry_id, h.project_id, h.workspace_id, c.policy_id, 'DELIVERED', ?
                          FROM policy_change_subject c JOIN request_history h ON h.id = c.subject_entry_id
                         WHERE c.entry_id = ? AND h.project_id IS NOT NULL AND h.workspace_id IS NOT NULL
                           AND NOT EXISTS (SELECT 1 FROM secmaster_policy o WHERE o.project_id = h.project_id
                                              AND o.workspace_id = h.workspace_id AND o.policy_id = c.policy_id)
                        ON CONFLICT (entry_id) DO NOTHING""", Timestamp.from(now), entryId);
                if (operation.equals("REMOVE_EMERGENCY_POLICY")) {
                    JdbcTransactions.execute(c, """
                            UPDATE secmaster_policy s SET delivery = 'REMOVED', removed_by = c.entry_id,
                                   next_check_at = NULL
                              FROM policy_change_subject c WHERE c.entry_id = ? AND s.entry_id = c.subject_entry_id""",
                            entryId);
                } else {
                    JdbcTransactions.execute(c, """
                            UPDATE secmaster_policy s SET ageing_changed = true, ages_out_at = h.ages_out_at
                              FROM policy_change_subject c JOIN request_history h ON h.id = c.entry_id
                             WHERE c.entry_id = ? AND s.entry_id = c.subject_entry_id""", entryId);
                }
            }
            default -> {
            }
        }
    }

    /** Links a removal or ageing change to the policies it names and the entries that created them. */
    static void linkSubjects(Connection c, long entryId, com.policyconsole.domain.model.lifecycle.PolicyChange change)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO policy_change_subject (entry_id, policy_id, subject_entry_id) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING")) {
            for (com.policyconsole.domain.model.lifecycle.PolicyChange.Subject subject : change.subjects()) {
                s.setLong(1, entryId);
                s.setString(2, subject.policyId());
                s.setObject(3, subject.entryId());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static String writeLayers(List<LayerDelivery> layers) {
        try {
            return JSON.writeValueAsString(layers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write delivery records", e);
        }
    }

    private static List<LayerDelivery> readLayers(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<LayerDelivery>>() { });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
