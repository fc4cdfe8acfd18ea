#!/usr/bin/env bash
# The one test command: installs what the suite needs when it is missing (the Debian interop peers, Maven),
# then runs every test with `mvn -B verify`. Extra arguments go to Maven (e.g. ./test.sh -pl engine).
# Needs root or sudo only when something has to be installed; expects ../shared (conformance suites) beside
# the project, or -Dinkan.conformance.dir=DIR.
set -euo pipefail
cd "$(dirname "$0")"

# libmail-spf-perl + libnet-dns-resolver-programmable-perl: the Sender ID differential test (Mail::SPF, scopes pra/mfrom);
# postgresql: the DMARC report store test starts a private server of its own on 127.0.0.1
PACKAGES=(python3-dkim python3-nacl python3-spf python3-dnspython libmail-dkim-perl opendkim-tools
          libmail-spf-perl libnet-dns-resolver-programmable-perl postgresql)
missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v mvn >/dev/null || missing+=(maven)
if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "test.sh: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
        SUDO="sudo"
    fi
    echo "test.sh: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

exec mvn -B verify "$@"
