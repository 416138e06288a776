#!/usr/bin/env bash
# The benchmark: production topology on this machine (standalone Artemis from Maven Central, local PostgreSQL,
# Payara Micro with the benchmark WAR), then Celerity against the floor. Settings: see docs/benchmarks.adoc.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
port=${BENCH_BROKER_PORT:-61616}
bash "$repo/server-config/postgresql/prepare-local.sh"
mvn -q -B -f "$repo/pom.xml" install -DskipTests -DskipITs
mvn -q -B -f "$repo/bench/pom.xml" package
instance="$repo/bench/target/artemis/instance"
rm -rf "$instance"
CELERITY_BROKER_PASSWORD=${CELERITY_BROKER_PASSWORD:-$(bash "$repo/server-config/broker-password.sh" "$repo/bench/target/broker-password")}
export CELERITY_BROKER_PASSWORD
bash "$repo/server-config/artemis/standalone.sh" start "$instance" "$port"
trap 'bash "$repo/server-config/artemis/standalone.sh" stop "$instance"' EXIT
commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
java -Xmx1g -Dbench.broker-port="$port" -Dbench.commit="$commit" ${BENCH_OPTS:-} \
    -cp "$repo/bench/driver/target/classes:$(cat "$repo/bench/driver/target/classpath.txt")" \
    io.celerity.bench.Bench "$repo"
