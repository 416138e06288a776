#!/usr/bin/env bash
# Builds Celerity and the demo, then starts the demo on Payara Micro with the embedded Artemis broker and the
# server's embedded H2 database. Every start begins with an empty task table and an empty broker (the server's
# configuration and database live in target/payara-root, its broker in target/demo-data).
set -euo pipefail
demo=$(cd "$(dirname "$0")" && pwd)
port=${PORT:-8080}
mvn -q -B -f "$demo/../pom.xml" install -DskipTests -DskipITs
mvn -q -B -f "$demo/pom.xml" package
cd "$demo"
rm -rf target/demo-data target/payara-root
# the embedded broker admits only the user whose password the resource adapter has: one generated for this folder
CELERITY_BROKER_PASSWORD=${CELERITY_BROKER_PASSWORD:-$(bash ../server-config/broker-password.sh target/broker-password)}
export CELERITY_BROKER_PASSWORD
(
    until curl -sf -u alice:alice -o /dev/null "http://localhost:$port/"; do sleep 1; done
    printf '\n\n    Celerity demo is up: http://localhost:%s/\n\n' "$port"
) &
exec java -Dcelerity.broker.embedded.data-dir="$demo/target/demo-data/broker" \
    -jar target/payara-micro.jar \
    --nohazelcast --rootdir target/payara-root --port "$port" --contextroot / \
    --prebootcommandfile ../server-config/payara/pre-boot-commands.asadmin \
    --postbootcommandfile ../server-config/payara/post-boot-commands.asadmin \
    --deploy target/celerity-demo.war
