#!/usr/bin/env bash
# Prints the broker password kept in the file given, generating a random one there (readable by its owner only) the
# first time. The launchers use it when CELERITY_BROKER_PASSWORD is not set; the broker and every node must share it.
#   broker-password.sh <file>
set -euo pipefail
file=${1:?password file}
if [ ! -s "$file" ]; then
    mkdir -p "$(dirname "$file")"
    # 128 random bits as hex: letters and digits only, safe in any command line and properties file
    (umask 077 && od -An -tx1 -N16 /dev/urandom | tr -d ' \n' > "$file")
fi
cat "$file"
