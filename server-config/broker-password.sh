#!/usr/bin/env bash
# Prints the broker password kept in the file given, generating a random one there (readable by its owner only) the
# first time. The launchers use it when CELERITY_BROKER_PASSWORD is not set; the broker and every node must share it.
#   broker-password.sh <file>
set -euo pipefail
file=${1:?password file}
if [ ! -s "$file" ]; then
    mkdir -p "$(dirname "$file")"
    (umask 077 && head -c 24 /dev/urandom | base64 | tr '+/' '-_' > "$file")
fi
cat "$file"
