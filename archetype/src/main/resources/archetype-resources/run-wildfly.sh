#!/usr/bin/env bash
# Builds the application and runs it on WildFly (full profile) with the server's own Artemis broker and its default
# data source (H2 in memory), prepared by Celerity's zero-setup script. WildFly is unpacked from Maven Central into
# target/ on first use. Every start begins with an empty task table and an empty broker.
#   PORT         the HTTP port (default 8080)
#   PORT_OFFSET  added to every port of the server, PORT included (management: 9990 + PORT_OFFSET; default 0),
#                for a second server on the same host
set -euo pipefail
war=${artifactId}.war
#[[
cd "$(dirname "$0")"
port=${PORT:-8080}
offset=${PORT_OFFSET:-0}
url="http://localhost:$((port + offset))/"
mvn -q -B package
version=$(sed -n 's:.*<wildfly.version>\(.*\)</wildfly.version>.*:\1:p' pom.xml)
home="$PWD/target/wildfly-$version"
if [ ! -f "$home/standalone/configuration/standalone-full.pristine.xml" ]; then
    mvn -q -B dependency:unpack -Dartifact="org.wildfly:wildfly-dist:$version:tar.gz" -DoutputDirectory="$PWD/target"
    cp "$home/standalone/configuration/standalone-full.xml" "$home/standalone/configuration/standalone-full.pristine.xml"
fi
# the self-signed certificate WildFly's HTTPS listener would generate on first use (it warns at every start until then)
if [ ! -f "$home/standalone/configuration/application.keystore" ]; then
    "${JAVA_HOME:+$JAVA_HOME/bin/}keytool" -genkeypair -alias localhost -keyalg RSA -keysize 2048 -validity 3650 \
        -dname CN=localhost -storetype JKS -storepass password -keypass password \
        -keystore "$home/standalone/configuration/application.keystore" > /dev/null 2>&1
fi
cp "$home/standalone/configuration/standalone-full.pristine.xml" "$home/standalone/configuration/standalone-full.xml"
rm -rf "$home/standalone/data" "$home/standalone/tmp" "$home/standalone/deployments/"*.war*
{
    echo 'embed-server --server-config=standalone-full.xml'
    cat target/celerity-wildfly-zero-setup.cli
    # the application is served at the root context, where WildFly shows its welcome page
    echo '/subsystem=undertow/server=default-server/host=default-host/location=\/:remove'
    echo 'stop-embedded-server'
} > target/wildfly-setup.cli
JBOSS_HOME="$home" "$home/bin/jboss-cli.sh" --file=target/wildfly-setup.cli > target/wildfly-setup.log
cp "target/$war" "$home/standalone/deployments/ROOT.war"
server=$$
(
    until curl -sf -u alice:alice -o /dev/null "$url"; do
        kill -0 "$server" 2>/dev/null || exit 0
        sleep 1
    done
    printf '\n\n    Your Celerity application is up on WildFly: %s\n\n' "$url"
) &
exec env JBOSS_HOME="$home" "$home/bin/standalone.sh" -c standalone-full.xml -b 127.0.0.1 \
    -Djboss.http.port="$port" -Djboss.socket.binding.port-offset="$offset"
]]#
