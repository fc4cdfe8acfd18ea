#!/usr/bin/env bash
# Inkan demo: DKIM signing and verification on two real Apache James 3.8.1 servers, in one JVM, offline.
#
#   outbound  runs conf-examples/signing-relay:     signs alice@example.com's mail, relays it over SMTP to
#   inbound   runs conf-examples/verifying-inbound: verifies it, adds Authentication-Results, delivers to bob
#
# The DKIM key is generated at start and published in a zone file that inbound's DkimVerify reads, so no
# DNS or internet is needed (Maven may download its own plugins and James on the first build).
#
# Usage: ./demo.sh          send a sample message, print its header, then stay up for your own mail (Ctrl-C)
#        ./demo.sh --once   send the sample message, print its header and exit (0 when it got dkim=pass)
# Needs Java 17 and Maven.
set -euo pipefail
cd "$(dirname "$0")"
root="$(pwd)"

for tool in java mvn; do
    command -v "$tool" >/dev/null || { echo "demo.sh: '$tool' is not on the PATH (Java 17 and Maven are needed)" >&2; exit 1; }
done

echo "Building Inkan's engine, mailets and matchers and the demo (tests skipped) ..."
build_log="$(mktemp)"
trap 'rm -f "$build_log"' EXIT
if ! mvn -B -q -DskipTests package \
        org.apache.maven.plugins:maven-dependency-plugin:3.6.1:build-classpath \
        -pl integration-tests -am \
        -Dmdep.includeScope=test -Dmdep.outputFile=target/demo.classpath >"$build_log" 2>&1; then
    cat "$build_log" >&2
    echo "demo.sh: the build failed (output above)" >&2
    exit 1
fi

classpath="$root/integration-tests/target/test-classes:$(cat "$root/integration-tests/target/demo.classpath")"
rm -f "$build_log"
trap - EXIT
exec java -Dinkan.conf.examples="$root/conf-examples" -cp "$classpath" dev.inkan.it.demo.Demo "$@"
