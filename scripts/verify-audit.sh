#!/usr/bin/env bash
# Verifies the console's tamper-evident audit trail without starting the console.
#   scripts/verify-audit.sh [jdbc:postgresql://host:port/database] [--anchor "#position:hash"]
# Without an argument it reads POLICYCONSOLE_DB_URL (and POLICYCONSOLE_DB_USER / POLICYCONSOLE_DB_PASSWORD), like the
# console. --anchor checks that the record noted outside the console (its position and hash, shown by a run or
# on /audit/integrity) is still in the chain: only that exposes a chain rewritten from scratch.
# Exit status: 0 intact, 1 tampered (the first changed, removed or reordered record is named), 2 not checked.
set -euo pipefail
cd "$(dirname "$0")/.."
APP=app-console/target/quarkus-app
if [ ! -f "$APP/quarkus-run.jar" ]; then
  echo "verify-audit.sh: building the console first" >&2
  ./mvnw -B -ntp -q -pl app-console -am package -DskipTests >&2
fi
exec java -cp "$APP/app/*:$APP/lib/main/*" com.policyconsole.console.adapter.out.persistence.audit.AuditVerifyCommand "$@"
