#!/usr/bin/env bash
# The test command: installs or starts what the tests need, then runs every test with the Maven wrapper.
# Needs only a JDK 17+ and the OS package manager on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

ensure_jdk() {
  if ! command -v java >/dev/null || ! java -version 2>&1 | grep -qE 'version "(1[7-9]|[2-9][0-9])'; then
    echo "test.sh: installing a JDK 17 (apt)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jdk-headless
  fi
}

# The browser tests drive Debian's Chromium through its chromedriver.
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    echo "test.sh: installing Chromium and chromedriver (apt)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  fi
}

ensure_jdk
ensure_chromium

# A private PostgreSQL for the console's tests, fresh for every run and stopped afterwards.
PG_DIR=$(mktemp -d /tmp/policy-console-test-pg.XXXXXX)
PG_PORT=$(scripts/free-port.sh)
cleanup() { scripts/postgres.sh stop "$PG_DIR"; rm -rf "$PG_DIR"; }
trap cleanup EXIT
export POLICYCONSOLE_TEST_DB_URL=$(scripts/postgres.sh start "$PG_DIR" "$PG_PORT")
# The console's roles (README, "Database roles"): the tests migrate as policyconsole_owner and run as policyconsole_app,
# and DatabaseRolesTest checks what each may do. The cluster trusts local connections, so they have no password.
scripts/postgres.sh roles "$PG_DIR" "$PG_PORT"
# The database-outage test stops and restarts this cluster.
export POLICYCONSOLE_TEST_PG_DIR=$PG_DIR POLICYCONSOLE_TEST_PG_PORT=$PG_PORT
echo "test.sh: PostgreSQL for tests at $POLICYCONSOLE_TEST_DB_URL"

./mvnw -B -ntp verify "$@"
