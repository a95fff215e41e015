#!/usr/bin/env bash
# Benchmark: one operator's 100-object BLOCK submissions into a workspace that already holds N active policies of 100
# objects each, for N in $SIZES, on this version of the console and, in the same run and on the same PostgreSQL, on a
# reference version ($REFERENCE, by default the commit before the guardrail inventory answered questions).
# Prints a table of p50/p90 per size; the largest size leaves room for the probe's own policies under the 2,500
# quota. Needs a quiet machine: it holds the Maven lock while it builds and measures.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SIZES=${SIZES:-250 500 1000 2000 2300}
SUBMISSIONS=${SUBMISSIONS:-30}
REFERENCE=${REFERENCE:-3edbe7d}
PROJECT=3bb27e024693436da46b5f5aaf499060

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
psql_q "CREATE DATABASE new" >/dev/null
BASE_URL=$DB_URL

# Adds active BLOCK policies of 100 objects (10.<a>.<b>.<c>) to the workspace until it holds <n>.  seed <db> <n>
seed() {
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$1" -At -c "
    WITH have AS (SELECT count(*) AS n FROM request_history WHERE project_id = '$PROJECT' AND actor = 'seed'),
    new AS (
      INSERT INTO request_history (operation, actor, status, requested_at, completed_at, project_id, workspace_id,
          policy_category, block_type, request_method, request_url, request_headers, request_body)
      SELECT 'CREATE_EMERGENCY_POLICY', 'seed', 'SUCCEEDED', now(), now(), '$PROJECT', 'sandbox-workspace', 'BLOCK',
             'SOURCE_IP', 'POST', 'http://seed', '', '{}'
        FROM have, generate_series(have.n + 1, $2) RETURNING id)
    INSERT INTO request_target (entry_id, target, network)
    SELECT new.id, host(a)::text, a::cidr FROM new, generate_series(0, 99) AS i,
           LATERAL (SELECT ('10.' || (new.id / 250 % 250) || '.' || (new.id % 250) || '.' || (i + 1))::inet AS a) x"
}

measure() { # measure <jar> <db> <round> -> p50 p90
  DB_URL="${BASE_URL%/postgres}/$2" APP_JAR=$1 CONSOLE_PORT="" console_start
  java -cp "$BENCH_CP" com.policyconsole.bench.console.WorkspaceScaleProbe --base-url "$CONSOLE_URL" \
    --project "$PROJECT" --submissions "$SUBMISSIONS" --round "$3" >"$WORK/probe.txt" 2>&1 || { cat "$WORK/probe.txt" >&2; exit 1; }
  console_stop
  echo "$(result_value "$WORK/probe.txt" submit_p50) $(result_value "$WORK/probe.txt" submit_p90)"
}

# Let each console create its schema once.
for db in ref new; do
  jar=$NEW_JAR; [ "$db" = ref ] && jar=$REF_JAR
  DB_URL="${BASE_URL%/postgres}/$db" APP_JAR=$jar CONSOLE_PORT="" console_start
  console_stop
done

echo
echo "One operator, 100-object BLOCK submissions (p50 / p90 ms of $SUBMISSIONS after 5 warm-up), workspace holding N"
echo "active 100-object policies; reference $REFERENCE in the same run"
echo
echo "| N policies | objects | reference p50 | reference p90 | this version p50 | this version p90 |"
echo "|---|---|---|---|---|---|"
round=0
for n in $SIZES; do
  seed ref "$n"; seed new "$n"
  round=$((round + 1)); read -r rp50 rp90 < <(measure "$REF_JAR" ref "$round")
  read -r np50 np90 < <(measure "$NEW_JAR" new "$round")
  echo "| $n | $((n * 100)) | $rp50 | $rp90 | $np50 | $np90 |"
done
