#!/usr/bin/env bash
# Builds the application and runs it on Payara Micro with Celerity's embedded Artemis broker and the server's
# embedded H2 database. Every start begins with an empty database and an empty broker (the server's configuration
# and database live in target/payara-root, the broker's journal in target/data).
#   PORT         the HTTP port (default 8080)
#   HOST         the address the HTTP port listens on (default 127.0.0.1: this machine only; the demo users'
#                passwords are their names, so open it to others only once Users.java holds real accounts)
#   BROKER_PORT  the embedded broker's port, on 127.0.0.1 (default 61616)
#   CELERITY_BROKER_PASSWORD  the broker's password (default: one generated for this folder, in target/)
set -euo pipefail
war=${artifactId}.war
#[[
cd "$(dirname "$0")"
port=${PORT:-8080}
host=${HOST:-127.0.0.1}
broker_port=${BROKER_PORT:-61616}
mvn -q -B package
rm -rf target/data target/payara-root
# the embedded broker admits only the user whose password the resource adapter has: one generated for this folder
if [ -z "${CELERITY_BROKER_PASSWORD:-}" ]; then
    if [ ! -s target/broker-password ]; then
        # 128 random bits as hex: letters and digits only, safe in any command line and properties file
        (umask 077 && od -An -tx1 -N16 /dev/urandom | tr -d ' \n' > target/broker-password)
    fi
    CELERITY_BROKER_PASSWORD=$(cat target/broker-password)
fi
export CELERITY_BROKER_PASSWORD
# the post-boot file deploys the resource adapter from target/artemis-ra.rar, under this folder
# the embedded broker listens on this port, and the resource adapter connects to it
export CELERITY_BROKER_EMBEDDED_PORT=$broker_port
# Celerity's pre-boot commands, then the address of the HTTP listener
{
    cat target/celerity-pre-boot.asadmin
    echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=$host"
} > target/pre-boot.asadmin
server=$$
(
    until curl -sf -u alice:alice -o /dev/null "http://localhost:$port/"; do
        kill -0 "$server" 2>/dev/null || exit 0
        sleep 1
    done
    printf '\n\n    Your Celerity application is up: http://localhost:%s/\n\n' "$port"
) &
exec java -Dcelerity.broker.embedded.data-dir="$PWD/target/data/broker" \
    -jar target/payara-micro.jar \
    --nohazelcast --rootdir target/payara-root --port "$port" --contextroot / \
    --prebootcommandfile target/pre-boot.asadmin \
    --postbootcommandfile target/celerity-post-boot.asadmin \
    --deploy "target/$war"
]]#
