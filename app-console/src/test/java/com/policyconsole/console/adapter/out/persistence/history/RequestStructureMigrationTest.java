package com.policyconsole.console.adapter.out.persistence.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.adapter.out.persistence.audit.AuditChainVerifier;
import com.policyconsole.domain.model.audit.AuditVerification;
import com.policyconsole.domain.model.history.RenderedRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Flyway V6 on a database that has history from before it: every older entry gets its request structure from its own
 * columns, the change is recorded in the audit chain, and the chain stays intact.
 */
class RequestStructureMigrationTest {

    private static final String SERVER = System.getenv("POLICYCONSOLE_TEST_DB_URL");

    private final String database = "migration_" + UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    void createDatabase() throws SQLException {
        assertThat(SERVER).as("POLICYCONSOLE_TEST_DB_URL (set by scripts/test.sh)").isNotBlank();
        try (Connection c = DriverManager.getConnection(SERVER, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private String url() {
        return SERVER.replaceFirst("/postgres(\\?|$)", "/" + database + "$1");
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(url(), "postgres", "").locations("classpath:db/migration")
                .target(target).load();
    }

    @Test
    void olderEntriesGetTheirStructureOnceAndTheChainStaysIntact() throws SQLException {
        flyway("5").migrate();
        try (Connection c = DriverManager.getConnection(url(), "postgres", ""); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO request_history (operation, actor, status, requested_at, completed_at, project_id,
                        workspace_id, request_method, request_url, request_headers, request_body)
                    VALUES ('CREATE_EMERGENCY_POLICY', 'alice', 'UNKNOWN', now(), now(), 'proj-1', 'ws-1', 'POST',
                        'http://x/v1/proj-1/workspaces/ws-1/soc/policys?action_type=create',
                        E'content-type: application/json;charset=UTF-8\\nx-secmaster-version: 25.5.0\\nX-Auth-Token: ****\\n',
                        '{"data_object":{}}')""");
            s.execute("""
                    INSERT INTO request_history (operation, actor, status, requested_at, domain_id, request_method,
                        request_url, request_headers, request_body)
                    VALUES ('ADD_CONFIG_RULE', 'bob', 'PENDING', now(), 'dom-1', 'PUT',
                        'http://x/v1/resource-manager/domains/dom-1/policy-assignments',
                        E'content-type: application/json\\n', '{}')""");
        }

        flyway("latest").migrate();

        try (Connection c = DriverManager.getConnection(url(), "postgres", ""); Statement s = c.createStatement()) {
            List<RenderedRequest> read = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    SELECT request_structure, request_method, request_url, request_body FROM request_history
                     ORDER BY id""")) {
                while (rs.next()) {
                    read.add(RequestStructure.read(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            assertThat(read.get(0).pathTemplate()).isEqualTo("/v1/{project_id}/workspaces/{workspace_id}/soc/policys");
            assertThat(read.get(0).pathParameters()).containsEntry("project_id", "proj-1")
                    .containsEntry("workspace_id", "ws-1");
            assertThat(read.get(0).query()).containsEntry("action_type", "create");
            assertThat(read.get(0).header("X-SecMaster-Version")).isEqualTo("25.5.0");
            assertThat(read.get(0).header("X-Auth-Token")).isEqualTo("****");
            assertThat(read.get(1).pathTemplate()).isEqualTo("/v1/resource-manager/domains/{domain_id}/policy-assignments");
            assertThat(read.get(1).pathParameters()).containsEntry("domain_id", "dom-1");
            assertThat(read.get(1).query()).isEmpty();

            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_event WHERE kind = 'MIGRATED'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("one MIGRATED record per older entry").isEqualTo(2);
            }
            AuditVerification verification = new AuditChainVerifier(Clock.systemUTC()).verify(c, Optional.empty());
            assertThat(verification.findings()).isEmpty();

            assertThat(refused(s, "UPDATE request_history SET request_structure = '{}' WHERE operation = 'ADD_CONFIG_RULE'"))
                    .as("the structure is part of the request, never changed").contains("append-only");
        }
    }

    private static String refused(Statement s, String sql) {
        try {
            s.execute(sql);
            return "accepted";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }
}
