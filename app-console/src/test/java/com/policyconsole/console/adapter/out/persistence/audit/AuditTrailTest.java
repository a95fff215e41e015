package com.policyconsole.console.adapter.out.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.policyconsole.console.adapter.out.persistence.history.PostgresRequestHistory;
import com.policyconsole.console.testing.TestDatabase;
import com.policyconsole.domain.model.audit.AuditAnchor;
import com.policyconsole.domain.model.audit.AuditFinding;
import com.policyconsole.domain.model.audit.AuditVerification;
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
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The tamper-evident audit trail on the real database: writes append records without a lock, one sealer chains them,
 * recorded events cannot be changed or removed through SQL — the triggers refuse it even to the superuser, as long as
 * triggers are on — and when someone who may switch the triggers off does it anyway (the superuser here: whoever holds
 * the owner's or an administrator's credentials; the console's own role may not, DatabaseRolesTest), the verifier
 * names the first record or row that was changed, removed or reordered, sealed or not. Every tampering is undone
 * before the test ends.
 */
@QuarkusTest
class AuditTrailTest {

    @Inject
    PostgresRequestHistory history;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditSealer sealer;

    private final AuditChainVerifier verifier = new AuditChainVerifier(Clock.systemUTC());

    // --- the chain grows with every write -------------------------------------------------------------------------

    @Test
    void requestAndOutcomeAreEachChainedWithTheEntrysState() throws SQLException {
        long id = completedEntry("203.0.113.71");

        List<String[]> events = query("SELECT kind, payload FROM audit_event WHERE subject = 'request' AND subject_id = "
                + id + " ORDER BY seq");
        assertThat(events).extracting(e -> e[0]).containsExactly("REQUESTED", "COMPLETED");
        assertThat(events.get(0)[1]).contains("\"status\": \"PENDING\"").contains("203.0.113.71");
        assertThat(events.get(1)[1]).contains("\"status\": \"SUCCEEDED\"").contains("\"result_id\": \"task-" + id + "\"");
        assertIntact();
    }

    @Test
    void eachRecordHashesThePreviousOneAndTheHeadIsTheLastRecord() throws SQLException {
        completedEntry("203.0.113.72");
        List<String[]> lastTwo = query("SELECT previous_hash, hash, position::text AS pos FROM audit_event ORDER BY audit_event.position DESC LIMIT 2");
        assertThat(lastTwo.get(0)[0]).isEqualTo(lastTwo.get(1)[1]);
        assertThat(query("SELECT position::text, hash FROM audit_chain_head").get(0))
                .containsExactly(lastTwo.get(0)[2], lastTwo.get(0)[1]);
    }

    @Test
    void accountChangesAreChainedWithoutThePasswordHash() throws SQLException {
        String name = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        execute("INSERT INTO console_user (username, password_hash, roles, created_at, updated_at) VALUES ('" + name
                + "', '" + BCRYPT + "', 'auditor', now(), now())");
        String id = query("SELECT id::text FROM console_user WHERE username = '" + name + "'").get(0)[0];
        execute("UPDATE console_user SET roles = 'auditor,operator', updated_at = now() WHERE id = " + id);

        List<String[]> events = query("SELECT kind, payload FROM audit_event WHERE subject = 'account' AND subject_id = "
                + id + " ORDER BY seq");
        assertThat(events).extracting(e -> e[0]).containsExactly("ACCOUNT_CREATED", "ACCOUNT_CHANGED");
        assertThat(events.get(1)[1]).contains("auditor,operator").contains("password_digest").doesNotContain(BCRYPT);
        assertIntact();
    }

    // --- sealing --------------------------------------------------------------------------------------------------

    @Test
    void recordsWaitUnsealedWhileAnotherSealerHoldsTheLockThenTheScheduledSealerChainsThemInAppendOrder()
            throws Exception {
        long id = whileAnotherSealerHoldsTheLock(lock -> {
            String headBefore = query("SELECT position::text FROM audit_chain_head").get(0)[0];
            long entry = unsealedEntry("203.0.113.60");
            List<String[]> waiting = query("SELECT seq::text, position::text, content_hash FROM audit_event"
                    + " WHERE subject = 'request' AND subject_id = " + entry + " ORDER BY audit_event.seq");
            assertThat(waiting).hasSize(2).allSatisfy(r -> assertThat(r[1]).isNull());
            assertThat(sealer.sealIfFree()).as("the lock is held elsewhere").isZero();
            assertThat(query("SELECT position::text FROM audit_chain_head").get(0)[0]).isEqualTo(headBefore);
            AuditVerification unsealed = verify(Optional.empty());
            assertThat(unsealed.intact()).isTrue();
            assertThat(unsealed.unsealed()).isGreaterThanOrEqualTo(2);
            for (String forbidden : List.of(
                    "UPDATE audit_event SET payload = '{}' WHERE seq = " + waiting.get(0)[0],
                    "UPDATE audit_event SET position = " + (Long.parseLong(headBefore) + 1) + ", previous_hash = '"
                            + "0".repeat(64) + "', hash = '" + "0".repeat(64) + "' WHERE seq = " + waiting.get(0)[0],
                    "DELETE FROM audit_event WHERE seq = " + waiting.get(1)[0])) {
                assertThatThrownBy(() -> TestDatabase.asSuperuser(forbidden)).as(forbidden)
                        .hasMessageContaining("append-only");
            }
            return entry;
        });
        List<String[]> sealed = List.of();
        for (Instant until = Instant.now().plusSeconds(5); Instant.now().isBefore(until); Thread.sleep(50)) {
            sealed = query("SELECT seq::text, position::text FROM audit_event WHERE subject = 'request'"
                    + " AND subject_id = " + id + " AND position IS NOT NULL ORDER BY audit_event.seq");
            if (sealed.size() == 2) {
                break;
            }
        }
        assertThat(sealed).as("sealed by the console's scheduled sealer within seconds").hasSize(2);
        assertThat(Long.parseLong(sealed.get(1)[1])).isGreaterThan(Long.parseLong(sealed.get(0)[1]));
        assertIntact();
    }

    @Test
    void aRecordChangedBeforeItIsSealedIsNamedAndNeverSealed() throws SQLException {
        whileAnotherSealerHoldsTheLock(lock -> {
            long id = unsealedEntry("203.0.113.61");
            String[] record = query("SELECT seq::text, payload FROM audit_event WHERE subject = 'request'"
                    + " AND subject_id = " + id + " ORDER BY audit_event.seq DESC LIMIT 1").get(0);
            String forged = record[1].replace("203.0.113.61", "203.0.113.62");
            try {
                tamper("UPDATE audit_event SET payload = " + literal(forged) + " WHERE seq = " + record[0]);
                assertThat(findings()).first().hasToString("unsealed record (append " + record[0]
                        + "): changed before it was sealed: its content no longer matches its content hash");
                lock.execute("SELECT audit_seal(5000, true)");
                assertThat(query("SELECT position::text FROM audit_event WHERE seq = " + record[0]).get(0)[0])
                        .as("the sealer stops before a changed record").isNull();
            } finally {
                tamper("UPDATE audit_event SET payload = " + literal(record[1]) + " WHERE seq = " + record[0]);
            }
            return id;
        });
        sealer.sealNow();
        assertIntact();
    }

    @Test
    void anUnsealedRecordRemovedBehindTheTrailIsNamedThroughItsEntry() throws SQLException {
        whileAnotherSealerHoldsTheLock(lock -> {
            long id = unsealedEntry("203.0.113.63");
            String requested = query("SELECT seq::text FROM audit_event WHERE subject = 'request' AND subject_id = "
                    + id + " AND kind = 'REQUESTED'").get(0)[0];
            try (Connection c = TestDatabase.superuser(); Statement s = c.createStatement()) {
                s.execute("SET session_replication_role = replica");
                s.execute("CREATE TEMP TABLE removed_unsealed AS SELECT * FROM audit_event WHERE subject = 'request'"
                        + " AND subject_id = " + id + " AND kind = 'COMPLETED'");
                s.execute("DELETE FROM audit_event WHERE subject = 'request' AND subject_id = " + id
                        + " AND kind = 'COMPLETED'");
                try {
                    assertThat(findings()).anySatisfy(f -> assertThat(f).hasToString("history entry #" + id
                            + ": changed after its last record (unsealed, append " + requested + ")"));
                } finally {
                    s.execute("INSERT INTO audit_event SELECT * FROM removed_unsealed");
                    s.execute("DROP TABLE removed_unsealed");
                    s.execute("SET session_replication_role = origin");
                }
            }
            return id;
        });
        sealer.sealNow();
        assertIntact();
    }

    // --- append-only ----------------------------------------------------------------------------------------------

    @Test
    void aFinalEntryItsObjectsAndTheRecordsCannotBeChangedOrRemoved() throws SQLException {
        long id = completedEntry("203.0.113.73");
        String event = query("SELECT max(position)::text FROM audit_event").get(0)[0];

        for (String forbidden : List.of(
                "UPDATE request_history SET status = 'FAILED' WHERE id = " + id,
                "UPDATE request_history SET error_message = 'nothing happened' WHERE id = " + id,
                "DELETE FROM request_history WHERE id = " + id,
                "TRUNCATE request_history CASCADE",
                "UPDATE request_target SET target = '198.51.100.1' WHERE entry_id = " + id,
                "DELETE FROM request_target WHERE entry_id = " + id,
                "UPDATE audit_event SET payload = '{}' WHERE position = " + event,
                "DELETE FROM audit_event WHERE position = " + event,
                "TRUNCATE audit_event",
                "UPDATE audit_chain_head SET position = 1",
                "DELETE FROM audit_chain_head")) {
            assertThatThrownBy(() -> TestDatabase.asSuperuser(forbidden)).as(forbidden)
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        assertIntact();
    }

    @Test
    void aPendingEntryMayBeCompletedButItsRequestNeverChanges() throws SQLException {
        long id = history.recordPending(pending("203.0.113.74"));

        assertThatThrownBy(() -> execute("UPDATE request_history SET request_body = '{\"forged\": true}' WHERE id = " + id))
                .hasMessageContaining("append-only: the request of history entry " + id + " cannot be changed");
        assertThatThrownBy(() -> execute("UPDATE request_history SET actor = 'mallory' WHERE id = " + id))
                .hasMessageContaining("append-only");
        history.recordOutcome(id, new CloudOutcome.Accepted("task-" + id, null, 200, "req", "{}"), Duration.ofMillis(3));
        assertThat(query("SELECT status FROM request_history WHERE id = " + id).get(0)[0]).isEqualTo("SUCCEEDED");
    }

    // --- tampering with triggers switched off, then undone --------------------------------------------------------

    @Test
    void aChangedRecordIsNamed() throws SQLException {
        completedEntry("203.0.113.75");
        long position = lastPosition();
        String payload = query("SELECT payload FROM audit_event WHERE position = " + position).get(0)[0];
        String forged = payload.replace("203.0.113.75", "203.0.113.76");
        try {
            tamper("UPDATE audit_event SET payload = " + literal(forged) + " WHERE position = " + position);
            assertThat(findings()).first().hasToString("record #" + position
                    + ": changed: its content no longer matches its hash");
        } finally {
            tamper("UPDATE audit_event SET payload = " + literal(payload) + " WHERE position = " + position);
        }
        assertIntact();
    }

    @Test
    void aRemovedRecordIsNamed() throws SQLException {
        completedEntry("203.0.113.77");
        long position = lastPosition() - 1;
        String copy = "CREATE TEMP TABLE removed_event ON COMMIT PRESERVE ROWS AS SELECT * FROM audit_event WHERE position = " + position;
        try (Connection c = TestDatabase.superuser(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.execute(copy);
            s.execute("DELETE FROM audit_event WHERE position = " + position);
            try {
                assertThat(findings()).first().hasToString("record #" + position + ": removed: the chain goes from record #"
                        + (position - 1) + " to #" + (position + 1));
            } finally {
                s.execute("INSERT INTO audit_event SELECT * FROM removed_event");
                s.execute("DROP TABLE removed_event");
                s.execute("SET session_replication_role = origin");
            }
        }
        assertIntact();
    }

    @Test
    void reorderedRecordsAreNamed() throws SQLException {
        completedEntry("203.0.113.78");
        long last = lastPosition();
        long aside = last + 1_000_000_000L;
        String swap = "UPDATE audit_event SET position = " + aside + " WHERE position = " + last + ";"
                + "UPDATE audit_event SET position = " + last + " WHERE position = " + (last - 1) + ";"
                + "UPDATE audit_event SET position = " + (last - 1) + " WHERE position = " + aside;
        try {
            tamper(swap);
            assertThat(findings()).first().hasToString("record #" + (last - 1) + ": does not follow record #" + (last - 2)
                    + ": records before it were removed, replaced or reordered");
        } finally {
            tamper(swap);
        }
        assertIntact();
    }

    @Test
    void removedLastRecordsAreNamedThroughTheHead() throws SQLException {
        completedEntry("203.0.113.79");
        long last = lastPosition();
        try (Connection c = TestDatabase.superuser(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.execute("CREATE TEMP TABLE removed_tail AS SELECT * FROM audit_event WHERE position = " + last);
            s.execute("DELETE FROM audit_event WHERE position = " + last);
            try {
                assertThat(findings()).first().hasToString("record #" + last + ": removed: the chain ends at record #"
                        + (last - 1) + " but its head says #" + last);
            } finally {
                s.execute("INSERT INTO audit_event SELECT * FROM removed_tail");
                s.execute("DROP TABLE removed_tail");
                s.execute("SET session_replication_role = origin");
            }
        }
        assertIntact();
    }

    @Test
    void anEntryChangedBehindTheTrailIsNamed() throws SQLException {
        long id = completedEntry("203.0.113.80");
        try {
            tamper("UPDATE request_history SET status = 'FAILED' WHERE id = " + id);
            assertThat(findings()).anySatisfy(f -> assertThat(f.toString())
                    .startsWith("history entry #" + id + ": changed after its last record #"));
        } finally {
            tamper("UPDATE request_history SET status = 'SUCCEEDED' WHERE id = " + id);
        }
        assertIntact();
    }

    @Test
    void anEntryChangedBehindTheTrailIsNamedEvenWhenTheStateFunctionIsRedefinedToHideIt() throws SQLException {
        long id = completedEntry("203.0.113.82");
        sealer.sealNow();
        tamper("ALTER FUNCTION audit_request_state(BIGINT) RENAME TO audit_request_state_hidden");
        try {
            tamper("CREATE FUNCTION audit_request_state(entry_id BIGINT) RETURNS TEXT LANGUAGE sql STABLE AS $$"
                    + " SELECT CASE WHEN $1 = " + id + " THEN (SELECT payload FROM audit_event WHERE subject = 'request'"
                    + " AND subject_id = $1 ORDER BY seq DESC LIMIT 1) ELSE audit_request_state_hidden($1) END $$");
            tamper("UPDATE request_history SET status = 'FAILED', error_message = 'rewritten' WHERE id = " + id);
            assertThat(query("SELECT (h.status = 'FAILED' AND audit_request_state(h.id) = (SELECT payload FROM"
                    + " audit_event WHERE subject = 'request' AND subject_id = h.id ORDER BY seq DESC LIMIT 1))::text"
                    + " FROM request_history h WHERE h.id = " + id).get(0)[0])
                    .as("the database's own function now vouches for the rewritten row").isEqualTo("true");

            assertThat(findings()).anySatisfy(f -> assertThat(f.toString())
                    .startsWith("history entry #" + id + ": changed after its last record #"));
        } finally {
            tamper("UPDATE request_history SET status = 'SUCCEEDED', error_message = NULL WHERE id = " + id);
            tamper("DROP FUNCTION IF EXISTS audit_request_state(BIGINT)");
            tamper("ALTER FUNCTION audit_request_state_hidden(BIGINT) RENAME TO audit_request_state");
        }
        assertIntact();
    }

    @Test
    void aBlockObjectSwappedBehindTheTrailIsNamed() throws SQLException {
        long id = completedEntry("203.0.113.81");
        try {
            tamper("UPDATE request_target SET target = '198.51.100.81', network = '198.51.100.81' WHERE entry_id = " + id);
            assertThat(findings()).anySatisfy(f -> assertThat(f.toString())
                    .startsWith("history entry #" + id + ": changed after its last record #"));
        } finally {
            tamper("UPDATE request_target SET target = '203.0.113.81', network = '203.0.113.81' WHERE entry_id = " + id);
        }
        assertIntact();
    }

    @Test
    void aPasswordHashSetBehindTheConsoleIsNamed() throws SQLException {
        String name = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        execute("INSERT INTO console_user (username, password_hash, roles, created_at, updated_at) VALUES ('" + name
                + "', '" + BCRYPT + "', 'admin', now(), now())");
        String id = query("SELECT id::text FROM console_user WHERE username = '" + name + "'").get(0)[0];
        String other = BCRYPT.substring(0, BCRYPT.length() - 1) + "a";
        sealer.sealNow();
        try {
            tamper("UPDATE console_user SET password_hash = '" + other + "' WHERE id = " + id);
            assertThat(findings()).anySatisfy(f -> assertThat(f.toString())
                    .startsWith("account #" + id + ": changed after its last record #"));
        } finally {
            tamper("UPDATE console_user SET password_hash = '" + BCRYPT + "' WHERE id = " + id);
        }
        assertIntact();
    }

    @Test
    void aChainRebuiltFromScratchIsExposedByAnAnchorNotedEarlier() throws SQLException {
        completedEntry("203.0.113.82");
        String[] head = query("SELECT position::text, hash FROM audit_chain_head").get(0);
        AuditAnchor noted = AuditAnchor.parse("#" + head[0] + ":" + head[1]).orElseThrow();
        AuditAnchor forged = new AuditAnchor(noted.position(), "f".repeat(64));

        assertThat(verify(Optional.of(noted)).intact()).isTrue();
        assertThat(verify(Optional.of(forged)).findings()).first().hasToString("record #" + noted.position()
                + ": rewritten: its hash is not the " + "f".repeat(64) + " noted outside the console");
        assertThat(verify(Optional.of(new AuditAnchor(noted.position() + 1_000_000, noted.hash()))).findings())
                .first().asString().contains("removed: it was noted outside the console");
    }

    // --- the command ----------------------------------------------------------------------------------------------

    @Test
    void theVerifyCommandPrintsTheHeadAndExitsZeroWhenIntactAndOneNamingTheRecordWhenNot() throws SQLException {
        completedEntry("203.0.113.83");
        Map<String, String> env = Map.of("POLICYCONSOLE_DB_URL", System.getenv("POLICYCONSOLE_TEST_DB_URL"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(AuditVerifyCommand.run(new String[0], env, print(out), print(new ByteArrayOutputStream())))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("INTACT").contains("head #" + lastPosition() + ":");

        long position = lastPosition();
        String payload = query("SELECT payload FROM audit_event WHERE position = " + position).get(0)[0];
        try {
            tamper("UPDATE audit_event SET payload = payload || ' ' WHERE position = " + position);
            ByteArrayOutputStream tampered = new ByteArrayOutputStream();
            assertThat(AuditVerifyCommand.run(new String[0], env, print(tampered), print(new ByteArrayOutputStream())))
                    .isEqualTo(1);
            assertThat(tampered.toString(StandardCharsets.UTF_8)).contains("TAMPERED")
                    .contains("record #" + position + ": changed");
        } finally {
            tamper("UPDATE audit_event SET payload = " + literal(payload) + " WHERE position = " + position);
        }
    }

    @Test
    void theVerifyCommandRefusesGarbageArgumentsAndAnUnreachableDatabaseWithExitTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(AuditVerifyCommand.run(new String[] {"--anchor", "nonsense"}, Map.of(), print(new ByteArrayOutputStream()),
                print(err))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: verify-audit.sh");
        assertThat(AuditVerifyCommand.run(new String[0], Map.of(), print(new ByteArrayOutputStream()), print(err)))
                .isEqualTo(2);
        assertThat(AuditVerifyCommand.run(new String[] {"jdbc:postgresql://127.0.0.1:1/none"}, Map.of(),
                print(new ByteArrayOutputStream()), print(err))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("could not read the audit trail");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static final String BCRYPT = "$2a$10$" + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0".substring(0, 53);

    /** What a test does while it holds the sealer's lock, on a statement of the connection that holds it. */
    private interface WithLock {
        long run(Statement lock) throws SQLException;
    }

    /** Runs {@code action} as another sealer would hold the lock: this console's sealer cannot seal meanwhile. */
    private long whileAnotherSealerHoldsTheLock(WithLock action) throws SQLException {
        try (Connection otherSealer = dataSource.getConnection(); Statement lock = otherSealer.createStatement()) {
            lock.execute("SELECT pg_advisory_lock(audit_seal_lock_key())");
            try {
                return action.run(lock);
            } finally {
                lock.execute("SELECT pg_advisory_unlock(audit_seal_lock_key())");
            }
        }
    }

    /** A completed entry with its two records sealed. */
    private long completedEntry(String target) throws SQLException {
        long id = unsealedEntry(target);
        sealer.sealNow();
        return id;
    }

    /** A completed entry, its records left to the sealer (the caller holds the sealer's lock). */
    private long unsealedEntry(String target) {
        long id = history.recordPending(pending(target));
        history.recordOutcome(id, new CloudOutcome.Accepted("task-" + id, null, 200, "req-" + id, "{\"success\":true}"),
                Duration.ofMillis(5));
        return id;
    }

    private static PendingRequest pending(String target) {
        SecMasterWorkspace ws = new SecMasterWorkspace("p" + UUID.randomUUID().toString().replace("-", ""), "ws-audit");
        EmergencyPolicy policy = EmergencyPolicy.builder().regionId("cn-north-4").category(PolicyCategory.BLOCK)
                .blockType(BlockType.SOURCE_IP).targets(target).blockAge(BlockAge.none())
                .connection(new DefenseConnection("c", "CFW", "cn-north-4", "x", "CFW", "0", "default", "p", "p"))
                .build();
        return new PendingRequest("auditor-test", Instant.now(),
                new SubmittedRequest.EmergencyPolicySubmission(EmergencyPolicyRequest.create(ws, "25.5.0", policy)),
                new RenderedRequest("POST", "http://sandbox/v1/x", "/v1/x", Map.of(), Map.of(), Map.of("X-Auth-Token", "****"), "{}"), null);
    }

    private void assertIntact() throws SQLException {
        assertThat(findings()).isEmpty();
    }

    private List<AuditFinding> findings() throws SQLException {
        return verify(Optional.empty()).findings();
    }

    private AuditVerification verify(Optional<AuditAnchor> anchor) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return verifier.verify(c, anchor);
        }
    }

    private long lastPosition() throws SQLException {
        return Long.parseLong(query("SELECT max(position)::text FROM audit_event").get(0)[0]);
    }

    /** Runs {@code sql} as the console does, on its own connection (its runtime role). */
    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * Runs {@code sql} as a superuser who switched the triggers off, as an attacker holding the owner's or an
     * administrator's credentials would (the console's own role cannot: DatabaseRolesTest).
     */
    private void tamper(String sql) throws SQLException {
        try (Connection c = TestDatabase.superuser(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            try {
                s.execute(sql);
            } finally {
                s.execute("SET session_replication_role = origin");
            }
        }
    }

    private List<String[]> query(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String[]> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }
}
