#!/usr/bin/env bash
# Benchmark 4, audit at scale: generates ROWS (default 1,000,000) history entries over a year in a private PostgreSQL
# (bench/console/sql/audit-history.sql, plain INSERTs through the V5 triggers, then ANALYZE), then for each audit filter
# of the history page times the page through the console (HTTP, logged in) against the same SQL run directly (JDBC),
# and exports the newest EXPORT_ROWS (100,000) entries as CSV while sampling the console's heap (jstat).
# Prints a table. Targets: page p95 <= 10 ms and <= 1.5x the SQL; export <= 2 s with a flat heap.
#   bench/audit-scale.sh                      ROWS=200000 bench/audit-scale.sh   (a quicker run)
# Environment: ROWS, EXPORT_ROWS, ITERATIONS (300 per case), CHUNK (5000 entries per transaction), SKIP_BUILD, KEEP_WORK.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ROWS=${ROWS:-1000000}
EXPORT_ROWS=${EXPORT_ROWS:-100000}
ITERATIONS=${ITERATIONS:-300}
CHUNK=${CHUNK:-5000}

bench_init audit
bench_build
# Memory for a history of this size, as a production database would have it; pg_stat_statements to compare the
# console's statements with the direct ones.
pg_start shared_buffers=1GB shared_preload_libraries=pg_stat_statements
psql_q "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
console_start
log "console up (pid $CONSOLE_PID); generating $ROWS history entries in chunks of $CHUNK"

generate_history "$ROWS" "$CHUNK"
gen_seconds=$GENERATED_SECONDS
read -r entries objects < <(psql_q "SELECT (SELECT count(*) FROM request_history), (SELECT count(*) FROM request_target)" | tr '|' ' ')
log "generated $entries entries with $objects objects in $gen_seconds s; ANALYZE done"

psql_q "SELECT pg_stat_statements_reset()" >/dev/null
heap_used_mb() { jstat -gc "$CONSOLE_PID" | awk 'NR == 2 { printf "%.0f", ($3 + $4 + $6 + $8) / 1024 }'; }
measure_all() {
  log "timing the history page per filter (JFR on the console meanwhile)"
  jcmd "$CONSOLE_PID" JFR.start name=pages settings=profile >/dev/null
  bench_java AuditProbe --mode pages --base-url "$CONSOLE_URL" --jdbc-url "$DB_URL" --iterations "$ITERATIONS" \
    >"$WORK/pages.txt"
  jcmd "$CONSOLE_PID" JFR.stop name=pages filename="$WORK/pages.jfr" >/dev/null
  log "exporting the newest $EXPORT_ROWS entries as CSV while sampling the heap"
  heap_used_mb >"$WORK/heap-before.txt"
  jstat -gc "$CONSOLE_PID" 100 >"$WORK/jstat.txt" &
  local jstat_pid=$!
  bench_java AuditProbe --mode export --base-url "$CONSOLE_URL" --jdbc-url "$DB_URL" --export-rows "$EXPORT_ROWS" \
    >"$WORK/export.txt"
  kill "$jstat_pid"
  log "verifying the audit chain (scripts/verify-audit.sh's command, without the console)"
  local start_ns end_ns
  start_ns=$(date +%s%N)
  java -cp "$WORK/app/app/*:$WORK/app/lib/main/*" com.policyconsole.console.adapter.out.persistence.audit.AuditVerifyCommand "$DB_URL" \
    >"$WORK/verify.txt" 2>&1 || true
  end_ns=$(date +%s%N)
  echo $(( (end_ns - start_ns) / 1000000 )) >"$WORK/verify-ms.txt"
}
log "measuring (holding the Maven lock)"
locked measure_all
heap_before=$(cat "$WORK/heap-before.txt")
# jstat -gc columns: S0C S1C S0U S1U EC EU OC OU ... YGC YGCT FGC ...: used = S0U + S1U + EU + OU (KB).
read -r heap_max old_first old_last young_gcs < <(awk '$1 ~ /^[0-9.]+$/ { used = ($3 + $4 + $6 + $8) / 1024;
  if (used > max) max = used; if (!n++) { of = $8 / 1024; y0 = $13 } ol = $8 / 1024; y = $13 }
  END { printf "%.0f %.0f %.0f %d\n", max, of, ol, y - y0 }' "$WORK/jstat.txt")

# Did the console run the same statements as the probe? Same normalised text => one pg_stat_statements entry.
same_sql=$(psql_q "SELECT count(*) FROM pg_stat_statements WHERE query LIKE 'select h.id, h.operation%order by h.requested_at desc, h.id desc limit%' AND calls >= 2 * $ITERATIONS")

echo
echo "Audit at scale: $entries history entries, $objects objects (generated in $gen_seconds s), $ITERATIONS requests per case, one at a time"
echo
printf '| %-28s | %7s | %8s | %8s | %8s | %8s | %6s | %s |\n' case rows "page p50" "page p95" "SQL p50" "SQL p95" "p95 x" "target p95<=10ms & <=1.5x"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' ------------------------------ --------- ---------- ---------- ---------- ---------- -------- ------------------------------
while read -r line; do
  name=$(echo "$line" | tr ' ' '\n' | awk -F= '$1 == "name" { print $2 }')
  get() { echo "$line" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k { print $2 }'; }
  hp50=$(get http_p50); hp95=$(get http_p95); sp50=$(get sql_p50); sp95=$(get sql_p95); rows=$(get rows)
  ratio=$(awk -v a="$hp95" -v b="$sp95" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
  verdict=$(awk -v a="$hp95" -v r="$ratio" 'BEGIN { print (a <= 10 && r <= 1.5) ? "met" : (a <= 10 ? "p95 met, ratio missed" : "missed") }')
  printf '| %-28s | %7s | %8s | %8s | %8s | %8s | %6s | %s |\n' "$name" "$rows" "$hp50" "$hp95" "$sp50" "$sp95" "$ratio" "$verdict"
done < <(grep '^CASE ' "$WORK/pages.txt")
echo
echo "(page = HTTP GET of /history through the console, logged in as admin, HTML of up to 50 rows; SQL = the same"
echo " statement over JDBC; ms; $same_sql page statements in pg_stat_statements were run both by the console and by the probe)"
echo
exp_rows=$(grep '^EXPORT ' "$WORK/export.txt" | tr ' ' '\n' | awk -F= '$1 == "rows" { print $2 }')
exp_s=$(grep '^EXPORT ' "$WORK/export.txt" | tr ' ' '\n' | awk -F= '$1 == "seconds" { print $2 }')
exp_mb=$(grep '^EXPORT ' "$WORK/export.txt" | tr ' ' '\n' | awk -F= '$1 == "bytes" { printf "%.1f", $2 / 1048576 }')
printf '| %-22s | %8s | %7s | %9s | %16s | %15s | %14s | %10s |\n' "CSV export" rows MB seconds "heap before (MB)" "heap max (MB)" "old gen (MB)" "young GCs"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' ------------------------ ---------- --------- ----------- ------------------ ----------------- ---------------- ------------
printf '| %-22s | %8s | %7s | %9s | %16s | %15s | %14s | %10s |\n' "newest $EXPORT_ROWS" "$exp_rows" "$exp_mb" "$exp_s" "$heap_before" "$heap_max" "$old_first -> $old_last" "$young_gcs"
echo
echo "(target: <= 2 s; heap sampled every 100 ms with jstat -gc during the export; old gen flat = rows are streamed)"
echo
echo "Audit chain verification of the whole database ($(cat "$WORK/verify-ms.txt") ms wall, JVM start included):"
sed 's/^/  /' "$WORK/verify.txt"
echo
echo "JFR profile of the console while it served the history pages (settings=profile):"
jfr_top "$WORK/pages.jfr" 15
