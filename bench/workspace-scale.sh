#!/usr/bin/env bash
# Benchmark: one operator's 100-object BLOCK submissions into a workspace that already holds N active policies of 100
# objects each, for N in $SIZES, then 500-object submissions into an empty workspace and into one that holds $BIG
# policies of 500 objects (the quota of 2,500 less the probe's own), on this version of the console and, in the same run and on the same PostgreSQL,
# on a reference version ($REFERENCE, by default the commit before the guardrail inventory answered questions). Each
# size has a workspace of its own, seeded in SQL. Prints a table of p50/p90/p99 per size. Target: p50 at the fullest
# workspace <= 1.3x p50 at the empty one. Needs a quiet machine: it holds the Maven lock while it builds and measures.
#   SIZES="0 250" BIG=none bench/workspace-scale.sh      (a quick run)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SIZES=${SIZES:-0 250 1000 2000 2400}
BIG=${BIG:-2460}
SUBMISSIONS=${SUBMISSIONS:-30}
# The reference takes seconds per submission in the big workspace: fewer submissions there.
REF_BIG_SUBMISSIONS=${REF_BIG_SUBMISSIONS:-5}
REFERENCE=${REFERENCE:-3edbe7d}
# Each size gets a project (and so a workspace) of its own: project_of <round>.
project_of() { printf '3bb27e024693436da46b5f5aaf49%04d' "$1"; }

bench_init workspace-scale
bench_build
NEW_JAR=$APP_JAR
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$BENCH_ROOT/.bench-reference/app-console/target/quarkus-app/quarkus-run.jar" ]; then
  log "building the reference $REFERENCE (holding the Maven lock)"
  rm -rf "$BENCH_ROOT/.bench-reference"
  git -C "$BENCH_ROOT" worktree add --force --detach "$BENCH_ROOT/.bench-reference" "$REFERENCE" >&2
  (cd "$BENCH_ROOT/.bench-reference" && locked ./mvnw -B -o -ntp -q -pl app-console -am package \
     -Dmaven.test.skip=true) >&2
fi
cp -r "$BENCH_ROOT/.bench-reference/app-console/target/quarkus-app" "$WORK/ref-app"
REF_JAR="$WORK/ref-app/quarkus-run.jar"
pg_start
psql_q "CREATE DATABASE ref" >/dev/null
# the console of this tree migrates as the owner role and runs as the runtime role; the reference runs as postgres
psql_q "CREATE DATABASE new OWNER policyconsole_owner" >/dev/null
BASE_URL=$DB_URL

# Adds <n> active BLOCK policies of <objects> distinct addresses in 10.0.0.0/8 to the workspace of <project>, in
# transactions of 100 policies.  seed <db> <project> <n> <objects>
seed() {
  local from
  for ((from = 0; from < $3; from += 100)); do
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$1" -At -c "
      WITH new AS (
        INSERT INTO request_history (operation, actor, status, requested_at, completed_at, project_id, workspace_id,
            policy_category, block_type, request_method, request_url, request_headers, request_body)
        SELECT 'CREATE_EMERGENCY_POLICY', 'seed', 'SUCCEEDED', now(), now(), '$2', 'sandbox-workspace', 'BLOCK',
               'SOURCE_IP', 'POST', 'http://seed', '', '{}'
          FROM generate_series(1, least(100, $3 - $from)) RETURNING id)
      INSERT INTO request_target (entry_id, target, network)
      SELECT new.id, host(a), a::cidr FROM new, generate_series(0, $4 - 1) AS i,
             LATERAL (SELECT '10.0.0.0'::inet + (new.id * 512 + i) AS a) x" >/dev/null
  done
  "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$1" -c "ANALYZE request_target" >/dev/null
}

measure() { # measure <jar> <db> <round> <objects> <submissions> <warm-up> -> p50 p90 p99
  DB_URL="${BASE_URL%/postgres}/$2" APP_JAR=$1 CONSOLE_PORT="" console_start
  java -cp "$BENCH_CP" com.policyconsole.bench.console.WorkspaceScaleProbe --base-url "$CONSOLE_URL" \
    --project "$(project_of "$3")" --objects "$4" --submissions "$5" --warmup "$6" --round "$3" \
    >"$WORK/probe.txt" 2>&1 || { cat "$WORK/probe.txt" >&2; exit 1; }
  console_stop
  echo "$(result_value "$WORK/probe.txt" submit_p50) $(result_value "$WORK/probe.txt" submit_p90)" \
    "$(result_value "$WORK/probe.txt" submit_p99)"
}

# Let each console create its schema once.
for db in ref new; do
  jar=$NEW_JAR; [ "$db" = ref ] && jar=$REF_JAR
  DB_URL="${BASE_URL%/postgres}/$db" APP_JAR=$jar CONSOLE_PORT="" console_start
  console_stop
done

run_size() { # run_size <round> <policies> <objects per policy> <reference submissions> <reference warm-up>
  seed ref "$(project_of "$1")" "$2" "$3"; seed new "$(project_of "$1")" "$2" "$3"
  read -r rp50 rp90 rp99 < <(measure "$REF_JAR" ref "$1" "$3" "$4" "$5")
  read -r np50 np90 np99 < <(measure "$NEW_JAR" new "$1" "$3" "$SUBMISSIONS" 5)
  echo "| $2 x $3 | $(($2 * $3)) | $rp50 | $rp90 | $rp99 | $np50 | $np90 | $np99 |"
}

echo
echo "One operator's BLOCK submissions (p50 / p90 / p99 ms of $SUBMISSIONS after 5 warm-up; the reference's in the big"
echo "workspace: $REF_BIG_SUBMISSIONS after 1), workspace holding N active policies of 100 (or 500) objects, submissions"
echo "of as many objects; reference $REFERENCE in the same run"
echo
echo "| N policies x objects | objects | reference p50 | reference p90 | reference p99 | this version p50 | this version p90 | this version p99 |"
echo "|---|---|---|---|---|---|---|---|"
round=0
for n in $SIZES; do
  round=$((round + 1))
  run_size "$round" "$n" 100 "$SUBMISSIONS" 5
done
if [ "$BIG" != none ]; then
  run_size $((round + 1)) 0 500 "$SUBMISSIONS" 5
  run_size $((round + 2)) "$BIG" 500 "$REF_BIG_SUBMISSIONS" 1
fi
