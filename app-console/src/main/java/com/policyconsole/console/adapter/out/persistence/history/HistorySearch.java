package com.policyconsole.console.adapter.out.persistence.history;

import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.history.HistoryDetail;
import com.policyconsole.domain.model.history.HistoryEntry;
import com.policyconsole.domain.model.history.HistoryFilter;
import com.policyconsole.domain.model.history.HistoryPage;
import com.policyconsole.domain.model.history.Operation;
import com.policyconsole.domain.model.history.RequestStatus;
import com.policyconsole.domain.port.out.HistoryReader;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@link HistoryReader} on PostgreSQL: filtered keyset pages, one entry in detail, a stream for the export, and the
 * dashboard's lists. Every filter is served by an index of {@code V1__request_history.sql}.
 */
@ApplicationScoped
public class HistorySearch implements HistoryReader {

    /** Most entries one read returns. */
    static final int MAX_PAGE_SIZE = 200;

    private static final String COLUMNS = "h.id, h.operation, h.actor, h.status, h.requested_at, h.completed_at, "
            + "h.duration_ms, h.project_id, h.workspace_id, h.domain_id, h.policy_category, h.block_type, "
            + "h.ages_out_at, h.rule_name, h.retry_of, h.http_status, h.error_code, h.error_message, "
            + "h.cloud_request_id, h.result_id, h.result_state, "
            + "(select string_agg(t.target, ',' order by t.id) from request_target t where t.entry_id = h.id), "
            + "h.rule_id, h.step_of, (select min(n.id) from request_history n where n.step_of = h.id)";

    private final EntityManager em;

    public HistorySearch(EntityManager em) {
        this.em = em;
    }

    @Override
    public HistoryPage page(HistoryFilter filter, String cursor, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Object> params = new LinkedHashMap<>();
            StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from request_history h where true");
            appendFilter(filter, sql, params);
            Cursor.parse(cursor).ifPresent(c -> {
                sql.append(" and (h.requested_at, h.id) < (:cursorAt, :cursorId)");
                params.put("cursorAt", OffsetDateTime.ofInstant(c.at(), ZoneOffset.UTC));
                params.put("cursorId", c.id());
            });
            sql.append(" order by h.requested_at desc, h.id desc limit ").append(limit + 1);
            List<HistoryEntry> rows = rows(query(sql.toString(), params).getResultList());
            String next = null;
            if (rows.size() > limit) {
                rows = rows.subList(0, limit);
                HistoryEntry last = rows.get(limit - 1);
                next = new Cursor(last.requestedAt(), last.id()).toString();
            }
            return new HistoryPage(rows, next);
        });
    }

    @Override
    public Optional<HistoryDetail> detail(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Object> params = Map.of("id", id);
            List<HistoryEntry> rows = rows(query("select " + COLUMNS + " from request_history h where h.id = :id", params)
                    .getResultList());
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            HistoryEntryEntity e = HistoryEntryEntity.findById(id);
            List<?> retries = query("""
                    WITH RECURSIVE chain(id) AS (
                        SELECT r.id FROM request_history r WHERE r.retry_of = :id
                        UNION ALL
                        SELECT r.id FROM request_history r JOIN chain c ON r.retry_of = c.id
                    )
                    SELECT min(h.id) FROM chain c JOIN request_history h ON h.id = c.id WHERE h.status = 'SUCCEEDED'
                    """, params).getResultList();
            Long resolvedBy = retries.isEmpty() || retries.get(0) == null ? null : ((Number) retries.get(0)).longValue();
            return Optional.of(new HistoryDetail(rows.get(0),
                    RequestStructure.read(e.requestStructure, e.requestMethod, e.requestUrl, e.requestBody),
                    e.responseBody, resolvedBy));
        });
    }

    @Override
    public void forEach(HistoryFilter filter, Consumer<HistoryEntry> sink) {
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, Object> params = new LinkedHashMap<>();
            StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from request_history h where true");
            appendFilter(filter, sql, params);
            sql.append(" order by h.requested_at desc, h.id desc");
            Query q = query(sql.toString(), params).setHint("org.hibernate.fetchSize", 500);
            try (Stream<?> stream = q.getResultStream()) {
                stream.forEach(r -> sink.accept(row((Object[]) r)));
            }
        });
    }

    @Override
    public List<HistoryEntry> recentFailures(int n) {
        return QuarkusTransaction.requiringNew().call(() -> rows(query("select " + COLUMNS
                        + " from request_history h where h.status in ('FAILED', 'REFUSED', 'UNKNOWN')"
                        + " order by h.requested_at desc, h.id desc limit " + bounded(n), Map.of())
                .getResultList()));
    }

    @Override
    public List<HistoryEntry> agingOutBetween(Instant from, Instant until, int n) {
        return QuarkusTransaction.requiringNew().call(() -> rows(query("select " + COLUMNS
                        + " from request_history h left join secmaster_policy s on s.entry_id = h.id"
                        + " where h.status = 'SUCCEEDED' and h.operation = 'CREATE_EMERGENCY_POLICY'"
                        + " and s.removed_by is null"
                        + " and (case when s.ageing_changed then s.ages_out_at else h.ages_out_at end) > :from"
                        + " and (case when s.ageing_changed then s.ages_out_at else h.ages_out_at end) <= :until"
                        + " order by h.ages_out_at limit " + bounded(n),
                Map.of("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                        "until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC)))
                .getResultList()));
    }

    private static int bounded(int n) {
        return Math.max(1, Math.min(n, MAX_PAGE_SIZE));
    }

    private static void appendFilter(HistoryFilter f, StringBuilder sql, Map<String, Object> params) {
        equal("h.actor", "actor", f.actor(), sql, params);
        equal("h.operation", "operation", f.operation() == null ? null : f.operation().name(), sql, params);
        equal("h.status", "status", f.status() == null ? null : f.status().name(), sql, params);
        equal("h.project_id", "projectId", f.projectId(), sql, params);
        equal("h.workspace_id", "workspaceId", f.workspaceId(), sql, params);
        equal("h.domain_id", "domainId", f.domainId(), sql, params);
        if (f.from() != null) {
            sql.append(" and h.requested_at >= :from");
            params.put("from", OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC));
        }
        if (f.to() != null) {
            sql.append(" and h.requested_at < :to");
            params.put("to", OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC));
        }
        if (f.target() != null && !f.target().isBlank()) {
            String target = f.target().strip();
            Optional<String> network = network(target);
            sql.append(" and exists (select 1 from request_target t where t.entry_id = h.id and (lower(t.target) = lower(:target)");
            params.put("target", target);
            network.ifPresent(n -> {
                sql.append(" or t.network && cast(:network as cidr)");
                params.put("network", n);
            });
            sql.append("))");
        }
    }

    private static void equal(String column, String name, String value, StringBuilder sql, Map<String, Object> params) {
        if (value != null && !value.isBlank()) {
            sql.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value.strip());
        }
    }

    /** The CIDR form of an IP or block typed into the target filter, if it is one. */
    static Optional<String> network(String text) {
        IPAddress address = new IPAddressString(text).getAddress();
        if (address == null || address.isMultiple() && !address.isPrefixBlock()) {
            return Optional.empty();
        }
        IPAddress block = address.isPrefixed() ? address.toPrefixBlock() : address;
        return Optional.of(block.isPrefixed()
                ? block.toCanonicalString()
                : block.toCanonicalString() + "/" + block.getBitCount());
    }

    private Query query(String sql, Map<String, Object> params) {
        Query q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        return q;
    }

    private static List<HistoryEntry> rows(List<?> results) {
        List<HistoryEntry> rows = new ArrayList<>(results.size());
        for (Object r : results) {
            rows.add(row((Object[]) r));
        }
        return rows;
    }

    private static HistoryEntry row(Object[] c) {
        String targets = (String) c[21];
        return new HistoryEntry(((Number) c[0]).longValue(), Operation.valueOf((String) c[1]), (String) c[2],
                RequestStatus.valueOf((String) c[3]), instant(c[4]), instant(c[5]),
                c[6] == null ? null : ((Number) c[6]).longValue(), (String) c[7], (String) c[8], (String) c[9],
                constant(PolicyCategory.class, (String) c[10]), constant(BlockType.class, (String) c[11]),
                instant(c[12]), (String) c[13],
                c[14] == null ? null : ((Number) c[14]).longValue(), c[15] == null ? null : ((Number) c[15]).intValue(),
                (String) c[16], (String) c[17], (String) c[18], (String) c[19], (String) c[20],
                targets == null ? List.of() : Arrays.asList(targets.split(",")), (String) c[22],
                c[23] == null ? null : ((Number) c[23]).longValue(), c[24] == null ? null : ((Number) c[24]).longValue());
    }

    /** The constant of that name, or null for a name the enum does not have (a row written by another version). */
    private static <E extends Enum<E>> E constant(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A timestamp column as native queries return it (the driver and Hibernate differ in the type). */
    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    /** The keyset position after an entry: its time and ID, as {@code <epoch micros>_<id>}. */
    record Cursor(Instant at, long id) {
        static Optional<Cursor> parse(String text) {
            if (text == null || !text.matches("\\d{1,19}_\\d{1,19}")) {
                return Optional.empty();
            }
            String[] parts = text.split("_");
            try {
                long micros = Long.parseLong(parts[0]);
                return Optional.of(new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), Long.parseLong(parts[1])));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        @Override
        public String toString() {
            return (at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000) + "_" + id;
        }
    }
}
