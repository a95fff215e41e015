package com.policyconsole.console.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.policyconsole.console.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The console's database roles (README, "Database roles"; Flyway's R__database_roles.sql) on the real database: the
 * runtime role the console connects as records, completes and seals entries, but can neither switch a trigger off,
 * drop one, redefine a function, truncate a table nor change or remove history and audit rows; every object belongs to
 * the owner Flyway migrates as; the auditor role reads the audit views and the chain and nothing else.
 */
@QuarkusTest
class DatabaseRolesTest {

    /** PostgreSQL's insufficient_privilege, also raised by the append-only triggers. */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private static final List<String> AUDIT_TABLES = List.of("request_history", "request_target", "audit_event",
            "audit_chain_head", "console_user", "login_event", "bulk_job", "bulk_delivery", "security_act");

    private static final List<String> TRIGGERS = List.of(
            "request_history_append_only ON request_history", "request_history_audit ON request_history",
            "request_history_no_truncate ON request_history", "request_target_append_only ON request_target",
            "request_target_no_truncate ON request_target", "console_user_audit ON console_user",
            "audit_event_append_only ON audit_event", "audit_event_no_truncate ON audit_event",
            "audit_chain_head_forward_only ON audit_chain_head", "audit_chain_head_no_truncate ON audit_chain_head",
            "login_event_audit ON login_event", "login_event_append_only ON login_event",
            "login_event_no_truncate ON login_event", "bulk_job_audit ON bulk_job",
            "bulk_job_decision_audit ON bulk_job", "bulk_job_written_once ON bulk_job",
            "bulk_delivery_objects_once ON bulk_delivery", "security_act_audit ON security_act",
            "security_act_append_only ON security_act", "security_act_no_truncate ON security_act");

    /** Every function of the migrations, as a signature and its result. */
    private static final List<String> AUDIT_FUNCTIONS = List.of(
            "audit_request_state(BIGINT) RETURNS TEXT", "audit_account_state(BIGINT) RETURNS TEXT",
            "audit_login_state(BIGINT) RETURNS TEXT", "audit_bulk_job_state(BIGINT) RETURNS TEXT",
            "audit_act_state(BIGINT) RETURNS TEXT",
            "audit_record_hash(TEXT, TEXT, TEXT, BIGINT, TIMESTAMPTZ, TEXT) RETURNS TEXT",
            "audit_content_hash(TEXT, TEXT, BIGINT, TIMESTAMPTZ, TEXT) RETURNS TEXT",
            "audit_append(TEXT, TEXT, BIGINT, TEXT) RETURNS VOID", "audit_seal(INTEGER, BOOLEAN) RETURNS INTEGER",
            "audit_seal_lock_key() RETURNS BIGINT", "audit_refuse(TEXT) RETURNS VOID",
            "audit_request_written() RETURNS TRIGGER", "audit_account_written() RETURNS TRIGGER",
            "audit_login_written() RETURNS TRIGGER", "audit_bulk_job_written() RETURNS TRIGGER",
            "audit_act_written() RETURNS TRIGGER", "request_history_guard() RETURNS TRIGGER",
            "audit_refuse_change() RETURNS TRIGGER", "audit_event_guard() RETURNS TRIGGER",
            "audit_chain_head_guard() RETURNS TRIGGER", "bulk_job_guard() RETURNS TRIGGER",
            "bulk_delivery_guard() RETURNS TRIGGER");

    /** What auditors may read. */
    private static final List<String> AUDITOR_RELATIONS = List.of("audit_policy_objects", "audit_failures",
            "audit_failures_by_actor", "audit_approvals", "audit_config_rule_operations", "audit_bulk_jobs",
            "audit_bulk_deliveries", "audit_logins", "audit_account_changes", "audit_event", "audit_chain_head");

    /** A completed (final) history entry the refused statements aim at, made once by the runtime role. */
    private static volatile long finalEntry;

    @ConfigProperty(name = "quarkus.datasource.username")
    String runtimeRole;

    @ConfigProperty(name = "quarkus.flyway.username")
    String ownerRole;

    /** Statements the runtime role is refused; {entry} is a final history entry, {owner} the owner role. */
    static Stream<String> refusedToTheRuntimeRole() {
        List<String> refused = new ArrayList<>();
        AUDIT_TABLES.forEach(t -> refused.add("ALTER TABLE " + t + " DISABLE TRIGGER ALL"));
        refused.add("ALTER TABLE request_history DISABLE TRIGGER request_history_append_only");
        refused.add("ALTER TABLE console_user DISABLE TRIGGER USER");
        TRIGGERS.forEach(t -> refused.add("DROP TRIGGER " + t));
        AUDIT_FUNCTIONS.forEach(f -> refused.add("CREATE OR REPLACE FUNCTION " + f
                + " LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'replaced'; END $$"));
        refused.add("ALTER FUNCTION audit_request_written() SECURITY INVOKER");
        refused.add("ALTER FUNCTION audit_seal(INTEGER, BOOLEAN) OWNER TO CURRENT_USER");
        refused.add("DROP FUNCTION audit_refuse_change() CASCADE");
        AUDIT_TABLES.forEach(t -> refused.add("TRUNCATE " + t + " CASCADE"));
        refused.addAll(List.of(
                "UPDATE request_history SET status = 'FAILED' WHERE id = {entry}",
                "UPDATE request_history SET actor = 'mallory' WHERE id = {entry}",
                "UPDATE request_history SET request_body = '{}' WHERE id = {entry}",
                "DELETE FROM request_history WHERE id = {entry}",
                "UPDATE request_target SET target = '198.51.100.1' WHERE entry_id = {entry}",
                "DELETE FROM request_target WHERE entry_id = {entry}",
                "UPDATE audit_event SET payload = '{}' WHERE subject = 'request' AND subject_id = {entry}",
                "UPDATE audit_event SET position = NULL, previous_hash = NULL, hash = NULL",
                "DELETE FROM audit_event WHERE subject = 'request' AND subject_id = {entry}",
                "INSERT INTO audit_event (seq, recorded_at, kind, subject, subject_id, payload, content_hash)"
                        + " VALUES (-1, now(), 'REQUESTED', 'request', {entry}, '{}', repeat('0', 64))",
                "UPDATE audit_chain_head SET position = 0",
                "DELETE FROM audit_chain_head",
                "UPDATE login_event SET username = 'nobody'",
                "DELETE FROM login_event",
                "UPDATE security_act SET detail = '{}'",
                "DELETE FROM security_act",
                "DELETE FROM console_user",
                "UPDATE bulk_job SET template = '{}'",
                "UPDATE bulk_delivery SET objects = '203.0.113.1'",
                "UPDATE api_token SET expires_at = now() + interval '10 years'",
                "SELECT audit_append('REQUESTED', 'request', {entry}, '{}')",
                "SET session_replication_role = replica",
                "SET ROLE {owner}",
                "CREATE TABLE request_history_copy (id BIGINT)",
                "CREATE FUNCTION audit_helper() RETURNS INTEGER LANGUAGE sql AS $$ SELECT 1 $$",
                "CREATE TEMPORARY TABLE audit_event (position BIGINT)",
                "ALTER TABLE request_history ADD CONSTRAINT refuse_everything CHECK (false) NOT VALID",
                "DROP TABLE audit_event CASCADE",
                "DROP VIEW audit_logins"));
        return refused.stream();
    }

    @ParameterizedTest(name = "refused to the runtime role: {0}")
    @MethodSource("refusedToTheRuntimeRole")
    void theRuntimeRoleCannotTamperWithTheTrail(String statement) throws SQLException {
        String sql = statement.replace("{entry}", Long.toString(finalEntry())).replace("{owner}", ownerRole);
        try (Connection c = runtime(); Statement s = c.createStatement()) {
            // in a transaction rolled back whatever happens: a statement wrongly allowed changes nothing
            c.setAutoCommit(false);
            try {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void theRuntimeRoleRecordsCompletesAndSealsAnEntryWhoseRecordsTheTriggersWrite() throws SQLException {
        long id = finalEntry();
        try (Connection c = runtime(); Statement s = c.createStatement()) {
            assertThat(s.executeQuery("SELECT audit_seal(5000, true)").next()).isTrue();
            assertThat(strings(c, "SELECT kind FROM audit_event WHERE subject = 'request' AND subject_id = " + id
                    + " ORDER BY seq")).containsExactly("REQUESTED", "COMPLETED");
            assertThat(strings(c, "SELECT (payload = audit_request_state(" + id + "))::text FROM audit_event"
                    + " WHERE subject = 'request' AND subject_id = " + id + " AND kind = 'COMPLETED'"))
                    .containsExactly("true");
        }
    }

    @Test
    void theRuntimeRoleIsNoSuperuserNorTheOwnerAndCreatesNothing() throws SQLException {
        try (Connection c = TestDatabase.superuser()) {
            assertThat(strings(c, "SELECT concat_ws(' ', rolsuper, rolcreaterole, rolcreatedb, rolreplication,"
                    + " rolbypassrls) FROM pg_roles WHERE rolname IN ('" + runtimeRole + "', '" + ownerRole + "', '"
                    + TestDatabase.AUDITOR + "')")).hasSize(3).containsOnly("f f f f f");
            assertThat(strings(c, "SELECT concat_ws(' ', has_schema_privilege('" + runtimeRole + "', 'public', 'CREATE'),"
                    + " has_database_privilege('" + runtimeRole + "', current_database(), 'CREATE'),"
                    + " has_database_privilege('" + runtimeRole + "', current_database(), 'TEMPORARY'),"
                    + " pg_has_role('" + runtimeRole + "', '" + ownerRole + "', 'MEMBER'))"))
                    .containsExactly("f f f f");
        }
    }

    @Test
    void everyObjectBelongsToTheOwnerAndTheChainIsWrittenWithItsRightsOnly() throws SQLException {
        try (Connection c = TestDatabase.superuser()) {
            assertThat(strings(c, "SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace"
                    + " AND pg_get_userbyid(c.relowner) <> '" + ownerRole + "'")).as("relations of another owner").isEmpty();
            assertThat(strings(c, "SELECT p.proname FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace"
                    + " AND pg_get_userbyid(p.proowner) <> '" + ownerRole + "'")).as("functions of another owner").isEmpty();
            assertThat(strings(c, "SELECT p.proname FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace"
                    + " AND p.prosecdef AND 'search_path=public, pg_temp' = ANY (p.proconfig) ORDER BY 1"))
                    .as("functions run with the owner's rights on a fixed search path")
                    .containsExactly("audit_account_written", "audit_act_written", "audit_bulk_job_written",
                            "audit_login_written", "audit_request_written", "audit_seal");
            assertThat(strings(c, "SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace"
                    + " AND c.relkind = 'r' AND c.relname <> 'flyway_schema_history'"
                    + " AND NOT has_table_privilege('" + runtimeRole + "', c.oid, 'SELECT')"))
                    .as("tables the console cannot read: R__database_roles.sql has no grant for them yet").isEmpty();
            assertThat(strings(c, "SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace"
                    + " AND c.relkind IN ('r', 'p') AND has_table_privilege('" + runtimeRole + "', c.oid,"
                    + " 'TRUNCATE, REFERENCES, TRIGGER')")).as("tables the console may truncate or hang triggers on")
                    .isEmpty();
        }
    }

    @Test
    void theAuditorReadsTheAuditViewsAndTheChainAndNothingElse() throws SQLException {
        try (Connection c = TestDatabase.auditor(); Statement s = c.createStatement()) {
            for (String relation : AUDITOR_RELATIONS) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + relation + " LIMIT 1")) {
                    assertThat(rs.getMetaData().getColumnCount()).as(relation).isPositive();
                }
            }
            for (String sql : List.of("SELECT password_hash FROM console_user", "SELECT secret_hash FROM api_token",
                    "SELECT * FROM request_history", "SELECT * FROM login_event", "SELECT * FROM api_idempotency",
                    "SELECT * FROM bulk_draft", "SELECT audit_account_state(1)",
                    "INSERT INTO audit_chain_head (position, hash) VALUES (0, repeat('0', 64))",
                    "UPDATE audit_event SET payload = '{}'", "CREATE TABLE auditor_notes (note TEXT)")) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class);
            }
        }
        try (Connection c = TestDatabase.superuser()) {
            assertThat(strings(c, "SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace"
                    + " AND c.relkind IN ('r', 'v', 'm', 'p') AND has_any_column_privilege('" + TestDatabase.AUDITOR
                    + "', c.oid, 'SELECT') ORDER BY 1"))
                    .as("what the auditor can read").containsExactlyInAnyOrderElementsOf(AUDITOR_RELATIONS);
            assertThat(strings(c, "SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace"
                    + " AND c.relkind IN ('r', 'v', 'm', 'p') AND has_any_column_privilege('" + TestDatabase.AUDITOR
                    + "', c.oid, 'INSERT, UPDATE, REFERENCES')")).as("what the auditor can write").isEmpty();
            assertThat(strings(c, "SELECT a.attrelid::regclass || '.' || a.attname FROM pg_attribute a"
                    + " JOIN pg_class c ON c.oid = a.attrelid WHERE c.relnamespace = 'public'::regnamespace"
                    + " AND c.relkind IN ('r', 'v', 'm', 'p') AND NOT a.attisdropped"
                    + " AND has_column_privilege('" + TestDatabase.AUDITOR + "', c.oid, a.attnum, 'SELECT')"
                    + " AND a.attname IN ('password_hash', 'secret_hash')")).as("hashes the auditor sees").isEmpty();
        }
    }

    /** A connection as the console's runtime role, as the console itself connects. */
    private Connection runtime() throws SQLException {
        return DriverManager.getConnection(TestDatabase.url(), runtimeRole, "");
    }

    /** A history entry recorded and completed by the runtime role, as the console does it. */
    private long finalEntry() throws SQLException {
        if (finalEntry == 0) {
            try (Connection c = runtime()) {
                long id;
                c.setAutoCommit(false);
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO request_history (operation, actor, status, requested_at, project_id, workspace_id,
                            policy_category, block_type, request_method, request_url, request_headers, request_body)
                        VALUES ('CREATE_EMERGENCY_POLICY', 'database-roles', 'PENDING', now(), ?, 'ws-roles', 'BLOCK',
                            'SOURCE_IP', 'POST', 'http://sandbox/v1/x', 'X-Auth-Token: ****', '{}') RETURNING id""")) {
                    s.setString(1, "p" + UUID.randomUUID().toString().replace("-", ""));
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO request_target (entry_id, target, network) VALUES (" + id
                            + ", '203.0.113.99', '203.0.113.99')");
                    c.commit();
                    s.execute("UPDATE request_history SET status = 'SUCCEEDED', completed_at = now(), duration_ms = 1,"
                            + " http_status = 200, result_id = 'task-roles' WHERE id = " + id);
                    c.commit();
                }
                finalEntry = id;
            }
        }
        return finalEntry;
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
