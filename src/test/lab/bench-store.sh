#!/usr/bin/env bash
# Save latency of the callback store on SQLite and PostgreSQL in one run (not a test).
# Usage: bash src/test/lab/bench-store.sh [saves, default 500]
# Starts the throw-away PostgreSQL (postgres.sh) if it is not running; leaves it running.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
bash src/test/lab/postgres.sh start
export HOTLINE_PG_URL="${HOTLINE_PG_URL:-$(bash src/test/lab/postgres.sh url)}"
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null 2>&1
HOTLINE_LOG=WARN "$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  hotline.store.SaveLatencyBenchmark "${1:-500}" target/bench
