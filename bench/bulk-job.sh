#!/usr/bin/env bash
# Benchmark: a bulk job of 10,000 addresses (20 deliveries of 500 through CFW) against the sandbox, whose delivery
# tasks run $DELIVERY_TIME each and of which at most 5 may run at once (SecMaster's limit): the time from the
# confirmation to every delivery final (its layers' records read back), and the job page's and its progress JSON's
# latency while it runs. In the same run, on the same console, the reference: the same objects as 20 single policies
# sent by hand, each once the one before is delivered. Also prints the floor SecMaster's limit sets:
# ceil(20 / 5) x DELIVERY_TIME. Target: <= 20 s to final. Needs a quiet machine (holds the Maven lock).
#   OBJECTS=2000 bench/bulk-job.sh        (a quick run)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
OBJECTS=${OBJECTS:-10000}
DELIVERY_TIME=${DELIVERY_TIME:-300ms}
RUNS=${RUNS:-3}

bench_init bulk-job
bench_build
pg_start
export POLICYCONSOLE_SANDBOX_DELIVERY_TIME=$DELIVERY_TIME
# the job is measured from its confirmation: it must not wait for a second person (four-eyes, over 1,000 objects)
export POLICYCONSOLE_APPROVAL_LARGEST_BULK_JOB=$OBJECTS
console_start -Xmx512m

run_probe() { # run_probe <round> [--by-hand true] -> the RESULT line
  bench_java BulkJobProbe --base-url "$CONSOLE_URL" --objects "$OBJECTS" --round "$1" "${@:2}" >"$WORK/probe.txt" 2>&1 \
    || { cat "$WORK/probe.txt" >&2; exit 1; }
  grep '^RESULT' "$WORK/probe.txt"
}
value() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

measure() {
  log "warm-up job"
  run_probe 1 >/dev/null
  local r line
  printf '| run | objects | confirm ms | to final s | job page p50 / p95 / max ms | progress JSON p50 / p95 ms | succeeded |\n'
  printf '|---|---|---|---|---|---|---|\n'
  for r in $(seq 1 "$RUNS"); do
    line=$(run_probe $((r + 1)))
    printf '| %s | %s | %s | %s | %s / %s / %s | %s / %s | %s |\n' "$r" "$(value "$line" objects)" \
      "$(value "$line" confirm_ms)" "$(value "$line" final_s)" "$(value "$line" page_p50)" "$(value "$line" page_p95)" \
      "$(value "$line" page_max)" "$(value "$line" progress_p50)" "$(value "$line" progress_p95)" \
      "$(value "$line" succeeded)"
  done
  line=$(run_probe 100 --by-hand true)
  printf '\nReference, the same %s objects as %s single policies sent one after the other: %s s to final.\n' \
    "$(value "$line" objects)" "$(value "$line" policies)" "$(value "$line" final_s)"
  local ms=${DELIVERY_TIME%ms} deliveries=$(( (OBJECTS + 499) / 500 ))
  printf 'Floor set by SecMaster (5 tasks at once, %s each): %s deliveries -> %s ms.\n' "$DELIVERY_TIME" \
    "$deliveries" $(( (deliveries + 4) / 5 * ms ))
}
locked measure
