package com.policyconsole.console.adapter.out.persistence.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.testing.TestDatabase;
import com.policyconsole.domain.model.approval.ApprovalHold;
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
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The README's auditor queries, run as the auditor role against the views of V3__audit_views.sql and
 * V17__auditor_views.sql, on rows the console wrote as its runtime role.
 */
@QuarkusTest
class AuditViewsTest {

    @Inject
    PostgresRequestHistory history;

    @Inject
    AgroalDataSource dataSource;

    private static PendingRequest pending(String actor, String target) {
        EmergencyPolicy policy = EmergencyPolicy.builder().regionId("cn-north-4").category(PolicyCategory.BLOCK)
                .blockType(BlockType.SOURCE_IP).targets(target).blockAge(BlockAge.none())
                .connection(new DefenseConnection("c", "CFW", "cn-north-4", "x", "CFW", "0", "default", "p", "p"))
                .build();
        return new PendingRequest(actor, Instant.now(),
                new SubmittedRequest.EmergencyPolicySubmission(
                        EmergencyPolicyRequest.create(new SecMasterWorkspace("p", "w"), "25.5.0", policy)),
                new RenderedRequest("POST", "http://x", "/v1/x", Map.of(), Map.of(), Map.of(), "{}"), null);
    }

    private long block(String actor, String target, CloudOutcome outcome) {
        long id = history.recordPending(pending(actor, target));
        history.recordOutcome(id, outcome, Duration.ZERO);
        return id;
    }

    @Test
    void everyBlockOfAnIpInAPeriodIsOneQuery() throws SQLException {
        String actor = "view-" + UUID.randomUUID();
        long inRange = block(actor, "192.0.2.0/28", new CloudOutcome.Accepted("t", null, 200, null, null));
        block(actor, "192.0.2.64/28", new CloudOutcome.Accepted("t", null, 200, null, null));

        assertThat(asAuditor("""
                SELECT entry_id FROM audit_policy_objects
                WHERE policy_category = 'BLOCK' AND network >>= inet '192.0.2.5'
                  AND requested_at >= now() - interval '1 day' AND actor = ?""", actor)).containsExactly(inRange + "");
    }

    @Test
    void failuresAreCountedByActor() throws SQLException {
        String actor = "view-" + UUID.randomUUID();
        block(actor, "198.18.0.1", new CloudOutcome.Refused(400, "SecMaster.1", "no", null, null));
        block(actor, "198.18.0.2", new CloudOutcome.Unknown("timeout", 0, null, null));
        block(actor, "198.18.0.3", new CloudOutcome.Accepted("t", null, 200, null, null));

        assertThat(asAuditor("SELECT status || ' ' || requests FROM audit_failures_by_actor WHERE actor = ?"
                + " ORDER BY status", actor)).containsExactly("REFUSED 1", "UNKNOWN 1");
    }

    @Test
    void approvalsShowWhoAskedWhoDecidedWhatAndWhy() throws SQLException {
        String actor = "view-" + UUID.randomUUID().toString().substring(0, 8);
        PendingRequest request = pending(actor, "192.0.2.128/25");
        Instant now = Instant.now();
        long approved = history.recordAwaiting(request, ApprovalHold.of(List.of("a CIDR wider than /16"), actor,
                request.rendered(), now.plus(Duration.ofHours(1))));
        long rejected = history.recordAwaiting(request, ApprovalHold.of(List.of("a CIDR wider than /16"), actor,
                request.rendered(), now.plus(Duration.ofHours(1))));
        assertThat(history.decide(approved, true, "ada", "ticket 7", now)).isTrue();
        assertThat(history.decide(rejected, false, "ada", "not this one", now)).isTrue();
        history.recordOutcome(approved, new CloudOutcome.Accepted("t", null, 200, null, null), Duration.ZERO);

        assertThat(asAuditor("""
                SELECT subject_id || ' ' || operation || ' ' || requested_by || ' ' || decision || ' ' || decided_by
                       || ' ' || decision_reason
                FROM audit_approvals
                WHERE decided_at >= now() - interval '1 day' AND requested_by = ?
                ORDER BY subject_id""", actor)).containsExactly(
                approved + " CREATE_EMERGENCY_POLICY " + actor + " APPROVED ada ticket 7",
                rejected + " CREATE_EMERGENCY_POLICY " + actor + " REJECTED ada not this one");
    }

    @Test
    void everythingThatHappenedToOneConfigRuleIsOneQuery() throws SQLException {
        String rule = "view-rule-" + UUID.randomUUID().toString().substring(0, 8);
        long disable = asRuntimeRole("""
                INSERT INTO request_history (operation, actor, status, requested_at, completed_at, domain_id, rule_name,
                    rule_id, request_method, request_url, request_headers, request_body)
                VALUES ('DISABLE_CONFIG_RULE', 'view-olga', 'SUCCEEDED', now(), now(), 'd', ?, 'rule-id', 'POST',
                    'http://x', '', '') RETURNING id""", rule);
        long delete = asRuntimeRole("""
                INSERT INTO request_history (operation, actor, status, requested_at, completed_at, domain_id, rule_name,
                    rule_id, step_of, request_method, request_url, request_headers, request_body)
                VALUES ('DELETE_CONFIG_RULE', 'view-olga', 'SUCCEEDED', now(), now(), 'd', ?, 'rule-id', ?, 'DELETE',
                    'http://x', '', '') RETURNING id""", rule, disable);

        assertThat(asAuditor("""
                SELECT entry_id || ' ' || operation || ' ' || status || coalesce(' step of ' || step_of, '')
                FROM audit_config_rule_operations
                WHERE rule_name = ?
                ORDER BY entry_id""", rule)).containsExactly(disable + " DISABLE_CONFIG_RULE SUCCEEDED",
                delete + " DELETE_CONFIG_RULE SUCCEEDED step of " + disable);
    }

    @Test
    void bulkJobsWithFailedDeliveriesAndThoseDeliveries() throws SQLException {
        String actor = "view-" + UUID.randomUUID().toString().substring(0, 8);
        // the job and its deliveries in one transaction, as the console records them: its audit record holds both
        long job = asRuntimeRole("""
                WITH job AS (
                    INSERT INTO bulk_job (actor, created_at, project_id, workspace_id, template, secmaster_version,
                        status, finished_at)
                    VALUES (?, now(), 'p', 'w', '{}', '25.5.0', 'FINISHED', now()) RETURNING id
                ), deliveries AS (
                    INSERT INTO bulk_delivery (job_id, number, objects, object_count, not_before, state)
                    SELECT id, 1, E'192.0.2.1\\n192.0.2.2', 2, now(), 'SUCCEEDED' FROM job
                    UNION ALL SELECT id, 2, '192.0.2.3', 1, now(), 'FAILED' FROM job
                )
                SELECT id FROM job""", actor);

        assertThat(asAuditor("""
                SELECT job_id || ' ' || status || ' ' || deliveries || ' ' || objects || ' ' || failed
                FROM audit_bulk_jobs WHERE failed > 0 AND actor = ?""", actor))
                .containsExactly(job + " FINISHED 2 3 1");
        assertThat(asAuditor("""
                SELECT number || ' ' || object_count || ' ' || state FROM audit_bulk_deliveries
                WHERE job_id = ? ORDER BY number""", job)).containsExactly("1 2 SUCCEEDED", "2 1 FAILED");
    }

    @Test
    void failedLoginsPerAddressAndWhoWasMadeAnAdminByWhom() throws SQLException {
        String name = "view-" + UUID.randomUUID().toString().substring(0, 8);
        String address = "198.51.100." + (1 + (int) (Math.random() * 250));
        asRuntimeRole("""
                INSERT INTO login_event (kind, at, username, address) VALUES ('FAILED', now(), ?, ?),
                    ('THROTTLED', now(), ?, ?) RETURNING id""", name, address, name, address);
        long id = asRuntimeRole("""
                INSERT INTO console_user (username, password_hash, roles, created_at, updated_at) VALUES (?, ?,
                    'operator', now(), now()) RETURNING id""", name, BCRYPT);
        asRuntimeRole("""
                UPDATE console_user SET roles = 'operator,admin', updated_at = now(), changed_by = 'ada' WHERE id = ?
                RETURNING id""", id);

        assertThat(asAuditor("""
                SELECT count(*) FROM audit_logins
                WHERE kind IN ('FAILED', 'THROTTLED') AND at > now() - interval '1 day' AND username = ?
                GROUP BY address""", name)).containsExactly("2");
        assertThat(asAuditor("""
                SELECT coalesce(roles_before, '-') || ' ' || roles || ' ' || coalesce(changed_by, '-') || ' '
                       || password_set
                FROM audit_account_changes
                WHERE roles LIKE '%admin%' AND (roles_before IS NULL OR roles_before NOT LIKE '%admin%')
                  AND username = ?
                ORDER BY recorded_at""", name)).containsExactly("operator operator,admin ada false");
    }

    private static final String BCRYPT = "$2a$10$" + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0".substring(0, 53);

    /** Runs a statement that returns one number (the first row's) as the console does, on its own connection. */
    private long asRuntimeRole(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The first column of every row of a query run as the auditor role, as text. */
    private static List<String> asAuditor(String sql, Object... parameters) throws SQLException {
        try (Connection c = TestDatabase.auditor(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }
}
