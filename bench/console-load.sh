#!/usr/bin/env bash
# Benchmark 3, the console end to end under load: form submission -> validation -> guardrails -> PENDING history row
# -> sandbox cloud over HTTP -> outcome row -> redirect -> result page, on loopback. For each number of virtual users
# (USERS, default "16 32 64") the Java load generator (bench/console: java.net.http, each user logged in with its own
# session and CSRF token) submits distinct valid emergency policies back to back; only answers that redirect to the
# result page and show SUCCEEDED count. Then pgbench runs the same database writes (bench/console/sql/
# submission-writes.pgbench) on the same database as the ceiling, with the audit trail's trigger, with the reference
# append under the chain head's lock (bench/console/sql/locked-append.sql, as before Flyway V8), and without the
# trigger (the console's sealer chains the records meanwhile). Then a second console starts on the same database and the load of
# TWO_CONSOLES_USERS users is split between both. Prints a table.
# Targets: >= 1,000 submits/s, p99 <= 50 ms, >= 50% of the ceiling; ceiling with the audit trail >= 80% without.
#   bench/console-load.sh          USERS="16 32" SECONDS_MEASURED=20 bench/console-load.sh
# Environment: USERS, TWO_CONSOLES_USERS (32; "none" to skip), WARMUP (10 s), SECONDS_MEASURED (30 s),
# PGBENCH_CLIENTS (20 = the console's pool size), PROFILE_USERS (32: the level recorded with JFR; "none" to skip),
# CONSOLE_JAVA_OPTS, SKIP_BUILD, KEEP_WORK.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
USERS=${USERS:-16 32 64}
WARMUP=${WARMUP:-10}
SECONDS_MEASURED=${SECONDS_MEASURED:-30}
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-20}
PROFILE_USERS=${PROFILE_USERS:-32}
TWO_CONSOLES_USERS=${TWO_CONSOLES_USERS:-32}

bench_init load
bench_build
pg_start
# shellcheck disable=SC2086
console_start ${CONSOLE_JAVA_OPTS:-}
log "console up (pid $CONSOLE_PID) at $CONSOLE_URL"

# run_level <users> <seed> <out> [<base URLs> <console PIDs>]: one closed-loop level, with the CPU each side used.
run_level() {
  local users=$1 seed=$2 out=$3 urls=${4:-$CONSOLE_URL} pids=${5:-$CONSOLE_PID} gen_pid
  local c0 p0 g0
  # shellcheck disable=SC2086
  c0=$(cpu_ticks $pids); p0=$(cpu_ticks $(pg_pids))
  java -cp "$BENCH_CP" com.policyconsole.bench.console.SubmitLoad --base-url "$urls" --users "$users" \
    --warmup "$WARMUP" --seconds "$SECONDS_MEASURED" --seed "$seed" >"$out" 2>"$out.err" &
  gen_pid=$!
  if [ "$users" = "$PROFILE_USERS" ] && [ -z "${4:-}" ]; then
    ( sleep $((WARMUP + 5)); jcmd "$CONSOLE_PID" JFR.start name=load settings=profile duration="${SECONDS_MEASURED}s" \
        filename="$WORK/load-$users.jfr" >/dev/null ) &
  fi
  local g=0 t
  while kill -0 "$gen_pid" 2>/dev/null; do t=$(cpu_ticks "$gen_pid"); [ "$t" -gt 0 ] && g=$t; sleep 0.5; done
  wait "$gen_pid"
  # shellcheck disable=SC2086
  echo "CPU console=$(( $(cpu_ticks $pids) - c0 )) postgres=$(( $(cpu_ticks $(pg_pids)) - p0 )) generator=$g" >>"$out"
}

# Starts a second console on the same database: SECOND_URL, SECOND_PID (measure_all stops it: it runs in the subshell
# of `locked`, where the clean-up trap's list of processes cannot be extended).
second_console_start() {
  local first_pid=$CONSOLE_PID first_url=$CONSOLE_URL first_port=$CONSOLE_PORT
  CONSOLE_PORT=""
  # shellcheck disable=SC2086
  console_start ${CONSOLE_JAVA_OPTS:-}
  SECOND_PID=$CONSOLE_PID SECOND_URL=$CONSOLE_URL
  CONSOLE_PID=$first_pid CONSOLE_URL=$first_url CONSOLE_PORT=$first_port
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
  log "reference ceiling: the same with audit records chained at once under the head's lock (before Flyway V8)"
  psql_f "$BENCH_ROOT/bench/console/sql/locked-append.sql" >/dev/null
  psql_q "ALTER FUNCTION audit_append(TEXT, TEXT, BIGINT, TEXT) RENAME TO audit_append_unlocked" >/dev/null
  psql_q "ALTER FUNCTION audit_append_locked(TEXT, TEXT, BIGINT, TEXT) RENAME TO audit_append" >/dev/null
  pgbench_writes "$WORK/pgbench-locked.txt"
  psql_q "ALTER FUNCTION audit_append(TEXT, TEXT, BIGINT, TEXT) RENAME TO audit_append_locked" >/dev/null
  psql_q "ALTER FUNCTION audit_append_unlocked(TEXT, TEXT, BIGINT, TEXT) RENAME TO audit_append" >/dev/null
  if [ "$TWO_CONSOLES_USERS" != none ]; then
    second_console_start
    log "two consoles on one database (pids $CONSOLE_PID, $SECOND_PID): $TWO_CONSOLES_USERS users split between them"
    run_level "$TWO_CONSOLES_USERS" $((seed + 1)) "$WORK/load-two.txt" "$CONSOLE_URL,$SECOND_URL" \
      "$CONSOLE_PID $SECOND_PID"
    grep -v "^$" "$WORK/load-two.txt.err" | sed "s/^/  /" >&2 || true
    kill "$SECOND_PID"; wait "$SECOND_PID" 2>/dev/null || true
  fi
  log "waiting for the sealer, then verifying the audit trail"
  sleep 2
  java -cp "$WORK/app/app/*:$WORK/app/lib/main/*" \
    com.policyconsole.console.adapter.out.persistence.audit.AuditVerifyCommand "$DB_URL" >"$WORK/verify.txt" 2>&1 || true
  # For comparison only, after the verification (these entries are written around the trail): the same writes with
  # the audit trail's trigger switched off on this throw-away database, to show what appending and sealing cost.
  psql_q "ALTER TABLE request_history DISABLE TRIGGER request_history_audit" >/dev/null
  pgbench_writes "$WORK/pgbench-nochain.txt"
  psql_q "ALTER TABLE request_history ENABLE TRIGGER request_history_audit" >/dev/null
}
log "measuring (holding the Maven lock for all levels and the ceiling)"
locked measure_all
ceiling_nochain=$(awk '/^tps = / { printf "%.0f", $3 }' "$WORK/pgbench-nochain.txt")
ceiling=$(awk '/^tps = / { printf "%.0f", $3 }' "$WORK/pgbench.txt")
ceiling_locked=$(awk '/^tps = / { printf "%.0f", $3 }' "$WORK/pgbench-locked.txt")
ceiling_latency=$(awk '/^latency average = / { print $4 }' "$WORK/pgbench.txt")
history_rows=$(psql_q "SELECT count(*) FROM request_history")

echo
echo "Console end to end: BLOCK emergency policies of 1-3 distinct public IPv4 addresses (every 2nd ageing 7 days), each"
echo "user in its own projects (new project every 250 policies), CFW connection, sandbox cloud; closed loop, no think time."
echo "Warm-up ${WARMUP}s, measured ${SECONDS_MEASURED}s per level; $history_rows history rows at the end; $(nproc) cores shared by all."
echo
printf '| %5s | %9s | %12s | %12s | %16s | %16s | %6s | %12s | %10s | %s |\n' users submits/s "submit p50" "submit p99" "+result p50" "+result p99" errors "ceiling tps" "% ceiling" "CPU console/PG/generator"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' ------- ----------- -------------- -------------- ------------------ ------------------ -------- -------------- ------------ ---------------------------
levels=$USERS
[ -f "$WORK/load-two.txt" ] && levels="$levels two"
for users in $levels; do
  f="$WORK/load-$users.txt"
  label=$users
  [ "$users" = two ] && label="$TWO_CONSOLES_USERS*"
  rate=$(result_value "$f" rate)
  cpu=$(grep '^CPU ' "$f" | awk '{ split($2, c, "="); split($3, p, "="); split($4, g, "="); t = c[2] + p[2] + g[2];
        if (t == 0) t = 1; printf "%.0f%% / %.0f%% / %.0f%%", 100 * c[2] / t, 100 * p[2] / t, 100 * g[2] / t }')
  printf '| %5s | %9s | %9s ms | %9s ms | %13s ms | %13s ms | %6s | %12s | %9s%% | %s |\n' "$label" "$rate" \
    "$(result_value "$f" submit_p50)" "$(result_value "$f" submit_p99)" "$(result_value "$f" roundtrip_p50)" \
    "$(result_value "$f" roundtrip_p99)" "$(result_value "$f" errors)" "$ceiling" \
    "$(awk -v r="$rate" -v c="$ceiling" 'BEGIN { printf "%.0f", (c > 0 ? 100 * r / c : 0) }')" "$cpu"
done
echo
echo "submit = POST /policies/submit until its 303; +result = including the GET of the result page (acknowledged only"
echo "when it shows SUCCEEDED). Ceiling: pgbench -c $PGBENCH_CLIENTS, one script run = one submission's writes"
echo "(PENDING insert + objects, then findById + outcome update, 2 transactions), average latency $ceiling_latency ms."
echo "The same pgbench with the audit trail's trigger (request_history_audit) disabled: $ceiling_nochain tps; with it"
echo "$(awk -v a="$ceiling" -v b="$ceiling_nochain" 'BEGIN { printf "%.0f", (b > 0 ? 100 * a / b : 0) }')% of that (target >= 80%). Reference: records chained at once under the"
echo "head's lock, as before Flyway V8: $ceiling_locked tps ($(awk -v a="$ceiling_locked" -v b="$ceiling_nochain" 'BEGIN { printf "%.0f", (b > 0 ? 100 * a / b : 0) }')% of the ceiling without the trail)."
[ -f "$WORK/load-two.txt" ] && echo "*: two consoles on the one database, the users split between them; CPU console = both."
echo "Audit trail afterwards (scripts/verify-audit.sh's command):"
sed 's/^/  /' "$WORK/verify.txt"
for users in $USERS; do
  if [ -f "$WORK/load-$users.jfr" ]; then
    echo
    echo "JFR profile of the console at $users users (settings=profile, ${SECONDS_MEASURED}s):"
    jfr_top "$WORK/load-$users.jfr" 15
  fi
done
