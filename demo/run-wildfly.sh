#!/usr/bin/env bash
# Builds Celerity and the demo, then starts the same demo WAR on WildFly 39 (full profile) with the server's own
# Artemis broker and its default data source (H2 in memory), prepared by server-config/wildfly/zero-setup.cli.
# Every start begins with an empty task table and an empty broker.
set -euo pipefail
demo=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$demo/.." && pwd)
port=${PORT:-8080}
version=39.0.1.Final
home="$demo/target/wildfly-$version"
mvn -q -B -f "$root/pom.xml" install -DskipTests -DskipITs
mvn -q -B -f "$demo/pom.xml" package
if [ ! -f "$home/standalone/configuration/standalone-full.pristine.xml" ]; then
    mvn -q -B -f "$demo/pom.xml" dependency:unpack -Dartifact="org.wildfly:wildfly-dist:$version:tar.gz" \
        -DoutputDirectory="$demo/target"
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
    cat "$root/server-config/wildfly/zero-setup.cli"
    # the demo is served at the root context, where WildFly shows its welcome page
    echo '/subsystem=undertow/server=default-server/host=default-host/location=\/:remove'
    echo 'stop-embedded-server'
} > "$demo/target/wildfly-setup.cli"
JBOSS_HOME="$home" "$home/bin/jboss-cli.sh" --file="$demo/target/wildfly-setup.cli" > "$demo/target/wildfly-setup.log"
cp "$demo/target/celerity-demo.war" "$home/standalone/deployments/ROOT.war"
(
    until curl -sf -u alice:alice -o /dev/null "http://localhost:$port/"; do sleep 1; done
    printf '\n\n    Celerity demo is up on WildFly: http://localhost:%s/\n\n' "$port"
) &
exec env JBOSS_HOME="$home" "$home/bin/standalone.sh" -c standalone-full.xml -b 127.0.0.1 -Djboss.http.port="$port"
