#!/usr/bin/env bash
# The run command: builds the project and starts the console.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q package -DskipTests
PORT=${PORT:-8080}
echo "Policy Console: starting on http://127.0.0.1:$PORT (health: /q/health)"
exec java -jar app-console/target/quarkus-app/quarkus-run.jar
