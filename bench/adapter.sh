#!/usr/bin/env bash
# Benchmark 2: "Adding a Rule" signed with AK/SK, our Config adapter (RmsConfigRuleGateway, production wiring) against
# the official SDK's ConfigClient (huaweicloud-sdk-config 3.1.143), both calling one loopback stub in the same JVM.
# Prints per-round lines, then a table (requests/s, p50/p90/p99/p99.9 ms, errors), what the stub saw, and the targets
# (adapter >= 2x the SDK's requests/s, p99 no worse).
#
# Usage: bench/adapter.sh [--duration=10] [--warmup=15] [--concurrency=16] [--rounds=3] [--verify-every=16]
#                         [--clients=adapter,sdk,sdk-pool16]
#   sdk        = the SDK with its default HttpConfig (OkHttp's default pool: 5 idle connections kept)
#   sdk-pool16 = the SDK with a 16-connection pool, so that 16 callers never reconnect
# Environment:
#   SKIP_BUILD=1   use the jar already built (bench/adapter/target/quarkus-app)
#   JAVA_OPTS      extra JVM options, e.g. "-XX:StartFlightRecording=filename=/tmp/adapter.jfr,settings=profile"
#   KEEP_WORK=1    keep the work folder (the adapter's call log)
# Builds and the measurement hold the shared Maven lock, so that no build disturbs the numbers.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOCK=/tmp/policy-console-maven.lock
WORK=$(mktemp -d /tmp/policy-console-bench-adapter.XXXXXX)
cleanup() {
  if [ "${KEEP_WORK:-0}" = 1 ]; then echo "work folder kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "building bench/adapter (holding the Maven lock)" >&2
  (cd "$ROOT" && flock "$LOCK" ./mvnw -B -o -ntp -q -pl bench/adapter -am package -DskipTests) >&2
fi
[ -f "$ROOT/bench/adapter/target/quarkus-app/quarkus-run.jar" ] || { echo "bench/adapter is not built" >&2; exit 1; }
# A private copy, so that someone else's rebuild cannot change the jar under the running benchmark.
flock "$LOCK" cp -r "$ROOT/bench/adapter/target/quarkus-app" "$WORK/app"

echo "java: $(java -version 2>&1 | head -1), $(nproc) CPUs" >&2
# Busy share of all CPUs over one second, in percent (from /proc/stat).
cpu_busy() {
  local a b
  a=($(head -1 /proc/stat)); sleep 1; b=($(head -1 /proc/stat))
  local idle=$(( (b[4] + b[5]) - (a[4] + a[5]) )) total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
  echo $(( total > 0 ? 100 * (total - idle) / total : 0 ))
}
# Measures while holding the lock; first waits (up to QUIET_WAIT seconds, default 120) for the machine to be quiet,
# since processes outside the lock (someone's running console, a browser test) would share the 2 CPUs.
export -f cpu_busy
# shellcheck disable=SC2016
flock "$LOCK" bash -c '
  deadline=$((SECONDS + ${QUIET_WAIT:-120}))
  while busy=$(cpu_busy) && [ "$busy" -gt 10 ] && [ $SECONDS -lt $deadline ]; do
    echo "waiting for a quiet machine (CPUs ${busy}% busy)" >&2; sleep 4
  done
  exec "$@"' bench-adapter java -XX:+UseG1GC -Xms512m -Xmx512m ${JAVA_OPTS:-} \
  -Dquarkus.log.file.path="$WORK/calls.log" \
  -jar "$WORK/app/quarkus-run.jar" "$@"
