package com.policyconsole.console.adapter.out.persistence.audit;

import com.policyconsole.domain.model.audit.AuditAnchor;
import com.policyconsole.domain.model.audit.AuditFinding;
import com.policyconsole.domain.model.audit.AuditVerification;
import com.policyconsole.console.adapter.out.persistence.audit.RecordedStates.Subject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Walks the hash-chained audit log (Flyway V5, sealed by V8's sealer) with plain JDBC and names the first sealed record
 * that was changed, removed or reordered, the first record not sealed yet whose content no longer matches its content
 * hash, then the first history entry, account, login, bulk job or security act whose current row differs from its
 * last record, sealed or not. Hashes and states ({@link RecordedStates}) are recomputed here, independently of the
 * database's own functions, which an owner of the schema could redefine.
 */
public final class AuditChainVerifier {

    static final String GENESIS_HASH = "0".repeat(64);
    private static final DateTimeFormatter RECORDED_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final int FETCH_SIZE = 2_000;

    private final Clock clock;

    public AuditChainVerifier(Clock clock) {
        this.clock = clock;
    }

    /** Verifies the whole trail in one consistent snapshot of {@code connection}'s database. */
    public AuditVerification verify(Connection connection) throws SQLException {
        return verify(connection, Optional.empty());
    }

    /**
     * Verifies the whole trail and, with an anchor noted outside the console earlier, that the chain still holds it:
     * a chain rewritten from scratch by someone who can switch triggers off is only exposed that way.
     */
    public AuditVerification verify(Connection connection, Optional<AuditAnchor> anchor) throws SQLException {
        Instant start = clock.instant();
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            List<AuditFinding> findings = new ArrayList<>();
            long[] head = new long[1];
            String headHash;
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT position, hash FROM audit_chain_head")) {
                if (!rs.next()) {
                    findings.add(new AuditFinding("chain head", "the head row was removed"));
                    headHash = "";
                } else {
                    head[0] = rs.getLong(1);
                    headHash = rs.getString(2).trim();
                }
            }
            ChainEnd end = walkChain(connection, anchor, findings);
            if (findings.isEmpty()) {
                checkHead(end, head[0], headHash, findings);
            }
            if (findings.isEmpty() && anchor.isPresent() && anchor.get().position() > end.lastPosition()) {
                findings.add(new AuditFinding("record #" + anchor.get().position(),
                        "removed: it was noted outside the console, but the chain ends at #" + end.lastPosition()));
            }
            long unsealed = checkUnsealed(connection, findings);
            RecordedStates.firstChanged(connection, Subject.REQUEST).ifPresent(findings::add);
            RecordedStates.firstChanged(connection, Subject.ACCOUNT).ifPresent(findings::add);
            firstRemovedRow(connection, "request", REMOVED_REQUESTS).ifPresent(findings::add);
            firstRemovedRow(connection, "account", REMOVED_ACCOUNTS).ifPresent(findings::add);
            RecordedStates.firstChanged(connection, Subject.LOGIN).ifPresent(findings::add);
            firstRemovedRow(connection, "login", REMOVED_LOGINS).ifPresent(findings::add);
            RecordedStates.firstChanged(connection, Subject.BULK_JOB).ifPresent(findings::add);
            firstRemovedRow(connection, "bulk_job", REMOVED_JOBS).ifPresent(findings::add);
            RecordedStates.firstChanged(connection, Subject.ACT).ifPresent(findings::add);
            firstRemovedRow(connection, "act", REMOVED_ACTS).ifPresent(findings::add);
            connection.rollback();
            Instant done = clock.instant();
            return new AuditVerification(done, end.records(), unsealed, head[0], headHash, findings,
                    Duration.between(start, done));
        } finally {
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    private record ChainEnd(long records, long lastPosition, String lastHash) {
    }

    private static ChainEnd walkChain(Connection connection, Optional<AuditAnchor> anchor, List<AuditFinding> findings)
            throws SQLException {
        MessageDigest sha256 = sha256();
        long expected = 1;
        String previous = GENESIS_HASH;
        long records = 0;
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT position, recorded_at, kind, subject, subject_id, payload, previous_hash, hash
                  FROM audit_event WHERE position IS NOT NULL ORDER BY position""")) {
            s.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    records++;
                    long position = rs.getLong(1);
                    String storedPrevious = rs.getString(7).trim();
                    String stored = rs.getString(8).trim();
                    if (position != expected) {
                        findings.add(new AuditFinding("record #" + expected, position > expected
                                ? "removed: the chain goes from record #" + (expected - 1) + " to #" + position
                                : "out of place: record #" + position + " follows #" + (expected - 1)));
                        break;
                    }
                    String computed = hash(sha256, storedPrevious, rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getObject(2, OffsetDateTime.class), rs.getString(6));
                    if (!computed.equals(stored)) {
                        findings.add(new AuditFinding("record #" + position,
                                "changed: its content no longer matches its hash"));
                        break;
                    }
                    if (!storedPrevious.equals(previous)) {
                        findings.add(new AuditFinding("record #" + position, "does not follow record #" + (position - 1)
                                + ": records before it were removed, replaced or reordered"));
                        break;
                    }
                    if (anchor.isPresent() && anchor.get().position() == position
                            && !anchor.get().hash().equals(stored)) {
                        findings.add(new AuditFinding("record #" + position, "rewritten: its hash is not the "
                                + anchor.get().hash() + " noted outside the console"));
                        break;
                    }
                    previous = stored;
                    expected++;
                }
            }
        }
        return new ChainEnd(records, expected - 1, previous);
    }

    /** Counts the records not sealed yet and names the first whose content no longer matches its content hash. */
    private static long checkUnsealed(Connection connection, List<AuditFinding> findings) throws SQLException {
        MessageDigest sha256 = sha256();
        long unsealed = 0;
        boolean changed = false;
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT seq, recorded_at, kind, subject, subject_id, payload, content_hash
                  FROM audit_event WHERE position IS NULL ORDER BY seq""")) {
            s.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    unsealed++;
                    if (!changed && !contentHash(sha256, rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getObject(2, OffsetDateTime.class), rs.getString(6)).equals(rs.getString(7).trim())) {
                        changed = true;
                        findings.add(new AuditFinding(unsealedRecord(rs.getLong(1)),
                                "changed before it was sealed: its content no longer matches its content hash"));
                    }
                }
            }
        }
        return unsealed;
    }

    private static void checkHead(ChainEnd end, long headPosition, String headHash, List<AuditFinding> findings) {
        if (headPosition > end.lastPosition()) {
            findings.add(new AuditFinding("record #" + (end.lastPosition() + 1), "removed: the chain ends at record #"
                    + end.lastPosition() + " but its head says #" + headPosition));
        } else if (headPosition < end.lastPosition() || !headHash.equals(end.lastHash())) {
            findings.add(new AuditFinding("chain head", "does not match the last record #" + end.lastPosition()
                    + ": the head or the last records were changed"));
        }
    }

    /*
     * A subject's last record: its newest unsealed one if any (they are sealed in append order, after all its sealed
     * ones), else its sealed one at the highest position. Each query answers the subject, and its last record's
     * position and append number (either may be NULL).
     */

    /** Recorded history entries that no longer exist. */
    private static final String REMOVED_REQUESTS = """
            SELECT e.subject_id, e.position, e.seq FROM (SELECT DISTINCT ON (subject_id) subject_id, position, seq
                                                           FROM audit_event WHERE subject = 'request'
                                                          ORDER BY subject_id, position DESC NULLS FIRST, seq DESC) e
             WHERE NOT EXISTS (SELECT 1 FROM request_history h WHERE h.id = e.subject_id)
             ORDER BY e.subject_id LIMIT 1""";

    /** Accounts that no longer exist although their last record does not say they were removed. */
    private static final String REMOVED_ACCOUNTS = """
            SELECT e.subject_id, e.position, e.seq FROM (SELECT DISTINCT ON (subject_id) subject_id, position, seq, kind
                                                           FROM audit_event WHERE subject = 'account'
                                                          ORDER BY subject_id, position DESC NULLS FIRST, seq DESC) e
             WHERE e.kind <> 'ACCOUNT_REMOVED'
               AND NOT EXISTS (SELECT 1 FROM console_user u WHERE u.id = e.subject_id)
             ORDER BY e.subject_id LIMIT 1""";


    /** Recorded login events that no longer exist. */
    private static final String REMOVED_LOGINS = """
            SELECT e.subject_id, e.position, e.seq FROM (SELECT DISTINCT ON (subject_id) subject_id, position, seq
                                                           FROM audit_event WHERE subject = 'login'
                                                          ORDER BY subject_id, position DESC NULLS FIRST, seq DESC) e
             WHERE NOT EXISTS (SELECT 1 FROM login_event l WHERE l.id = e.subject_id)
             ORDER BY e.subject_id LIMIT 1""";


    /** Recorded bulk jobs that no longer exist. */
    private static final String REMOVED_JOBS = """
            SELECT e.subject_id, e.position, e.seq FROM (SELECT DISTINCT ON (subject_id) subject_id, position, seq
                                                           FROM audit_event WHERE subject = 'bulk_job'
                                                          ORDER BY subject_id, position DESC NULLS FIRST, seq DESC) e
             WHERE NOT EXISTS (SELECT 1 FROM bulk_job j WHERE j.id = e.subject_id)
             ORDER BY e.subject_id LIMIT 1""";


    /** Recorded security acts that no longer exist. */
    private static final String REMOVED_ACTS = """
            SELECT e.subject_id, e.position, e.seq FROM (SELECT DISTINCT ON (subject_id) subject_id, position, seq
                                                           FROM audit_event WHERE subject = 'act'
                                                          ORDER BY subject_id, position DESC NULLS FIRST, seq DESC) e
             WHERE NOT EXISTS (SELECT 1 FROM security_act a WHERE a.id = e.subject_id)
             ORDER BY e.subject_id LIMIT 1""";


    private static Optional<AuditFinding> firstRemovedRow(Connection connection, String subject, String sql)
            throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new AuditFinding(label(subject) + rs.getLong(1),
                    "removed: its last record is " + recordName(rs, 2, 3)));
        }
    }

    /** "#12" for a sealed record, "(unsealed, append 34)" for one not sealed yet, from two columns of {@code rs}. */
    private static String recordName(ResultSet rs, int positionColumn, int seqColumn) throws SQLException {
        long position = rs.getLong(positionColumn);
        return rs.wasNull() ? "(unsealed, append " + rs.getLong(seqColumn) + ")" : "#" + position;
    }

    private static String unsealedRecord(long seq) {
        return "unsealed record (append " + seq + ")";
    }

    private static String label(String subject) {
        return switch (subject) {
            case "request" -> "history entry #";
            case "login" -> "login event #";
            case "bulk_job" -> "bulk job #";
            case "act" -> "security act #";
            default -> "account #";
        };
    }

    /** The record hash of Flyway V5's {@code audit_record_hash}: SHA-256 of the fields joined by '|', in hex. */
    static String hash(MessageDigest sha256, String previousHash, String kind, String subject, long subjectId,
                       OffsetDateTime recordedAt, String payload) {
        String text = String.join("|", previousHash, kind, subject, Long.toString(subjectId),
                RECORDED_AT.format(recordedAt), payload);
        return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The content hash of Flyway V8's {@code audit_content_hash}: the record hash without the previous hash. */
    static String contentHash(MessageDigest sha256, String kind, String subject, long subjectId,
                              OffsetDateTime recordedAt, String payload) {
        String text = String.join("|", kind, subject, Long.toString(subjectId), RECORDED_AT.format(recordedAt), payload);
        return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
