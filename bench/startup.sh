#!/usr/bin/env bash
# Benchmark 5, start-up to ready and RSS after warm-up, JVM mode (java -jar quarkus-run.jar): for each JVM option set,
# RUNS (5) starts of the console on a migrated database; per start the time from launching java to the first 200 of
# /q/health/ready, Quarkus' own "started in", and VmRSS (/proc/<pid>/status) after a warm-up of a few hundred requests
# (2 logged-in users submitting policies and opening their result pages for 3 s). Prints medians (min-max).
# Targets: ready <= 1.5 s, RSS <= 250 MB.
#   bench/startup.sh          RUNS=3 bench/startup.sh
# Option sets: default (no options); serial (-XX:+UseSerialGC -Xmx96m -Xss512k -XX:ReservedCodeCacheSize=48m);
# serial+appcds (the same with a dynamic AppCDS archive made by one training run, -XX:ArchiveClassesAtExit);
# serial+appcds+c1 (also -XX:TieredStopAtLevel=1, start-up only: C1 code is slower at steady state).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RUNS=${RUNS:-5}

bench_init startup
bench_build
pg_start
log "first start: migrates the database and creates the admin (not measured)"
console_start
console_stop

SERIAL="-XX:+UseSerialGC -Xmx96m -Xss512k -XX:ReservedCodeCacheSize=48m"
CDS="$WORK/app-cds.jsa"
log "AppCDS training run (-XX:ArchiveClassesAtExit, start + warm-up + stop)"
# shellcheck disable=SC2086
console_start $SERIAL -XX:ArchiveClassesAtExit="$CDS"
bench_java SubmitLoad --base-url "$CONSOLE_URL" --users 2 --warmup 0 --seconds 3 --seed 63 >/dev/null 2>&1
console_stop
[ -s "$CDS" ] || { echo "no AppCDS archive was written" >&2; exit 1; }
log "AppCDS archive: $(du -m "$CDS" | cut -f1) MB"

declare -A OPTIONS=(
  [default]=""
  [serial]="$SERIAL"
  [serial+appcds]="$SERIAL -XX:SharedArchiveFile=$CDS"
  [serial+appcds+c1]="$SERIAL -XX:SharedArchiveFile=$CDS -XX:TieredStopAtLevel=1"
)
ORDER=(default serial serial+appcds serial+appcds+c1)

measure_once() {
  local name=$1 run=$2 start ready started rss
  local opts=${OPTIONS[$name]}
  : >"$WORK/console.log"
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  POLICYCONSOLE_DB_URL=$DB_URL PORT=$CONSOLE_PORT POLICYCONSOLE_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    java $opts -jar "$APP_JAR" >>"$WORK/console.log" 2>&1 &
  CONSOLE_PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$CONSOLE_URL/q/health/ready")" = 200 ]; do
    kill -0 "$CONSOLE_PID" 2>/dev/null || { tail -30 "$WORK/console.log" >&2; exit 1; }
    sleep 0.01
  done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  started=$(grep -o 'started in [0-9.]*s' "$WORK/console.log" | grep -o '[0-9.]*' | head -1)
  bench_java SubmitLoad --base-url "$CONSOLE_URL" --users 2 --warmup 0 --seconds 3 --seed "$3" >"$WORK/warm.txt" 2>/dev/null
  sleep 1
  rss=$(rss_mb "$CONSOLE_PID")
  echo "$name $run $ready $started $rss $(result_value "$WORK/warm.txt" acknowledged_total)" >>"$WORK/startup.txt"
  console_stop
}

CONSOLE_PORT=$(free_port); CONSOLE_URL="http://127.0.0.1:$CONSOLE_PORT"
measure_all() {
  local seed=16 run name
  for run in $(seq 1 "$RUNS"); do
    for name in "${ORDER[@]}"; do
      seed=$((seed + 1))
      log "run $run: $name"
      measure_once "$name" "$run" "$seed"
    done
  done
}
log "measuring $RUNS runs of ${#ORDER[@]} option sets (holding the Maven lock)"
locked measure_all

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%g\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
range() { sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s-%s", lo, hi }'; }
echo
echo "Start-up to ready and RSS after warm-up, JVM mode, $RUNS runs each (median, min-max); $(nproc) cores; $(java -version 2>&1 | head -1)"
echo
printf '| %-18s | %-20s | %-18s | %-16s | %-9s | %s |\n' "JVM options" "to ready (ms)" "Quarkus started in" "RSS (MB)" "warm-up" "options"
printf '|%s|%s|%s|%s|%s|%s|\n' -------------------- ---------------------- -------------------- ------------------ ----------- ---------
for name in "${ORDER[@]}"; do
  col() { awk -v n="$name" -v c="$1" '$1 == n { print $c }' "$WORK/startup.txt"; }
  printf '| %-18s | %-20s | %-18s | %-16s | %-9s | %s |\n' "$name" \
    "$(col 3 | median) ($(col 3 | range))" "$(col 4 | median) s ($(col 4 | range))" \
    "$(col 5 | median) ($(col 5 | range))" "$(col 6 | median) subm." "${OPTIONS[$name]:-(none)}"
done
echo
echo "(to ready = from launching java to the first 200 of /q/health/ready; RSS = VmRSS 1 s after the warm-up of"
echo " 2 users x 3 s of submissions with their result pages; each start is a restart on the already migrated database)"
