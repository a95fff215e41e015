package com.policyconsole.console.adapter.out.persistence.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.adapter.out.persistence.audit.AuditChainVerifier;
import com.policyconsole.console.testing.TestDatabase;
import com.policyconsole.domain.model.audit.AuditAnchor;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Migrations on a private database that has data from before them: V6 gives every older entry its request structure,
 * recorded in the audit chain; V8 keeps the chain built under the old lock valid and seals new records after it. Flyway
 * migrates as the owner role, as the console does, in a database the owner owns; the rows from before are written by
 * the superuser, and the runtime role seals the new records once the grants (R__database_roles.sql) are in.
 */
class MigrationTest {

    private static final String SERVER = System.getenv("POLICYCONSOLE_TEST_DB_URL");

    private final String database = "migration_" + UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    void createDatabase() throws SQLException {
        assertThat(SERVER).as("POLICYCONSOLE_TEST_DB_URL (set by scripts/test.sh)").isNotBlank();
        TestDatabase.createDatabase(database);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        TestDatabase.dropDatabase(database);
    }

    private String url() {
        return SERVER.replaceFirst("/postgres(\\?|$)", "/" + database + "$1");
    }

    /** Flyway as the console runs it: as the owner role, with the roles' names for the grants. */
    private Flyway flyway(String target) {
        FluentConfiguration flyway = Flyway.configure().dataSource(url(), TestDatabase.OWNER, "")
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", TestDatabase.APP, "auditor_role", TestDatabase.AUDITOR))
                .target(target);
        if (!"latest".equals(target)) {
            // up to an older version only: the repeatable grants name the latest tables, so they wait for the latest
            flyway.repeatableSqlMigrationPrefix("R-after-the-latest-version-");
        }
        return flyway.load();
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

    @Test
    void theChainFromBeforeTheSealerStaysValidAndNewRecordsAreSealedAfterIt() throws SQLException {
        flyway("7").migrate();
        String anchor;
        try (Connection c = DriverManager.getConnection(url(), "postgres", ""); Statement s = c.createStatement()) {
            for (int i = 0; i < 3; i++) {
                s.execute(INSERT_ENTRY);
            }
            s.execute("UPDATE request_history SET status = 'SUCCEEDED', completed_at = now() WHERE status = 'PENDING'");
            anchor = single(s, "SELECT '#' || position || ':' || hash FROM audit_chain_head");
            assertThat(single(s, "SELECT count(*) FROM audit_event")).isEqualTo("6");
        }

        flyway("latest").migrate();

        try (Connection c = DriverManager.getConnection(url(), "postgres", ""); Statement s = c.createStatement()) {
            AuditChainVerifier verifier = new AuditChainVerifier(Clock.systemUTC());
            AuditAnchor noted = AuditAnchor.parse(anchor).orElseThrow();
            assertThat(verifier.verify(c, Optional.of(noted)).findings()).as("the old chain as it was").isEmpty();

            s.execute(INSERT_ENTRY);
            s.execute("UPDATE request_history SET status = 'FAILED', completed_at = now() WHERE status = 'PENDING'");
            AuditVerification waiting = verifier.verify(c, Optional.of(noted));
            assertThat(waiting.findings()).isEmpty();
            assertThat(waiting.unsealed()).isEqualTo(2);
            assertThat(waiting.headPosition()).isEqualTo(6);

            try (Connection app = TestDatabase.as(TestDatabase.APP, url()); Statement sealer = app.createStatement()) {
                assertThat(single(sealer, "SELECT audit_seal(5000, true)")).as("sealed by the runtime role").isEqualTo("2");
            }
            assertThat(single(s, "SELECT string_agg(position || ':' || seq, ',' ORDER BY position) FROM audit_event"
                    + " WHERE seq IS NOT NULL")).as("sealed after the old chain, in append order").isEqualTo("7:1,8:2");
            AuditVerification sealed = verifier.verify(c, Optional.of(noted));
            assertThat(sealed.findings()).isEmpty();
            assertThat(sealed.unsealed()).isZero();
            assertThat(sealed.recordsChecked()).isEqualTo(8);
            assertThat(sealed.headPosition()).isEqualTo(8);
        }
    }

    private static final String INSERT_ENTRY = """
            INSERT INTO request_history (operation, actor, status, requested_at, project_id, workspace_id,
                request_method, request_url, request_headers, request_body)
            VALUES ('CREATE_EMERGENCY_POLICY', 'alice', 'PENDING', now(), 'proj-1', 'ws-1', 'POST',
                'http://x/v1/proj-1/workspaces/ws-1/soc/policys?action_type=create', E'x-secmaster-version: 25.5.0\\n',
                '{"data_object":{}}')""";

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
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
