package com.policyconsole.bench.console;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit benchmark's probe on a history of generated entries. Mode {@code pages}: for each audit filter of the
 * history page (and their combinations, and page 2 via the keyset cursor) it times the page through the console
 * (HTTP GET, logged in) and the same SQL run directly over JDBC, one request at a time, and prints one
 * {@code CASE name=... http_p50=... http_p95=... sql_p50=... sql_p95=... rows=...} line per case. Mode
 * {@code export}: downloads {@code /history/export.csv} for the newest {@code --export-rows} entries and prints
 * {@code EXPORT rows=... bytes=... seconds=...}. Sample values (an actor, an IP that exists, a time range) are read
 * from the database first, so the cases fit whatever data was generated.
 *
 * <p>Options: {@code --mode pages|export}, {@code --base-url}, {@code --jdbc-url}, {@code --user} (admin; password from
 * env {@code BENCH_CONSOLE_PASSWORD}), {@code --warmup} (50), {@code --iterations} (300), {@code --export-rows} (100000).
 */
public final class AuditProbe {

    private static final Pattern NEXT_CURSOR = Pattern.compile("cursor=([0-9]+_[0-9]+)\"");

    private record Case(String name, HistoryQuery query, boolean secondPage) {
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options(args);
        String password = System.getenv("BENCH_CONSOLE_PASSWORD");
        ConsoleSession session = ConsoleSession.logIn(ConsoleSession.sharedClient(), URI.create(o.required("base-url")),
                o.text("user", "admin"), password);
        try (Connection db = DriverManager.getConnection(o.required("jdbc-url"), "postgres", "")) {
            if (o.text("mode", "pages").equals("export")) {
                export(session, db, o.integer("export-rows", 100_000));
            } else {
                pages(session, db, o.integer("warmup", 50), o.integer("iterations", 300));
            }
        }
    }

    private static void pages(ConsoleSession session, Connection db, int warmup, int iterations) throws Exception {
        for (Case c : cases(db)) {
            String cursor = null;
            if (c.secondPage()) {
                HttpResponse<String> first = session.get("/history?" + c.query().queryString());
                Matcher m = NEXT_CURSOR.matcher(first.body());
                if (!m.find()) {
                    throw new IllegalStateException("no next page for case " + c.name());
                }
                cursor = m.group(1);
            }
            String path = "/history?" + c.query().queryString()
                    + (cursor == null ? "" : (c.query().queryString().isEmpty() ? "" : "&") + "cursor=" + cursor);
            HistoryQuery.Statement sql = c.query().page(cursor);
            Latencies http = new Latencies();
            Latencies direct = new Latencies();
            int rows = 0;
            for (int i = 0; i < warmup + iterations; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> page = session.get(path);
                long t1 = System.nanoTime();
                if (page.statusCode() != 200) {
                    throw new IllegalStateException(c.name() + ": HTTP " + page.statusCode());
                }
                rows = sql.run(db);
                long t2 = System.nanoTime();
                if (i >= warmup) {
                    http.add(t1 - t0);
                    direct.add(t2 - t1);
                }
            }
            System.out.printf(Locale.ROOT, "CASE name=%s http_p50=%.2f http_p95=%.2f sql_p50=%.2f sql_p95=%.2f rows=%d path=%s%n",
                    c.name(), http.percentileMillis(50), http.percentileMillis(95), direct.percentileMillis(50),
                    direct.percentileMillis(95), rows, path.replace(' ', '+'));
        }
    }

    /** Every filter of the history page alone, the usual combinations, and page 2 of three of them. */
    private static List<Case> cases(Connection db) throws SQLException {
        String busyActor = one(db, "select actor from request_history group by actor order by count(*) desc limit 1");
        String quietActor = one(db, "select actor from request_history group by actor order by count(*) asc limit 1");
        String project = one(db, "select project_id from request_history where project_id is not null group by 1 order by count(*) desc limit 1");
        String workspace = one(db, "select workspace_id from request_history where project_id = '" + project + "' group by 1 limit 1");
        String domain = one(db, "select domain_id from request_history where domain_id is not null group by 1 order by count(*) desc limit 1");
        String ip = one(db, "select target from request_target where masklen(network) = 32 and target not like '185.220.%' "
                + "order by id limit 1 offset (select count(*) / 3 from request_target)");
        String offender = one(db, "select target from request_target where target like '185.220.10%' limit 1");
        String block16 = one(db, "select host(set_masklen(network, 16)) || '/16' from request_target "
                + "where masklen(network) = 32 and target not like '185.220.%' order by id limit 1 offset (select count(*) / 2 from request_target)");
        Instant newest = Instant.parse(one(db, "select to_char(max(requested_at) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from request_history"));
        String weekFrom = newest.minusSeconds(190L * 86400).toString();
        String weekTo = newest.minusSeconds(183L * 86400).toString();
        String dayFrom = newest.minusSeconds(100L * 86400).toString();
        String dayTo = newest.minusSeconds(99L * 86400).toString();
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("none", HistoryQuery.of(), false));
        cases.add(new Case("actor", HistoryQuery.of("actor", busyActor), false));
        cases.add(new Case("actor_rare", HistoryQuery.of("actor", quietActor), false));
        cases.add(new Case("operation", HistoryQuery.of("operation", "ADD_CONFIG_RULE"), false));
        cases.add(new Case("status", HistoryQuery.of("status", "FAILED"), false));
        cases.add(new Case("object_exact_ip", HistoryQuery.of("target", ip, "network", ip + "/32"), false));
        cases.add(new Case("object_repeat_offender", HistoryQuery.of("target", offender, "network", offender + "/32"), false));
        cases.add(new Case("object_ip_in_cidr16", HistoryQuery.of("target", block16, "network", block16), false));
        cases.add(new Case("project_workspace", HistoryQuery.of("project_id", project, "workspace_id", workspace), false));
        cases.add(new Case("workspace", HistoryQuery.of("workspace_id", workspace), false));
        cases.add(new Case("domain", HistoryQuery.of("domain_id", domain), false));
        cases.add(new Case("time_week", HistoryQuery.of("from", weekFrom, "to", weekTo), false));
        cases.add(new Case("actor_status", HistoryQuery.of("actor", busyActor, "status", "FAILED"), false));
        cases.add(new Case("operation_time_day", HistoryQuery.of("operation", "CREATE_EMERGENCY_POLICY", "from", dayFrom, "to", dayTo), false));
        cases.add(new Case("workspace_status", HistoryQuery.of("project_id", project, "workspace_id", workspace, "status", "UNKNOWN"), false));
        cases.add(new Case("cidr16_time_week", HistoryQuery.of("target", block16, "network", block16, "from", weekFrom, "to", weekTo), false));
        cases.add(new Case("actor_operation_status_time", HistoryQuery.of("actor", quietActor, "operation", "CREATE_EMERGENCY_POLICY",
                "status", "SUCCEEDED", "from", weekFrom, "to", dayTo), false));
        cases.add(new Case("page2_none", HistoryQuery.of(), true));
        cases.add(new Case("page2_actor", HistoryQuery.of("actor", busyActor), true));
        cases.add(new Case("page2_status", HistoryQuery.of("status", "FAILED"), true));
        return cases;
    }

    private static void export(ConsoleSession session, Connection db, int exportRows) throws Exception {
        String from = one(db, "select to_char(requested_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') "
                + "from request_history order by requested_at desc, id desc offset " + (exportRows - 1) + " limit 1");
        long t0 = System.nanoTime();
        HttpResponse<InputStream> answer = session.getStream("/history/export.csv?from=" + from);
        long lines = 0;
        long bytes = 0;
        long firstByte = 0;
        try (InputStream in = answer.body()) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (bytes == 0) {
                    firstByte = System.nanoTime();
                }
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        long t1 = System.nanoTime();
        if (answer.statusCode() != 200) {
            throw new IOException("export: HTTP " + answer.statusCode());
        }
        System.out.printf(Locale.ROOT, "EXPORT rows=%d bytes=%d seconds=%.3f first_byte_ms=%.1f from=%s%n", lines - 1, bytes,
                (t1 - t0) / 1e9, (firstByte - t0) / 1e6, from);
    }

    private static String one(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next() || rs.getString(1) == null) {
                throw new IllegalStateException("no sample value for: " + sql);
            }
            return rs.getString(1);
        }
    }
}
