#!/usr/bin/env bash
# Benchmark 3, the console end to end under load: form submission -> validation -> guardrails -> PENDING history row
# -> sandbox cloud over HTTP -> outcome row -> redirect -> result page, on loopback. For each number of virtual users
# (USERS, default "16 32 64") the Java load generator (bench/console: java.net.http, each user logged in with its own
# session and CSRF token) submits distinct valid emergency policies back to back; only answers that redirect to the
# result page and show SUCCEEDED count. Then pgbench runs the same database writes (bench/console/sql/
# submission-writes.pgbench) on the same database as the ceiling. Prints a table.
# Targets: >= 1,000 submits/s, p99 <= 50 ms, >= 50% of the ceiling.
#   bench/console-load.sh          USERS="16 32" SECONDS_MEASURED=20 bench/console-load.sh
# Environment: USERS, WARMUP (10 s), SECONDS_MEASURED (30 s), PGBENCH_CLIENTS (20 = the console's pool size),
# PROFILE_USERS (32: the level recorded with JFR; "none" to skip), CONSOLE_JAVA_OPTS, SKIP_BUILD, KEEP_WORK.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
USERS=${USERS:-16 32 64}
WARMUP=${WARMUP:-10}
SECONDS_MEASURED=${SECONDS_MEASURED:-30}
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-20}
PROFILE_USERS=${PROFILE_USERS:-32}

bench_init load
bench_build
pg_start
# shellcheck disable=SC2086
console_start ${CONSOLE_JAVA_OPTS:-}
log "console up (pid $CONSOLE_PID) at $CONSOLE_URL"

run_level() {
  local users=$1 seed=$2 out=$3 gen_pid
  local c0 p0 g0
  c0=$(cpu_ticks "$CONSOLE_PID"); p0=$(cpu_ticks $(pg_pids))
  java -cp "$BENCH_CP" com.policyconsole.bench.console.SubmitLoad --base-url "$CONSOLE_URL" --users "$users" \
    --warmup "$WARMUP" --seconds "$SECONDS_MEASURED" --seed "$seed" >"$out" 2>"$out.err" &
  gen_pid=$!
  if [ "$users" = "$PROFILE_USERS" ]; then
    ( sleep $((WARMUP + 5)); jcmd "$CONSOLE_PID" JFR.start name=load settings=profile duration="${SECONDS_MEASURED}s" \
        filename="$WORK/load-$users.jfr" >/dev/null ) &
  fi
  local g=0 t
  while kill -0 "$gen_pid" 2>/dev/null; do t=$(cpu_ticks "$gen_pid"); [ "$t" -gt 0 ] && g=$t; sleep 0.5; done
  wait "$gen_pid"
  echo "CPU console=$(( $(cpu_ticks "$CONSOLE_PID") - c0 )) postgres=$(( $(cpu_ticks $(pg_pids)) - p0 )) generator=$g" >>"$out"
}

pgbench_writes() {
  "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared -c "$PGBENCH_CLIENTS" -j 2 \
    -T "$SECONDS_MEASURED" -f "$BENCH_ROOT/bench/console/sql/submission-writes.pgbench" postgres >"$1" 2>&1
}

measure_all() {
  local seed=0 users
  for users in $USERS; do
    seed=$((seed + 1))
    log "$users virtual users: ${WARMUP}s warm-up + ${SECONDS_MEASURED}s measured"
    run_level "$users" "$seed" "$WORK/load-$users.txt"
    grep -v "^$" "$WORK/load-$users.txt.err" | sed "s/^/  /" >&2 || true
    sleep 2
  done
  log "ceiling: pgbench, $PGBENCH_CLIENTS clients, the same writes on the same database"
  pgbench_writes "$WORK/pgbench.txt"
  # For comparison only: the same writes with V5's hash-chain trigger switched off on this throw-away database, to
  # show what the chain head (one row locked by every history write until commit) costs.
  psql_q "ALTER TABLE request_history DISABLE TRIGGER request_history_audit" >/dev/null
  pgbench_writes "$WORK/pgbench-nochain.txt"
  psql_q "ALTER TABLE request_history ENABLE TRIGGER request_history_audit" >/dev/null
}
log "measuring (holding the Maven lock for all levels and the ceiling)"
locked measure_all
ceiling_nochain=$(awk '/^tps = / { printf "%.0f", $3 }' "$WORK/pgbench-nochain.txt")
ceiling=$(awk '/^tps = / { printf "%.0f", $3 }' "$WORK/pgbench.txt")
ceiling_latency=$(awk '/^latency average = / { print $4 }' "$WORK/pgbench.txt")
history_rows=$(psql_q "SELECT count(*) FROM request_history")

echo
echo "Console end to end: BLOCK emergency policies of 1-3 distinct public IPv4 addresses (every 2nd ageing 7 days), each"
echo "user in its own projects (new project every 250 policies), CFW connection, sandbox cloud; closed loop, no think time."
echo "Warm-up ${WARMUP}s, measured ${SECONDS_MEASURED}s per level; $history_rows history rows at the end; $(nproc) cores shared by all."
echo
printf '| %5s | %9s | %12s | %12s | %16s | %16s | %6s | %12s | %10s | %s |\n' users submits/s "submit p50" "submit p99" "+result p50" "+result p99" errors "ceiling tps" "% ceiling" "CPU console/PG/generator"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' ------- ----------- -------------- -------------- ------------------ ------------------ -------- -------------- ------------ ---------------------------
for users in $USERS; do
  f="$WORK/load-$users.txt"
  rate=$(result_value "$f" rate)
  cpu=$(grep '^CPU ' "$f" | awk '{ split($2, c, "="); split($3, p, "="); split($4, g, "="); t = c[2] + p[2] + g[2];
        if (t == 0) t = 1; printf "%.0f%% / %.0f%% / %.0f%%", 100 * c[2] / t, 100 * p[2] / t, 100 * g[2] / t }')
  printf '| %5s | %9s | %9s ms | %9s ms | %13s ms | %13s ms | %6s | %12s | %9s%% | %s |\n' "$users" "$rate" \
    "$(result_value "$f" submit_p50)" "$(result_value "$f" submit_p99)" "$(result_value "$f" roundtrip_p50)" \
    "$(result_value "$f" roundtrip_p99)" "$(result_value "$f" errors)" "$ceiling" \
    "$(awk -v r="$rate" -v c="$ceiling" 'BEGIN { printf "%.0f", (c > 0 ? 100 * r / c : 0) }')" "$cpu"
done
echo
echo "submit = POST /policies/submit until its 303; +result = including the GET of the result page (acknowledged only"
echo "when it shows SUCCEEDED). Ceiling: pgbench -c $PGBENCH_CLIENTS, one script run = one submission's writes"
echo "(PENDING insert + objects, then findById + outcome update, 2 transactions), average latency $ceiling_latency ms."
echo "The same pgbench with V5's audit-chain trigger (request_history_audit) disabled: $ceiling_nochain tps."
for users in $USERS; do
  if [ -f "$WORK/load-$users.jfr" ]; then
    echo
    echo "JFR profile of the console at $users users (settings=profile, ${SECONDS_MEASURED}s):"
    jfr_top "$WORK/load-$users.jfr" 15
  fi
done
