#!/usr/bin/env bash
# Benchmark 8, the JSON API's create path next to the form's, under the same load, on the same database, in one run.
# The packaged console runs in sandbox mode on a private PostgreSQL. For each number of virtual users (USERS, default
# "16 32") the Java load generator (bench/console, ApiVsFormLoad) first creates through the form — POST
# /policies/submit, the 303, the result page; counted only when it shows SUCCEEDED — then through the API — POST
# /api/v1/emergency-policies with a Bearer token; counted only when 201 with outcome SUCCEEDED recorded —, the same
# BLOCK policies of 1-3 distinct public IPv4 addresses, a new project every 250, closed loop, no think time. Each API
# user makes its own operator token on /account/tokens (session + CSRF), as a person would. The console starts with
# the per-token rate limit (policyconsole.api.rate-limit, 600 calls a minute by default) raised to API_RATE_LIMIT, so
# that the limit never answers 429 here. The sandbox keeps SecMaster's limits per workspace across all projects (5
# delivery tasks at once, 300 ageing and 2,500 policies), which would cap both paths at 5 / 300 ms and refuse creates
# after a few hundred: its deliveries are final at once (policyconsole.sandbox.delivery-time=SANDBOX_DELIVERY_TIME)
# and the two quotas are QUOTA (policyconsole.secmaster.policies[-with-ageing], which the guardrails read too; the
# users' projects of 250 policies stay far below either way). Prints a table and the ratios API/form per level.
# Targets: API creates/s >= 2x the form's, API p99 <= the form's.
#   bench/api-load.sh          USERS="16" WARMUP=2 SECONDS_MEASURED=5 SKIP_BUILD=1 bench/api-load.sh
# Environment: USERS, WARMUP (10 s), SECONDS_MEASURED (30 s), API_RATE_LIMIT (1000000 calls a minute per token),
# SANDBOX_DELIVERY_TIME (0s), QUOTA (1000000), CONSOLE_JAVA_OPTS, SKIP_BUILD, KEEP_WORK, APP_DIR and BENCH_CLASSES
# (bench/lib.sh).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
USERS=${USERS:-16 32}
WARMUP=${WARMUP:-10}
SECONDS_MEASURED=${SECONDS_MEASURED:-30}
API_RATE_LIMIT=${API_RATE_LIMIT:-1000000}
SANDBOX_DELIVERY_TIME=${SANDBOX_DELIVERY_TIME:-0s}
QUOTA=${QUOTA:-1000000}

bench_init api
bench_build
pg_start
# shellcheck disable=SC2086
console_start -Dpolicyconsole.api.rate-limit="$API_RATE_LIMIT" \
  -Dpolicyconsole.sandbox.delivery-time="$SANDBOX_DELIVERY_TIME" -Dpolicyconsole.secmaster.policies="$QUOTA" \
  -Dpolicyconsole.secmaster.policies-with-ageing="$QUOTA" ${CONSOLE_JAVA_OPTS:-}
log "console up (pid $CONSOLE_PID) at $CONSOLE_URL: API rate limit $API_RATE_LIMIT a minute per token, sandbox" \
  "deliveries $SANDBOX_DELIVERY_TIME, quotas $QUOTA"

measure_all() {
  local seed=0 users path
  for users in $USERS; do
    for path in form api; do
      seed=$((seed + 1))
      log "$path, $users virtual users: ${WARMUP}s warm-up + ${SECONDS_MEASURED}s measured"
      bench_java ApiVsFormLoad --path "$path" --base-url "$CONSOLE_URL" --users "$users" --warmup "$WARMUP" \
        --seconds "$SECONDS_MEASURED" --seed "$seed" >"$WORK/$path-$users.txt" 2>"$WORK/$path-$users.txt.err" \
        || { cat "$WORK/$path-$users.txt.err" >&2; exit 1; }
      grep -v "^$" "$WORK/$path-$users.txt.err" | sed "s/^/  /" >&2 || true
      sleep 2
    done
  done
}
log "measuring (holding the Maven lock for all levels)"
locked measure_all
form_rows=$(psql_q "SELECT count(*) FROM request_history WHERE actor NOT LIKE '% (token %)'")
api_rows=$(psql_q "SELECT count(*) FROM request_history WHERE actor LIKE '% (token %)'")
not_succeeded=$(psql_q "SELECT count(*) FROM request_history WHERE status <> 'SUCCEEDED'")

echo
echo "Creates through the form and through the JSON API: BLOCK emergency policies of 1-3 distinct public IPv4"
echo "addresses (every 2nd ageing 7 days), each user in its own projects (new project every 250), CFW connection,"
echo "sandbox cloud; closed loop, no think time; per level the form first, then the API, same console and database."
echo "Warm-up ${WARMUP}s, measured ${SECONDS_MEASURED}s per path and level; API rate limit $API_RATE_LIMIT a"
echo "minute per token; sandbox deliveries $SANDBOX_DELIVERY_TIME, quotas $QUOTA; history rows at the end: $form_rows from the form,"
echo "$api_rows from the API ($not_succeeded not SUCCEEDED); $(nproc) cores shared by all."
echo
printf '| %4s | %5s | %9s | %11s | %11s | %6s |\n' path users creates/s p50 p99 errors
printf '|%s|%s|%s|%s|%s|%s|\n' ------ ------- ----------- ------------- ------------- --------
for users in $USERS; do
  for path in form api; do
    f="$WORK/$path-$users.txt"
    printf '| %4s | %5s | %9s | %8s ms | %8s ms | %6s |\n' "$path" "$users" "$(result_value "$f" rate)" \
      "$(result_value "$f" p50)" "$(result_value "$f" p99)" "$(result_value "$f" errors)"
  done
done
echo
printf '| %5s | %21s | %16s | %s |\n' users "API/form creates/s" "API/form p99" "targets (>= 2x, <= 1x)"
printf '|%s|%s|%s|%s|\n' ------- ----------------------- ------------------ ------------------------
for users in $USERS; do
  form="$WORK/form-$users.txt" api="$WORK/api-$users.txt"
  awk -v u="$users" -v fr="$(result_value "$form" rate)" -v ar="$(result_value "$api" rate)" \
      -v fp="$(result_value "$form" p99)" -v ap="$(result_value "$api" p99)" 'BEGIN {
    rate = fr > 0 ? ar / fr : 0; p99 = fp > 0 ? ap / fp : 0
    printf "| %5s | %20.2fx | %15.2fx | %s |\n", u, rate, p99,
      (rate >= 2 ? "throughput met" : "throughput missed") ", " (p99 > 0 && p99 <= 1 ? "p99 met" : "p99 missed") }'
done
echo
echo "form = POST /policies/submit, its 303 and the GET of the result page (counted when it shows SUCCEEDED); api = one"
echo "POST /api/v1/emergency-policies with Authorization: Bearer (counted when 201 with outcome SUCCEEDED recorded)."
echo "A create's time is all of its requests; errors are the measured creates that were not counted."
