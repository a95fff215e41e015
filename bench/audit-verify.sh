#!/usr/bin/env bash
# Benchmark: the audit verifier on a large trail. Generates ROWS (default 1,000,000) history entries in a private
# PostgreSQL as bench/audit-scale.sh does (bench/console/sql/audit-history.sql through the triggers, sealed), then on
# the same database runs scripts/verify-audit.sh's command twice, in turns, RUNS times each:
#   reference  the verifier of commit REFERENCE (default 6fa11a9), which compared each row with its last record through
#              the database's audit_*_state functions;
#   current    this tree's verifier, which recomputes every hash and every row's state in Java (RecordedStates).
# Prints a table of wall times (JVM start included) and what each found.
#   bench/audit-verify.sh            ROWS=200000 RUNS=1 bench/audit-verify.sh   (a quicker run)
# Environment: ROWS, RUNS (3), CHUNK (5000), REFERENCE, SKIP_BUILD, KEEP_WORK.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-3}
CHUNK=${CHUNK:-5000}
REFERENCE=${REFERENCE:-6fa11a9}
VERIFIER=app-console/src/main/java/com/policyconsole/console/adapter/out/persistence/audit/AuditChainVerifier.java

bench_init audit-verify
bench_build
log "compiling the reference verifier of $REFERENCE"
mkdir -p "$WORK/reference-src" "$WORK/reference"
git -C "$BENCH_ROOT" show "$REFERENCE:$VERIFIER" >"$WORK/reference-src/AuditChainVerifier.java"
javac -nowarn -cp "$WORK/app/app/*:$WORK/app/lib/main/*" -d "$WORK/reference" "$WORK/reference-src/AuditChainVerifier.java"
pg_start shared_buffers=1GB
console_start
console_stop
log "console migrated the database; generating $ROWS history entries in chunks of $CHUNK"

generate_history "$ROWS" "$CHUNK"
records=$(psql_q "SELECT count(*) FROM audit_event")
log "generated $ROWS entries ($records audit records) in $GENERATED_SECONDS s"

# verify <reference|current> <run>: one run of the command; its wall time in ms and its verdict line
verify() {
  local cp="$WORK/app/app/*:$WORK/app/lib/main/*" start_ns end_ns
  [ "$1" = reference ] && cp="$WORK/reference:$cp"
  start_ns=$(date +%s%N)
  java -cp "$cp" com.policyconsole.console.adapter.out.persistence.audit.AuditVerifyCommand "$DB_URL" \
    >"$WORK/verify-$1-$2.txt" 2>&1 || true
  end_ns=$(date +%s%N)
  echo $(( (end_ns - start_ns) / 1000000 )) >"$WORK/verify-$1-$2.ms"
}
measure_all() {
  local run
  for run in $(seq 1 "$RUNS"); do
    log "run $run of $RUNS: reference, then current"
    verify reference "$run"
    verify current "$run"
  done
}
locked measure_all

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo
echo "Audit chain verification of $records records ($ROWS history entries), $RUNS runs each, in turns:"
echo
echo "| verifier | median wall time | runs (ms) | verdict |"
echo "|---|---|---|---|"
for which in reference current; do
  times=$(cat "$WORK"/verify-$which-*.ms | tr '\n' ' ')
  med=$(cat "$WORK"/verify-$which-*.ms | median)
  verdict=$(grep -m1 -E '^(INTACT|TAMPERED)' "$WORK/verify-$which-1.txt" | cut -c1-40 || echo "none: see $WORK")
  label=$([ "$which" = reference ] && echo "reference ($REFERENCE: states through the database's functions)" \
    || echo "current (hashes and states recomputed in Java)")
  printf '| %s | %s ms | %s | %s |\n' "$label" "$med" "$times" "$verdict"
done
