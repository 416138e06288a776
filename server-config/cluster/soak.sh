#!/usr/bin/env bash
# The soak: two Payara Micro nodes on a standalone Artemis broker and PostgreSQL (cluster.sh), 50 000 tasks enqueued
# at a steady rate (150/s) while a node is killed (-9) and restarted every 30 s, each in turn; the broker is killed and
# restarted once, and PostgreSQL is restarted once.
# Prints: soak submitted=… terminal=… stuck=… lost=… duplicated=… unmatched=… kills=… (details: target/soak.log).
# SOAK_TASKS and SOAK_RATE (tasks per second) change the load.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
bash server-config/postgresql/prepare-local.sh > /dev/null
status=0
mvn -B clean verify -DskipWildFlyITs -Dit.test=SoakIT -Dcelerity.soak=true -Dcelerity.soak.tasks="${SOAK_TASKS:-50000}" -Dcelerity.soak.rate="${SOAK_RATE:-150}" \
    -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false > target-soak.log 2>&1 || status=$?
mv target-soak.log target/soak.log 2>/dev/null || true
grep -h '^soak states' target/soak/soak-result.txt 2>/dev/null || true
if ! grep -h '^soak submitted' target/soak/soak-result.txt 2>/dev/null; then
    echo "soak did not finish (exit $status); see target/soak.log" >&2
    exit 1
fi
exit "$status"
