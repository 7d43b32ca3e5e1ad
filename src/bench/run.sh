#!/usr/bin/env bash
# The benchmark harness (docs/performance.md). From the project folder:
#   bash src/bench/run.sh            # everything: throughput vs bare Asterisk-Java, audio, capacity ramp
#   bash src/bench/run.sh throughput|audio|ramp|guard
#   bash src/bench/run.sh hold       # live calls held (energy detector, real time); steps: BENCH_JVM="-Dbench.hold=1000,10000"
#   bash src/bench/run.sh nodes      # one node vs two on this machine; smaller: BENCH_JVM="-Dbench.channels=100 -Dbench.seconds=5"
# Builds the server and the harness (Maven profile "bench", offline), then runs hotline.bench.Bench.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -B -q -Pbench package -DskipTests >&2  # online: a fresh machine fetches the build's artifacts once
exec "$JAVA_HOME/bin/java" ${BENCH_JVM:--Xmx1g} -cp "target/bench-classes:target/classes:target/lib/*" \
  hotline.bench.Bench "$@"
