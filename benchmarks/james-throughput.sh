#!/usr/bin/env bash
# Messages per second through a real James 3.8.1 over SMTP, with and without Inkan's DkimSign / DkimVerify,
# in one JMH run (dev.inkan.it.bench.JamesThroughputBenchmark, in integration-tests' test sources, where
# the real-server harness is), then the table of rates and ratios.
#
#   benchmarks/james-throughput.sh               build (tests skipped), run every setup, report (~2.9 min a setup)
#   benchmarks/james-throughput.sh --no-build    reuse the classes and classpath built last time
#   benchmarks/james-throughput.sh --out DIR     where results go (default: jmh-results/ in the build dir)
#   benchmarks/james-throughput.sh --quick       one short iteration each: a smoke run, not a measurement
#   benchmarks/james-throughput.sh --mailets     instead: MailetChainBenchmark, the inbound chain's four mailets on
#                                                a James mail without the server (µs per message, ~2 min)
#   benchmarks/james-throughput.sh --perf SECS   also profile each setup with Linux perf for SECS seconds of its
#                                                measurement (at most 30; needs Debian's linux-perf): perf-SETUP.txt
#                                                (perf script) and perf-SETUP.md (benchmarks/perf-summary.py)
#   benchmarks/james-throughput.sh -- ARGS...    extra JMH arguments, e.g. -- -p setup=relay,relay-DkimSign
#
# Environment: INKAN_BUILDROOT=/tmp/x builds with -Dinkan.buildroot=/tmp/x (a separate output root);
# MVN_ARGS (default "-B -q") is passed to Maven, e.g. MVN_ARGS="-B -q -o" offline; JAVA (default "java").
#
# Each setup runs in its own forked JVM with James started once (@Setup(Level.Trial)); one operation is one
# SMTP transaction of a 4 KiB message, counted when it has arrived (SMTP sink or IMAP mailbox), 100 per
# invocation over 4 parallel connections. 15 x 8 s warm-up, 5 x 8 s measurement. Results:
# james-throughput.json (JMH JSON), james-cpu.tsv (the JVM's CPU ms per message, per measurement
# iteration), james-cpu-threads.tsv (the same CPU by thread pool: James's spooler runs the mailets; plus the JIT's
# compile time and GC pauses), james-throughput.txt (JMH's output), james-throughput.md (the tables).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
java_cmd="${JAVA:-java}"
mvn_args=(${MVN_ARGS:--B -q})
build=1
quick=0
mailets=0
perf_seconds=0
out=""
extra=()

while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=0; shift ;;
    --out) out="$2"; shift 2 ;;
    --quick) quick=1; shift ;;
    --mailets) mailets=1; shift ;;
    --perf)
      perf_seconds="${2:-}"
      if ! [[ "$perf_seconds" =~ ^[0-9]+$ ]] || (( perf_seconds < 1 || perf_seconds > 30 )); then
        echo "--perf needs a number of seconds from 1 to 30 (the measurement lasts 40 s)" >&2; exit 2
      fi
      shift 2 ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,25p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

buildroot_args=()
if [[ -n "${INKAN_BUILDROOT:-}" ]]; then
  buildroot_args=("-Dinkan.buildroot=$INKAN_BUILDROOT")
  target="$INKAN_BUILDROOT/inkan-integration-tests"
else
  target="$root/integration-tests/target"
fi
classpath_file="$target/james-throughput.classpath"

if [[ $build -eq 1 ]]; then
  echo ">> building engine, mailets, matchers and the integration-tests classes (tests skipped)"
  (cd "$root" && mvn "${mvn_args[@]}" -DskipTests package \
      org.apache.maven.plugins:maven-dependency-plugin:3.6.1:build-classpath \
      -pl integration-tests -am -Dmdep.includeScope=test \
      -Dmdep.outputFile="$classpath_file" "${buildroot_args[@]}")
fi
if [[ ! -f "$classpath_file" || ! -f "$target/test-classes/META-INF/BenchmarkList" ]]; then
  echo "no benchmark classes or classpath under $target (build first, without --no-build)" >&2
  exit 1
fi
classpath="$target/test-classes:$(cat "$classpath_file")"

out="${out:-$target/jmh-results}"
mkdir -p "$out"
if [[ $quick -eq 1 ]]; then
  timing=(-wi 1 -w 3s -i 1 -r 3s)
else
  timing=()
fi

if [[ $mailets -eq 1 ]]; then
  echo ">> load before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
  echo ">> MailetChainBenchmark -> $out/mailet-chain.json"
  "$java_cmd" -cp "$classpath" org.openjdk.jmh.Main "${timing[@]}" -rf json -rff "$out/mailet-chain.json" \
    "${extra[@]}" 'dev\.inkan\.it\.bench\.MailetChainBenchmark\.' | tee "$out/mailet-chain.txt"
  echo ">> load after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
  exit 0
fi

rm -f "$out/james-cpu.tsv" "$out/james-cpu-threads.tsv"
perf_jvm_args=""
if (( perf_seconds > 0 )); then
  if ! command -v perf >/dev/null 2>&1; then
    echo "--perf: no perf command here; install Debian's linux-perf (apt-get install -y linux-perf)" >&2
    exit 2
  fi
  # JIT frames named through the perf map the JVM writes when it exits; frame pointers for the call graphs
  perf_jvm_args=" -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit -XX:+PreserveFramePointer"
  rm -f "$out"/perf-*.data "$out"/perf-*.txt "$out"/perf-*.md "$out"/perf-*.log
  : > "$out/james-throughput.txt"
  rm -f "$out/.perf-done"
  trap 'touch "$out/.perf-done"' EXIT
  # When a setup's first measurement iteration starts, record its forked JVM for perf_seconds.
  (
    recorded=0
    while sleep 1; do
      started=$(grep -c '^Iteration   1:' "$out/james-throughput.txt" 2>/dev/null || true)
      if (( started > recorded )); then
        recorded=$started
        setup=$(grep '^# Parameters:' "$out/james-throughput.txt" | tail -1 | sed -n 's/.*setup = \([^,)]*\).*/\1/p')
        pid=$(pgrep -n -f 'org.openjdk.jmh.runner.ForkedMain' || true)
        if [[ -n "$pid" && -n "$setup" ]]; then
          echo "$pid" > "$out/perf-$setup.pid"
          perf record -e cpu-clock -F 499 -g -p "$pid" -o "$out/perf-$setup.data" -- sleep "$perf_seconds" \
            > "$out/perf-$setup.log" 2>&1 || echo ">> perf record failed for $setup: see $out/perf-$setup.log" >&2
        fi
      fi
      [[ -f "$out/.perf-done" ]] && break
    done
  ) &
fi
echo ">> load before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
echo ">> JamesThroughputBenchmark -> $out/james-throughput.json"
# The forked JVMs find conf-examples/ through inkan.conf.examples (the pom sets it for the tests), log only
# warnings, and wait 2 s (not JMH's 30) for an idle scheduled-executor thread still alive after James's stop().
"$java_cmd" -cp "$classpath" org.openjdk.jmh.Main "${timing[@]}" \
  -jvmArgsAppend "-Xmx1g -Dinkan.conf.examples=$root/conf-examples -Dlogback.configurationFile=bench-logback.xml -Djmh.shutdownTimeout=2 -Dinkan.bench.cpuFile=$out/james-cpu.tsv$perf_jvm_args" \
  -rf json -rff "$out/james-throughput.json" "${extra[@]}" \
  'dev\.inkan\.it\.bench\.JamesThroughputBenchmark\.' | tee "$out/james-throughput.txt"
echo ">> load after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"

echo ">> report -> $out/james-throughput.md"
"$java_cmd" -cp "$classpath" dev.inkan.it.bench.JamesThroughputReport "$out/james-throughput.json" "$out/james-cpu.tsv" \
  | tee "$out/james-throughput.md"

if (( perf_seconds > 0 )); then
  touch "$out/.perf-done"
  wait
  for data in "$out"/perf-*.data; do
    [[ -f "$data" ]] || continue
    setup=$(basename "$data" .data); setup=${setup#perf-}
    if ! perf script -i "$data" > "$out/perf-$setup.txt" 2>"$out/perf-$setup.script.log"; then
      echo ">> perf script failed for $setup: see $out/perf-$setup.script.log" >&2
      continue
    fi
    # messages received while perf recorded, estimated from the setup's mean rate (perf slows it somewhat)
    rate=$(awk -v s="$setup" '/^# Parameters:/ { cur = ($0 ~ "setup = " s "[,)]") } cur && /^Iteration/ { sum += $3; n++ } END { if (n) printf "%.0f", sum / n }' \
      "$out/james-throughput.txt")
    messages=$(( ${rate:-0} * perf_seconds ))
    echo ">> perf profile of $setup -> $out/perf-$setup.md (about $messages messages in $perf_seconds s)"
    if python3 "$here/perf-summary.py" "$out/perf-$setup.txt" "$messages" > "$out/perf-$setup.md"; then
      head -25 "$out/perf-$setup.md"
    else
      echo ">> no perf summary for $setup (perf-summary.py failed; the results above stand)" >&2
    fi
  done
fi
