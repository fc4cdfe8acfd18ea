#!/usr/bin/env bash
# Inkan demo: the whole chain on three real Apache James 3.8.1 servers, in one JVM, offline.
#
#   outbound  runs conf-examples/signing-relay:    DKIM-signs alice@example.com's mail, relays it over SMTP to inbound
#   lists     runs conf-examples/arc-forwarding:   a mailing list that tags the Subject and ARC-seals, relays to inbound
#   inbound   runs conf-examples/smtp-enforcement: SPF, DKIM, ARC and DMARC in the SMTP session, 550 for p=reject spoofs
#
# Four results are printed: 1. the signature outbound made, 2. inbound's spf/dkim/arc/dmarc=pass for it, 3. a spoofed
# From of example.com (p=reject) refused with 550 at the end of DATA, 4. a list post whose DKIM signature broke but whose
# ARC chain (sealed by the trusted list) lets it in. Keys are generated at start and published in a zone file that the
# servers read, so no DNS or internet is needed (Maven may download its own plugins and James on the first build).
#
# Usage: ./demo.sh          run the four steps, print the header of step 1's message, then stay up for your own mail
#        ./demo.sh --once   run the four steps and exit (0 when every result is the expected one)
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
