#!/usr/bin/env bash
# The run command: builds the console and starts it in sandbox mode (no cloud account needed).
# Without POLICYCONSOLE_DB_URL it starts a private PostgreSQL whose data stays in .data/pg across restarts.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v java >/dev/null || ! java -version 2>&1 | grep -qE 'version "(1[7-9]|[2-9][0-9])'; then
  echo "run.sh: installing a JDK 17 (apt)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jdk-headless
fi

echo "run.sh: building (first time: a few minutes)"
./mvnw -B -ntp -q package -DskipTests

if [ -z "${POLICYCONSOLE_DB_URL:-}" ]; then
  PG_DIR="$PWD/.data/pg"
  PG_PORT=${POLICYCONSOLE_PG_PORT:-54329}
  export POLICYCONSOLE_DB_URL=$(scripts/postgres.sh start "$PG_DIR" "$PG_PORT")
  trap 'scripts/postgres.sh stop "$PG_DIR"' EXIT
  # The console runs as policyconsole_app and migrates as policyconsole_owner (README, "Database roles"), with new
  # passwords at every start unless you set them; policyconsole_auditor gets POLICYCONSOLE_DB_AUDITOR_PASSWORD if set.
  new_password() { od -An -tx1 -N24 /dev/urandom | tr -d ' \n'; }
  export POLICYCONSOLE_DB_OWNER_PASSWORD=${POLICYCONSOLE_DB_OWNER_PASSWORD:-$(new_password)}
  export POLICYCONSOLE_DB_PASSWORD=${POLICYCONSOLE_DB_PASSWORD:-$(new_password)}
  scripts/postgres.sh roles "$PG_DIR" "$PG_PORT"
  echo "run.sh: private PostgreSQL at $POLICYCONSOLE_DB_URL (data in .data/pg), console as ${POLICYCONSOLE_DB_USER:-policyconsole_app}"
fi

PORT=${PORT:-8080}
cat <<MSG
run.sh: Policy Console starts on http://127.0.0.1:$PORT
        Log in as 'admin': the password is POLICYCONSOLE_ADMIN_PASSWORD if you set it, otherwise it is generated
        and printed once below on the first start. Mode: ${POLICYCONSOLE_CONSOLE_SANDBOX:-sandbox (true)}.
MSG
java -jar app-console/target/quarkus-app/quarkus-run.jar
