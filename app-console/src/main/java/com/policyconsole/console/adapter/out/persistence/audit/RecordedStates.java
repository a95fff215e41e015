package com.policyconsole.console.adapter.out.persistence.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.policyconsole.domain.model.audit.AuditFinding;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The state each audited row must show in its last audit record, recomputed here from the row's own columns as
 * Flyway's {@code audit_*_state} functions write it (V13, V15, V16, V18), so that whoever can redefine those functions
 * cannot make a changed row look unchanged.
 */
final class RecordedStates {

    /** One audited table: its rows with their last record, and how a row's recorded state is built. */
    enum Subject {
        REQUEST("request", "history entry #", """
                SELECT h.*,
                       ARRAY(SELECT t.target FROM request_target t WHERE t.entry_id = h.id ORDER BY t.id) AS obj_targets,
                       ARRAY(SELECT t.network::text FROM request_target t WHERE t.entry_id = h.id ORDER BY t.id)
                           AS obj_networks
                  FROM request_history h""", "h.id") {
            @Override
            ObjectNode state(ResultSet rs) throws SQLException {
                ObjectNode state = JSON.objectNode();
                keep(state, rs, "id", "operation", "actor", "status", "requested_at", "completed_at", "duration_ms",
                        "project_id", "workspace_id", "domain_id", "policy_category", "block_type", "ages_out_at",
                        "rule_name", "retry_of", "http_status", "error_code", "error_message", "cloud_request_id",
                        "result_id", "result_state", "request_method", "request_url", "request_headers",
                        "request_body", "response_body");
                ArrayNode objects = state.putArray("objects");
                String[] targets = strings(rs.getArray("obj_targets"));
                String[] networks = strings(rs.getArray("obj_networks"));
                for (int i = 0; i < targets.length; i++) {
                    objects.addArray().add(targets[i]).add(networks[i]);
                }
                String structure = rs.getString("request_structure");
                if (structure != null) {
                    state.set("request_structure", parse(structure));
                }
                keepPresent(state, rs, "console_instance", "rule_id", "step_of", "approval_reasons", "requested_by",
                        "approval_hash", "approval_expires_at", "decided_by", "decided_at", "decision_reason");
                return state;
            }
        },
        ACCOUNT("account", "account #", "SELECT u.* FROM console_user u", "u.id") {
            @Override
            ObjectNode state(ResultSet rs) throws SQLException {
                ObjectNode state = JSON.objectNode();
                keep(state, rs, "id", "username", "roles", "enabled");
                state.put("password_digest", sha256Hex(rs.getString("password_hash")));
                keep(state, rs, "created_at", "updated_at");
                keepPresent(state, rs, "changed_by", "set_by_other_at");
                if (rs.getBoolean("must_change_password")) {
                    state.put("must_change_password", true);
                }
                return state;
            }
        },
        LOGIN("login", "login event #", "SELECT l.* FROM login_event l", "l.id") {
            @Override
            ObjectNode state(ResultSet rs) throws SQLException {
                ObjectNode state = JSON.objectNode();
                keep(state, rs, "id", "kind", "at", "username", "address", "actor");
                return state;
            }
        },
        BULK_JOB("bulk_job", "bulk job #", """
                SELECT j.*,
                       ARRAY(SELECT d.number FROM bulk_delivery d WHERE d.job_id = j.id ORDER BY d.number) AS d_numbers,
                       ARRAY(SELECT d.objects FROM bulk_delivery d WHERE d.job_id = j.id ORDER BY d.number) AS d_objects
                  FROM bulk_job j""", "j.id") {
            @Override
            ObjectNode state(ResultSet rs) throws SQLException {
                ObjectNode state = JSON.objectNode();
                keep(state, rs, "id", "actor", "created_at", "project_id", "workspace_id", "template",
                        "secmaster_version");
                ArrayNode deliveries = state.putArray("deliveries");
                Integer[] numbers = (Integer[]) rs.getArray("d_numbers").getArray();
                String[] objects = strings(rs.getArray("d_objects"));
                for (int i = 0; i < numbers.length; i++) {
                    deliveries.addArray().add(numbers[i]).add(objects[i]);
                }
                keepPresent(state, rs, "approval_reasons", "requested_by", "approval_hash", "approval_expires_at",
                        "decision", "decided_by", "decided_at", "decision_reason");
                return state;
            }
        },
        ACT("act", "security act #", "SELECT a.* FROM security_act a", "a.id") {
            @Override
            ObjectNode state(ResultSet rs) throws SQLException {
                ObjectNode state = JSON.objectNode();
                keep(state, rs, "id", "at", "actor", "act", "subject", "detail");
                return state;
            }
        };

        private final String name;
        private final String label;
        private final String rows;
        private final String id;

        Subject(String name, String label, String rows, String id) {
            this.name = name;
            this.label = label;
            this.rows = rows;
            this.id = id;
        }

        /** The row's state as its audit function writes it into the payload of its records. */
        abstract ObjectNode state(ResultSet rs) throws SQLException;

        String label() {
            return label;
        }

        /** Its rows in id order, each with the payload, position and append number of its last record (or NULLs). */
        String rowsWithLastRecord() {
            String alias = id.substring(0, id.indexOf('.'));
            return "SELECT " + alias + ".*, e.payload AS last_payload, e.position AS last_position, e.seq AS last_seq"
                    + " FROM (" + rows + ") " + alias + " LEFT JOIN (SELECT DISTINCT ON (subject_id) subject_id,"
                    + " position, seq, payload FROM audit_event WHERE subject = '" + name + "'"
                    + " ORDER BY subject_id, position DESC NULLS FIRST, seq DESC) e ON e.subject_id = " + alias + ".id"
                    + " ORDER BY " + alias + ".id";
        }
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    /** PostgreSQL's JSON form of a {@code timestamptz} in UTC: microseconds without trailing zeros, "+00:00". */
    private static final DateTimeFormatter JSON_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final int FETCH_SIZE = 2_000;

    private RecordedStates() {
    }

    /** The first row of {@code subject} whose last record does not hold its current state, or that has no record. */
    static Optional<AuditFinding> firstChanged(Connection connection, Subject subject) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(subject.rowsWithLastRecord())) {
            s.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String payload = rs.getString("last_payload");
                    if (payload == null) {
                        return Optional.of(new AuditFinding(subject.label() + rs.getLong("id"),
                                "has no audit record: it was written around the audit trail"));
                    }
                    if (!sameJson(subject.state(rs), parse(payload))) {
                        long position = rs.getLong("last_position");
                        String record = rs.wasNull() ? "(unsealed, append " + rs.getLong("last_seq") + ")"
                                : "#" + position;
                        return Optional.of(new AuditFinding(subject.label() + rs.getLong("id"),
                                "changed after its last record " + record));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Equal JSON values, numbers compared by value (PostgreSQL's {@code jsonb} keeps no number's written form). */
    static boolean sameJson(JsonNode expected, JsonNode recorded) {
        return expected.equals(NUMBERS_BY_VALUE, recorded);
    }

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // not JSON: cannot equal any state; the row is reported as changed
            return JSON.textNode(json);
        }
    }

    /** Puts each column, NULL as JSON null ({@code jsonb_build_object}). */
    private static void keep(ObjectNode state, ResultSet rs, String... columns) throws SQLException {
        for (String column : columns) {
            state.set(column, value(rs, column));
        }
    }

    /** Puts each column that is not NULL ({@code jsonb_strip_nulls}). */
    private static void keepPresent(ObjectNode state, ResultSet rs, String... columns) throws SQLException {
        for (String column : columns) {
            JsonNode value = value(rs, column);
            if (!value.isNull()) {
                state.set(column, value);
            }
        }
    }

    private static JsonNode value(ResultSet rs, String column) throws SQLException {
        int index = rs.findColumn(column);
        ResultSetMetaData meta = rs.getMetaData();
        if ("timestamptz".equals(meta.getColumnTypeName(index))) {
            OffsetDateTime time = rs.getObject(index, OffsetDateTime.class);
            return time == null ? JSON.nullNode() : JSON.textNode(jsonTime(time));
        }
        switch (meta.getColumnType(index)) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT: {
                long number = rs.getLong(index);
                return rs.wasNull() ? JSON.nullNode() : JSON.numberNode(number);
            }
            case Types.BOOLEAN, Types.BIT: {
                boolean flag = rs.getBoolean(index);
                return rs.wasNull() ? JSON.nullNode() : JSON.booleanNode(flag);
            }
            default: {
                String text = rs.getString(index);
                return text == null ? JSON.nullNode() : JSON.textNode(text);
            }
        }
    }

    static String jsonTime(OffsetDateTime time) {
        OffsetDateTime utc = time.withOffsetSameInstant(ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(JSON_TIME.format(utc));
        int micros = utc.getNano() / 1_000;
        if (micros != 0) {
            String fraction = String.format("%06d", micros);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(fraction, 0, end);
        }
        return text.append("+00:00").toString();
    }

    private static String[] strings(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        String[] texts = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            texts[i] = values[i] == null ? null : values[i].toString();
        }
        return texts;
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
