#!/usr/bin/env bash
# Starts or stops a standalone Artemis broker for Celerity, taken from Maven Central.
#   standalone.sh start <instance dir> [port]   creates the instance on first use, starts it, waits until it listens
#   standalone.sh stop <instance dir>
# It admits one user, CELERITY_BROKER_USER (default celerity), with CELERITY_BROKER_PASSWORD; when that is not set, a
# password generated on first start and kept in <instance dir>/celerity-password. Give the nodes the same one.
# CELERITY_BROKER_JOURNAL=ASYNCIO writes the journal with libaio instead of NIO (docs/production.adoc).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
version=${ARTEMIS_VERSION:-2.56.0}
command=${1:?start or stop}
instance=$(mkdir -p "${2:?instance directory}" && cd "$2" && pwd)
port=${3:-61616}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

case "$command" in
start)
    dist="$instance/../apache-artemis-$version"
    if [ ! -x "$dist/bin/artemis" ]; then
        mvn -q -B dependency:copy -Dartifact="org.apache.artemis:apache-artemis:$version:tar.gz:bin" \
            -DoutputDirectory="$instance/.." >/dev/null
        tar xzf "$instance/../apache-artemis-$version-bin.tar.gz" -C "$instance/.."
    fi
    user=${CELERITY_BROKER_USER:-celerity}
    password=${CELERITY_BROKER_PASSWORD:-$(bash "$here/../broker-password.sh" "$instance/celerity-password")}
    if [ ! -f "$instance/etc/broker.xml" ]; then
        # made with a throwaway admin (the role that may manage the broker); the application's user is written below
        "$dist/bin/artemis" create --silent --force --no-autotune --nio --no-web --require-login \
            --user celerity-setup --password "$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')" --role admin \
            --host 127.0.0.1 --name celerity "$instance" >/dev/null
        (umask 077 && : > "$instance/etc/artemis-users.properties")
        : > "$instance/etc/artemis-roles.properties"
    fi
    cp "$here/broker.xml" "$instance/etc/broker.xml"
    # the application's user and password are written at every start (owner-only file, never on a command line), so
    # that the password given now is the one that counts; other users (operators with the admin role) stay
    users="$instance/etc/artemis-users.properties"
    roles="$instance/etc/artemis-roles.properties"
    (umask 077 && { grep -v "^$user = " "$users" || true; printf '%s = %s\n' "$user" "$password"; } > "$users.new")
    mv "$users.new" "$users"
    { grep -v '^celerity = ' "$roles" || true; printf 'celerity = %s\n' "$user"; } > "$roles.new"
    mv "$roles.new" "$roles"
    if listening; then
        echo "port $port is already taken" >&2
        exit 1
    fi
    CELERITY_BROKER_PORT=$port nohup "$instance/bin/artemis" run >"$instance/log/console.log" 2>&1 &
    echo $! >"$instance/broker.pid"
    for _ in $(seq 1 120); do
        if listening; then
            echo "Artemis $version listening on 127.0.0.1:$port (instance $instance)"
            exit 0
        fi
        sleep 0.5
    done
    echo "Artemis did not start; see $instance/log/console.log" >&2
    exit 1
    ;;
stop)
    if [ -f "$instance/broker.pid" ]; then
        pid=$(cat "$instance/broker.pid")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$pid" 2>/dev/null || true
        rm -f "$instance/broker.pid"
    fi
    ;;
*)
    echo "usage: $0 start|stop <instance dir> [port]" >&2
    exit 2
    ;;
esac
