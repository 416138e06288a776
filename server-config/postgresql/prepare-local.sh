#!/usr/bin/env bash
# Makes the local PostgreSQL (127.0.0.1:5432, trust auth, database "test") ready for Celerity's tests:
# running, and with prepared transactions enabled, which XA (one transaction over database and broker) needs.
set -euo pipefail
cluster_version=$(ls /etc/postgresql | sort -V | tail -n 1)
ready() { pg_isready -h 127.0.0.1 -p 5432 -q; }
wait_ready() {
    for _ in $(seq 1 60); do ready && return 0; sleep 0.5; done
    echo "PostgreSQL did not start" >&2; return 1
}
if ! ready; then
    pg_ctlcluster --skip-systemctl-redirect "$cluster_version" main start
    wait_ready
fi
prepared=$(psql -h 127.0.0.1 -U postgres -d test -Atc 'show max_prepared_transactions')
if [ "$prepared" -lt 32 ]; then
    psql -h 127.0.0.1 -U postgres -d test -qc 'alter system set max_prepared_transactions = 64'
    pg_ctlcluster --skip-systemctl-redirect "$cluster_version" main restart
    wait_ready
fi
echo "PostgreSQL ready: max_prepared_transactions=$(psql -h 127.0.0.1 -U postgres -d test -Atc 'show max_prepared_transactions')"
