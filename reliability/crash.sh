#!/usr/bin/env bash
# Crash test: kill -9 the console during a submission load, CYCLES (10) times, and check the history after each restart.
# Each cycle: USERS (16) logged-in virtual users submit distinct valid emergency policies (bench/console SubmitLoad);
# every answer that redirects to /history/<id> is an acknowledged submission and its ID is appended to a file at once.
# Once submissions flow, the console is killed with SIGKILL at a random moment, then started again. Checks:
#   - every acknowledged ID is in request_history, with a final status (SUCCEEDED here: the sandbox does not fail);
#   - rows written during the cycle but never acknowledged were in flight: the start-up reconciliation must have made
#     the PENDING ones UNKNOWN with error_code CONSOLE_RESTARTED (until it exists they show as PENDING), and
#   - the history page of such an entry offers the retry button (checked for up to 3 per cycle).
# Prints a table per cycle and the totals; exits 1 if an acknowledged submission is missing or a row is left PENDING.
#   reliability/crash.sh          CYCLES=3 reliability/crash.sh
# Environment: CYCLES, USERS, SKIP_BUILD, KEEP_WORK.
set -euo pipefail
source "$(dirname "$0")/../bench/lib.sh"
# A short lease, so that the killed console's in-flight entries are given up soon after the restart.
export POLICYCONSOLE_CONSOLE_LEASE_TTL=3s POLICYCONSOLE_CONSOLE_LEASE_HEARTBEAT=1s
CYCLES=${CYCLES:-10}
USERS=${USERS:-16}

bench_init crash
bench_build
pg_start
console_start
log "console up (pid $CONSOLE_PID) at $CONSOLE_URL"

# Logs curl in (cookie jar) and tells whether an entry's page shows the retry button.
curl_login() {
  rm -f "$WORK/cookies"
  curl -s -c "$WORK/cookies" -b "$WORK/cookies" -o /dev/null "$CONSOLE_URL/login"
  curl -s -c "$WORK/cookies" -b "$WORK/cookies" -o /dev/null -H 'Sec-Fetch-Site: same-origin' \
    --data-urlencode j_username=admin --data-urlencode "j_password=$ADMIN_PASSWORD" "$CONSOLE_URL/j_security_check"
}
offers_retry() { curl -s -b "$WORK/cookies" "$CONSOLE_URL/history/$1" | grep -q 'id="retry"'; }

status_counts() { psql_q "SELECT coalesce(string_agg(label || '=' || n, ' ' ORDER BY label), '') FROM (SELECT label, count(*) AS n FROM (SELECT status || CASE WHEN error_code = 'CONSOLE_RESTARTED' THEN '/CONSOLE_RESTARTED' ELSE '' END AS label FROM request_history WHERE id > $1 AND id <= $2 $3) l GROUP BY label) x"; }

printf '%s\n' "cycle acknowledged found_final missing in_flight reconciled_unknown left_pending completed_unacked retry_offered retry_checked" >"$WORK/cycles.txt"
for cycle in $(seq 1 "$CYCLES"); do
  before=$(psql_q "SELECT coalesce(max(id), 0) FROM request_history")
  ack="$WORK/ack-$cycle.txt"; : >"$ack"
  java -cp "$BENCH_CP" com.policyconsole.bench.console.SubmitLoad --base-url "$CONSOLE_URL" --users "$USERS" \
    --warmup 0 --seconds 120 --seed $((cycle % 16)) --follow false --until-connection-lost true --ack-file "$ack" \
    >"$WORK/load-$cycle.txt" 2>&1 &
  gen=$!
  BENCH_PIDS+=("$gen")
  until [ "$(wc -l <"$ack")" -ge 50 ]; do
    kill -0 "$gen" 2>/dev/null || { cat "$WORK/load-$cycle.txt" >&2; exit 1; }
    sleep 0.1
  done
  sleep "0.$((RANDOM % 10))$((RANDOM % 10))"
  kill -9 "$CONSOLE_PID"
  wait "$CONSOLE_PID" 2>/dev/null || true
  CONSOLE_PID=""
  for _ in $(seq 1 300); do kill -0 "$gen" 2>/dev/null || break; sleep 0.1; done
  kill "$gen" 2>/dev/null || true
  wait "$gen" 2>/dev/null || true
  last=$(psql_q "SELECT coalesce(max(id), 0) FROM request_history")
  pending_at_kill=$(psql_q "SELECT count(*) FROM request_history WHERE id > $before AND status = 'PENDING'")
  console_start
  sleep 5 # the killed console's lease (3 s) expires and the next heartbeat (1 s) gives its entries up

  acknowledged=$(sort -u "$ack" | wc -l)
  ids=$(sort -u "$ack" | paste -sd, -)
  found_final=$(psql_q "SELECT count(*) FROM request_history WHERE id IN (${ids:-0}) AND status <> 'PENDING'")
  found_any=$(psql_q "SELECT count(*) FROM request_history WHERE id IN (${ids:-0})")
  missing=$((acknowledged - found_any))
  not_acked="AND id NOT IN (${ids:-0})"
  in_flight=$(psql_q "SELECT count(*) FROM request_history WHERE id > $before AND id <= $last $not_acked")
  reconciled=$(psql_q "SELECT count(*) FROM request_history WHERE id > $before AND id <= $last $not_acked AND status = 'UNKNOWN' AND error_code = 'CONSOLE_RESTARTED'")
  left_pending=$(psql_q "SELECT count(*) FROM request_history WHERE id > $before AND status = 'PENDING'")
  completed_unacked=$(psql_q "SELECT count(*) FROM request_history WHERE id > $before AND id <= $last $not_acked AND status = 'SUCCEEDED'")
  curl_login
  offered=0; checked=0
  for id in $(psql_q "SELECT id FROM request_history WHERE id > $before AND id <= $last $not_acked AND status IN ('UNKNOWN', 'PENDING') ORDER BY id LIMIT 3"); do
    checked=$((checked + 1))
    if offers_retry "$id"; then offered=$((offered + 1)); fi
  done
  log "cycle $cycle: acknowledged $acknowledged, found $found_any ($found_final final), in flight $in_flight [$(status_counts "$before" "$last" "$not_acked")], PENDING at kill $pending_at_kill, left PENDING $left_pending, retry offered $offered/$checked"
  echo "$cycle $acknowledged $found_final $missing $in_flight $reconciled $left_pending $completed_unacked $offered $checked" >>"$WORK/cycles.txt"
done

echo
echo "Crash test: $CYCLES cycles of kill -9 during a load of $USERS virtual users (distinct valid BLOCK policies), restart, check"
echo
awk 'NR == 1 { next }
  { printf "| %5s | %12s | %17s | %7s | %9s | %28s | %12s | %24s | %13s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9 "/" $10;
    for (i = 2; i <= 10; i++) t[i] += $i }
  BEGIN { printf "| %5s | %12s | %17s | %7s | %9s | %28s | %12s | %24s | %13s |\n", "cycle", "acknowledged",
            "found (final)", "missing", "in flight", "-> UNKNOWN/CONSOLE_RESTARTED", "left PENDING", "completed, not acknowledged", "retry offered";
          print "|-------|--------------|-------------------|---------|-----------|------------------------------|--------------|-----------------------------|---------------|" }
  END { printf "| %5s | %12s | %17s | %7s | %9s | %28s | %12s | %24s | %13s |\n", "total", t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9] "/" t[10] }' "$WORK/cycles.txt"
echo
echo "acknowledged = 303 to /history/<id> received by the load generator; in flight = rows of the cycle never acknowledged"
echo "(the answer was lost with the process); completed, not acknowledged = the outcome was written but the 303 never arrived."
read -r missing pending < <(awk 'NR > 1 { m += $4; p += $7 } END { print m + 0, p + 0 }' "$WORK/cycles.txt")
if [ "$missing" -gt 0 ] || [ "$pending" -gt 0 ]; then
  echo "FAILED: $missing acknowledged submission(s) missing, $pending row(s) left PENDING"
  exit 1
fi
echo "PASSED: every acknowledged submission is in the history; no row is left PENDING"
