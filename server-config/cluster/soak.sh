#!/usr/bin/env bash
# The soak: two Payara Micro nodes on a standalone Artemis broker and PostgreSQL (cluster.sh), 10 000 tasks enqueued at
# a steady rate (100/s) while node 2 is killed (-9) and restarted, then the broker is killed (-9) and restarted.
# Prints one line: soak submitted=… terminal=… duplicated=… stuck=… recover_s=… (details: target/soak.log).
# SOAK_TASKS changes the number of tasks.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
bash server-config/postgresql/prepare-local.sh > /dev/null
status=0
mvn -B clean verify -Dit.test=SoakIT -Dcelerity.soak=true -Dcelerity.soak.tasks="${SOAK_TASKS:-10000}" \
    -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false > target-soak.log 2>&1 || status=$?
mv target-soak.log target/soak.log 2>/dev/null || true
grep -h '^soak states' target/soak/soak-result.txt 2>/dev/null || true
if ! grep -h '^soak submitted' target/soak/soak-result.txt 2>/dev/null; then
    echo "soak did not finish (exit $status); see target/soak.log" >&2
    exit 1
fi
exit "$status"
