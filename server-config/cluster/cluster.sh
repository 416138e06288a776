#!/usr/bin/env bash
# Several Payara Micro nodes sharing one standalone Artemis broker and one PostgreSQL, on this machine (loopback only).
#
#   cluster.sh start <dir> <nodes> <war>   start the broker (if it is not running) and nodes 1..<nodes>
#   cluster.sh start-node <dir> <i>        (re)start node i with the WAR given to start
#   cluster.sh stop-node <dir> <i>         stop node i gracefully (SIGTERM), waiting for it to end
#   cluster.sh signal-node <dir> <i> <SIG> send a signal to node i: KILL, STOP, CONT
#   cluster.sh start-broker <dir> | kill-broker <dir>
#   cluster.sh stop <dir>                  stop every node and the broker
#
# Node i listens on HTTP port CLUSTER_HTTP_PORT+i (default 8180+i) and is named node-i (celerity.node). The broker
# listens on CLUSTER_BROKER_PORT (default 61618). JAVA_OPTS go to every node (e.g. -Dcelerity.worker.lease=10s).
# Payara's --shutdowngrace (CLUSTER_SHUTDOWN_GRACE_MS, default 40000) must exceed celerity.worker.shutdown-grace (30 s)
# so that a stopping node can still record what it hands back.
# Run from the repository root after `mvn package` (target/payara-micro.jar, target/artemis-ra.rar). The WAR brings its
# PostgreSQL data source (web.xml <data-source>, or create one in a post-boot file). Logs: <dir>/node-i.log.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
command=${1:?command}
dir=${2:?directory}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
broker_port=${CLUSTER_BROKER_PORT:-61618}
# the broker and every node share one password: CELERITY_BROKER_PASSWORD, or one generated for this directory
CELERITY_BROKER_PASSWORD=${CELERITY_BROKER_PASSWORD:-$(bash "$repo/server-config/broker-password.sh" "$dir/broker-password")}
export CELERITY_BROKER_PASSWORD
http_port=${CLUSTER_HTTP_PORT:-8180}

boot_file() {
    cat "$repo/server-config/payara/standalone-broker.asadmin" "$repo/server-config/payara/post-boot-commands.asadmin" \
        > "$dir/post-boot.asadmin"
    if [ -n "${CLUSTER_EXTRA_POSTBOOT:-}" ]; then cat "$CLUSTER_EXTRA_POSTBOOT" >> "$dir/post-boot.asadmin"; fi
}

start_broker() {
    bash "$repo/server-config/artemis/standalone.sh" start "$dir/broker" "$broker_port"
}

start_node() {
    local i=$1 war
    war=$(cat "$dir/war")
    if [ -f "$dir/node-$i.pid" ]; then
        # a node that just died (killed, or halted by a test) may take a moment to be gone
        for _ in $(seq 1 150); do kill -0 "$(cat "$dir/node-$i.pid")" 2>/dev/null || break; sleep 0.2; done
        if kill -0 "$(cat "$dir/node-$i.pid")" 2>/dev/null; then
            echo "node-$i is running" >&2; return 1
        fi
    fi
    cd "$repo"
    CELERITY_BROKER_HOST=127.0.0.1 CELERITY_BROKER_PORT=$broker_port \
        nohup java ${JAVA_OPTS:-} -Dcelerity.node="node-$i" -jar target/payara-micro.jar --nocluster \
        --port $((http_port + i)) --shutdowngrace "${CLUSTER_SHUTDOWN_GRACE_MS:-40000}" --rootdir "$dir/node-$i-root" --postbootcommandfile "$dir/post-boot.asadmin" \
        --deploy "$war" > "$dir/node-$i.log" 2>&1 &
    echo $! > "$dir/node-$i.pid"
}

await_node() {
    local i=$1
    for _ in $(seq 1 240); do
        if grep -q 'Payara Micro .* ready in' "$dir/node-$i.log" 2>/dev/null; then return 0; fi
        if ! kill -0 "$(cat "$dir/node-$i.pid")" 2>/dev/null; then
            echo "node-$i died while starting; see $dir/node-$i.log" >&2; return 1
        fi
        sleep 0.5
    done
    echo "node-$i did not start within 120 s; see $dir/node-$i.log" >&2; return 1
}

stop_node() {
    local pid
    pid=$(cat "$dir/node-$1.pid" 2>/dev/null) || return 0
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 $(( ${CLUSTER_SHUTDOWN_GRACE_MS:-40000} / 500 + 60 ))); do
        kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5
    done
    kill -KILL "$pid" 2>/dev/null || true
}

case "$command" in
    start)
        nodes=${3:?nodes}
        (cd "$(dirname "${4:?war}")" && pwd) > /dev/null
        echo "$(cd "$(dirname "$4")" && pwd)/$(basename "$4")" > "$dir/war"
        boot_file
        start_broker
        for i in $(seq 1 "$nodes"); do start_node "$i"; done
        for i in $(seq 1 "$nodes"); do await_node "$i"; done
        echo "cluster up: $nodes node(s) on http://127.0.0.1:$((http_port + 1))..$((http_port + nodes)), broker on $broker_port"
        ;;
    start-node) start_node "${3:?node}"; await_node "$3" ;;
    stop-node) stop_node "${3:?node}" ;;
    signal-node)
        pid=$(cat "$dir/node-${3:?node}.pid")
        kill -"${4:?signal}" "$pid"
        if [ "$4" = KILL ]; then
            while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done # gone, so that start-node may follow at once
        fi ;;
    start-broker) start_broker ;;
    kill-broker) kill -KILL "$(cat "$dir/broker/broker.pid")" ;;
    stop)
        for pidfile in "$dir"/node-*.pid; do
            [ -f "$pidfile" ] || continue
            i=${pidfile##*/node-}; stop_node "${i%.pid}"
        done
        bash "$repo/server-config/artemis/standalone.sh" stop "$dir/broker" || true
        ;;
    *) echo "unknown command $command" >&2; exit 2 ;;
esac
