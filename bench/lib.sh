# Shared helpers of the console benchmarks (bench/console-load.sh, bench/audit-scale.sh, bench/startup.sh) and of
# reliability/crash.sh. Source it; it defines functions and variables only.
#
# Each script gets a private work folder, a private PostgreSQL and its own console on free ports, and removes them all
# on exit (trap). Builds and measurements hold the shared Maven lock, so that no build disturbs the numbers and no
# benchmark slows another person's build. Environment:
#   SKIP_BUILD=1   use the jars already built instead of building app-console and bench/console first
#   KEEP_WORK=1    keep the work folder (console log, PostgreSQL log, JFR files) after the script ends
#   APP_DIR=…      the packaged console to run (default app-console/target/quarkus-app), e.g. a copy; with SKIP_BUILD=1
#   BENCH_CLASSES=…  the load generator's classes (default bench/console/target/classes); with SKIP_BUILD=1

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_LOCK=/tmp/policy-console-maven.lock
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
CONSOLE_PID=""
WORK=""
PG_DIR=""
PG_PORT=""
DB_URL=""
CONSOLE_PORT=""
BENCH_PIDS=()

# Creates the work folder and installs the clean-up trap.  bench_init <name>
bench_init() {
  WORK=$(mktemp -d "/tmp/policy-console-$1.XXXXXX")
  chmod 755 "$WORK"
  ADMIN_PASSWORD="bench-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
  export BENCH_CONSOLE_PASSWORD=$ADMIN_PASSWORD
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
}

bench_cleanup() {
  local pid
  for pid in "${BENCH_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  console_stop
  [ -n "$PG_DIR" ] && "$BENCH_ROOT/scripts/postgres.sh" stop "$PG_DIR"
  if [ -n "$WORK" ]; then
    if [ "${KEEP_WORK:-0}" = 1 ]; then echo "work folder kept: $WORK" >&2; else rm -rf "$WORK"; fi
  fi
}

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# Runs a command, or a shell function of the script, while holding the shared Maven lock (in a subshell).
locked() { ( flock 9; "$@" ) 9>"$BENCH_LOCK"; }

free_port() { "$BENCH_ROOT/scripts/free-port.sh"; }

# Builds the console and the load generator (unless SKIP_BUILD=1), then copies the runnable console into the work
# folder, so that someone else's rebuild cannot change the jar under a running benchmark.
bench_build() {
  local app=${APP_DIR:-$BENCH_ROOT/app-console/target/quarkus-app}
  local classes=${BENCH_CLASSES:-$BENCH_ROOT/bench/console/target/classes}
  local lib=$BENCH_ROOT/bench/console/target/lib
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    log "building app-console and bench/console (holding the Maven lock)"
    (cd "$BENCH_ROOT" && locked ./mvnw -B -o -ntp -q -pl app-console,bench/console -am package -Dmaven.test.skip=true) >&2
  fi
  [ -f "$app/quarkus-run.jar" ] || { echo "console jar missing in $app" >&2; exit 1; }
  [ -d "$classes" ] || { echo "bench/console not built ($classes missing)" >&2; exit 1; }
  # given classes may come without the dependencies (PostgreSQL's driver), which only some programs need
  [ -d "$lib" ] || [ -n "${BENCH_CLASSES:-}" ] || { echo "bench/console not built ($lib missing)" >&2; exit 1; }
  locked sh -c 'cp -r "$1" "$4/app" && cp -r "$2" "$4/bench-classes" && mkdir -p "$4/bench-lib" \
    && { [ ! -d "$3" ] || cp -r "$3/." "$4/bench-lib/"; }' copy "$app" "$classes" "$lib" "$WORK"
  APP_JAR="$WORK/app/quarkus-run.jar"
  BENCH_CP="$WORK/bench-classes:$WORK/bench-lib/*"
}

# Starts the private PostgreSQL.  pg_start [setting=value ...]  (settings go to postgresql.auto.conf before start)
pg_start() {
  PG_DIR="$WORK/pg"
  PG_PORT=$(free_port)
  DB_URL=$("$BENCH_ROOT/scripts/postgres.sh" start "$PG_DIR" "$PG_PORT")
  if [ $# -gt 0 ]; then
    local setting
    for setting in "$@"; do psql_q "ALTER SYSTEM SET ${setting%%=*} = '${setting#*=}'" >/dev/null; done
    "$BENCH_ROOT/scripts/postgres.sh" stop "$PG_DIR"
    "$BENCH_ROOT/scripts/postgres.sh" start "$PG_DIR" "$PG_PORT" >/dev/null
  fi
  # The console's roles (README, "Database roles"): it migrates as policyconsole_owner and runs as policyconsole_app.
  # The cluster trusts local connections, so the owner's password only has to be set.
  "$BENCH_ROOT/scripts/postgres.sh" roles "$PG_DIR" "$PG_PORT"
  export POLICYCONSOLE_DB_OWNER_PASSWORD=${POLICYCONSOLE_DB_OWNER_PASSWORD:-not-checked-by-the-bench-cluster}
  log "PostgreSQL at $DB_URL"
}

# psql on the private cluster: unaligned, tuples only, stop at the first error.
psql_q() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -At -c "$1"; }
psql_f() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -At -f "$1"; }

# Starts the console in the background and waits until /q/health/ready answers 200.
#   console_start [JVM option ...]      sets CONSOLE_PID, CONSOLE_PORT, CONSOLE_URL; output in $WORK/console.log
console_start() {
  [ -n "$CONSOLE_PORT" ] || CONSOLE_PORT=$(free_port)
  CONSOLE_URL="http://127.0.0.1:$CONSOLE_PORT"
  POLICYCONSOLE_DB_URL=$DB_URL PORT=$CONSOLE_PORT POLICYCONSOLE_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    java "$@" -jar "$APP_JAR" >>"$WORK/console.log" 2>&1 &
  CONSOLE_PID=$!
  console_wait_ready 90 || { tail -40 "$WORK/console.log" >&2; echo "console did not become ready" >&2; exit 1; }
}

# Waits up to <seconds> for /q/health/ready to answer 200.
console_wait_ready() {
  local deadline=$((SECONDS + $1))
  while [ $SECONDS -lt $deadline ]; do
    kill -0 "$CONSOLE_PID" 2>/dev/null || return 1
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$CONSOLE_URL/q/health/ready")" = 200 ] && return 0
    sleep 0.05
  done
  return 1
}

console_stop() {
  if [ -n "$CONSOLE_PID" ] && kill -0 "$CONSOLE_PID" 2>/dev/null; then
    kill "$CONSOLE_PID" 2>/dev/null || true
    local i
    for i in $(seq 1 100); do kill -0 "$CONSOLE_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$CONSOLE_PID" 2>/dev/null || true
    wait "$CONSOLE_PID" 2>/dev/null || true
  fi
  CONSOLE_PID=""
}

# Resident set size of a process in MB (VmRSS of /proc/<pid>/status).
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# Runs one of the bench/console programs.  bench_java <main class simple name> [args ...]
bench_java() {
  local main=$1; shift
  java -cp "$BENCH_CP" "com.policyconsole.bench.console.$main" "$@"
}

# Reads key=value from the last "RESULT ..." line of a file.  result_value <file> <key>
result_value() { grep '^RESULT ' "$1" | tail -1 | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'; }

# CPU time (clock ticks, user + system) of the given processes and, for a PostgreSQL postmaster, its backends.
cpu_ticks() {
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
  done
  echo "$total"
}
pg_pids() { local pm; pm=$(head -1 "$PG_DIR/postmaster.pid"); echo "$pm $(pgrep -P "$pm" | tr '\n' ' ')"; }

# The hottest methods of a JFR recording: top frames of jdk.ExecutionSample, and the first frame of the project's
# own code in each sample.  jfr_top <file.jfr> <lines>
jfr_top() {
  jfr print --stack-depth 64 --events jdk.ExecutionSample "$1" | awk -v n="$2" '
    /stackTrace = \[/ { in_stack = 1; top = ""; app = ""; samples++; next }
    in_stack && /^[[:space:]]*\]/ { in_stack = 0; tops[top]++; if (app != "") apps[app]++; next }
    in_stack { line = $0; sub(/^[[:space:]]+/, "", line); sub(/[[:space:]]+line:.*/, "", line);
               if (top == "") top = line; if (app == "" && line ~ /^com\.policyconsole\./) app = line }
    END {
      printf "  %d execution samples; top frames:\n", samples
      for (k in tops) printf "%8d  %5.1f%%  %s\n", tops[k], 100 * tops[k] / samples, k | "sort -rn | head -" n
      close("sort -rn | head -" n)
      printf "  first frame of the project code in each sample:\n"
      for (k in apps) printf "%8d  %5.1f%%  %s\n", apps[k], 100 * apps[k] / samples, k | "sort -rn | head -" n
      close("sort -rn | head -" n)
    }'
}

# Generates history entries in the private cluster, chunk after chunk (bench/console/sql/audit-history.sql through the
# triggers, each chunk sealed), then ANALYZEs.  generate_history <rows> <chunk>
generate_history() {
  local rows=$1 chunk=$2 from count t0 gen_start=$SECONDS
  t0=$(date -d '365 days ago' +%s)
  for ((from = 0; from < rows; from += chunk)); do
    count=$(( rows - from < chunk ? rows - from : chunk ))
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
      -v from="$from" -v count="$count" -v rows="$rows" -v t0="$t0" \
      -f "$BENCH_ROOT/bench/console/sql/audit-history.sql" -c "SELECT audit_seal(1000000000, true)" >/dev/null
    if (( (from / chunk) % 20 == 19 )); then log "  $((from + count)) entries ($((SECONDS - gen_start)) s)"; fi
  done
  for table in request_history request_target audit_event; do psql_q "VACUUM ANALYZE $table" >/dev/null; done
  GENERATED_SECONDS=$((SECONDS - gen_start))
}
