#!/usr/bin/env bash
# Starts or stops a private PostgreSQL cluster in a folder of this project (no Docker needed).
#   scripts/postgres.sh start <data-dir> <port>              prints the JDBC URL on success
#   scripts/postgres.sh roles <data-dir> <port> [database]   the console's database roles (scripts/db-roles.sh)
#   scripts/postgres.sh stop  <data-dir>
# Installs the PostgreSQL server with apt if its binaries are missing. As root, runs it as user postgres.
set -euo pipefail

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

ensure_installed() {
  if ! find_bin >/dev/null; then
    echo "postgres.sh: installing PostgreSQL server (apt)" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  fi
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local dir=$1 port=$2 bin
  ensure_installed
  bin=$(find_bin)
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir"; chmod 700 "$dir"; fi
  if [ ! -f "$dir/PG_VERSION" ]; then
    as_owner "$bin/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
  fi
  echo "jdbc:postgresql://127.0.0.1:$port/postgres"
}

# As the superuser over the cluster's socket: creates or updates the owner, runtime and auditor roles and readies the
# database (default postgres) for them; role names and passwords from the environment, as scripts/db-roles.sh says.
roles() {
  local dir=$1 port=$2 database=${3:-postgres} bin
  bin=$(find_bin)
  PSQL="$bin/psql" "$(dirname "$0")/db-roles.sh" "$database" --host "$dir" --port "$port" --username postgres
}

stop() {
  local dir=$1 bin
  bin=$(find_bin) || return 0
  [ -f "$dir/PG_VERSION" ] || return 0
  as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
}

case "${1:-}" in
  start) start "$2" "$3" ;;
  roles) roles "$2" "$3" "${4:-postgres}" ;;
  stop) stop "$2" ;;
  *) echo "usage: $0 start <data-dir> <port> | roles <data-dir> <port> [database] | stop <data-dir>" >&2; exit 2 ;;
esac
