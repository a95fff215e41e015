package com.policyconsole.bench.console;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of one history page exactly as {@code HistorySearch.page} builds it (same text, same parameter order and
 * types), so that the audit benchmark can time the query without the console. The console's own statements are
 * compared with these in the PostgreSQL statistics by bench/audit-scale.sh (same query text, same plan).
 *
 * @param filters audit filters by query-string name ({@code actor}, {@code operation}, {@code status},
 *                {@code target}, {@code project_id}, {@code workspace_id}, {@code domain_id}, {@code from}, {@code to})
 * @param targetNetwork the CIDR form of {@code target} when it is an IP or block (the console derives it the same way)
 */
record HistoryQuery(Map<String, String> filters, String targetNetwork) {

    static final int PAGE_SIZE = 50;
    private static final String COLUMNS = "h.id, h.operation, h.actor, h.status, h.requested_at, h.completed_at, "
            + "h.duration_ms, h.project_id, h.workspace_id, h.domain_id, h.policy_category, h.block_type, "
            + "h.ages_out_at, h.rule_name, h.retry_of, h.http_status, h.error_code, h.error_message, "
            + "h.cloud_request_id, h.result_id, h.result_state, "
            + "(select string_agg(t.target, ',' order by t.id) from request_target t where t.entry_id = h.id)";

    /** Statement text and its parameters for the page after {@code cursor} ({@code <epoch micros>_<id>}, or null). */
    Statement page(String cursor) {
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from request_history h where true");
        List<Object> params = new ArrayList<>();
        equal("h.actor", "actor", sql, params);
        equal("h.operation", "operation", sql, params);
        equal("h.status", "status", sql, params);
        equal("h.project_id", "project_id", sql, params);
        equal("h.workspace_id", "workspace_id", sql, params);
        equal("h.domain_id", "domain_id", sql, params);
        if (filters.containsKey("from")) {
            sql.append(" and h.requested_at >= ?");
            params.add(at(filters.get("from")));
        }
        if (filters.containsKey("to")) {
            sql.append(" and h.requested_at < ?");
            params.add(at(filters.get("to")));
        }
        if (filters.containsKey("target")) {
            sql.append(" and exists (select 1 from request_target t where t.entry_id = h.id and (lower(t.target) = lower(?)");
            params.add(filters.get("target"));
            if (targetNetwork != null) {
                sql.append(" or t.network && cast(? as cidr)");
                params.add(targetNetwork);
            }
            sql.append("))");
        }
        if (cursor != null) {
            String[] parts = cursor.split("_");
            long micros = Long.parseLong(parts[0]);
            sql.append(" and (h.requested_at, h.id) < (?, ?)");
            params.add(OffsetDateTime.ofInstant(Instant.EPOCH.plusNanos(micros * 1000), ZoneOffset.UTC));
            params.add(Long.parseLong(parts[1]));
        }
        sql.append(" order by h.requested_at desc, h.id desc limit ").append(PAGE_SIZE + 1);
        return new Statement(sql.toString(), params);
    }

    private void equal(String column, String name, StringBuilder sql, List<Object> params) {
        if (filters.containsKey(name)) {
            sql.append(" and ").append(column).append(" = ?");
            params.add(filters.get(name));
        }
    }

    private static OffsetDateTime at(String isoInstant) {
        return OffsetDateTime.ofInstant(Instant.parse(isoInstant), ZoneOffset.UTC);
    }

    /** The query-string form of the filters, as the history page's own links write them. */
    String queryString() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : filters.entrySet()) {
            out.append(out.length() == 0 ? "" : "&").append(e.getKey()).append('=')
                    .append(java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    static HistoryQuery of(String... nameValuePairs) {
        Map<String, String> filters = new LinkedHashMap<>();
        String network = null;
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            if (nameValuePairs[i].equals("network")) {
                network = nameValuePairs[i + 1];
            } else {
                filters.put(nameValuePairs[i], nameValuePairs[i + 1]);
            }
        }
        return new HistoryQuery(filters, network);
    }

    /** A statement with its parameters, bound as Hibernate binds them (strings, OffsetDateTime, long). */
    record Statement(String sql, List<Object> params) {

        /** Prepares, binds and runs the statement, reading every column of every row; returns the row count. */
        int run(Connection db) throws SQLException {
            try (PreparedStatement ps = db.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                int rows = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int c = 1; c <= columns; c++) {
                            rs.getObject(c);
                        }
                        rows++;
                    }
                }
                return rows;
            }
        }
    }
}
