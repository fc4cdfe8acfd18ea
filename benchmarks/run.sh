#!/usr/bin/env bash
# Builds the JMH jar and runs Inkan's benchmark suite, then prints the README's ratio table.
#
#   benchmarks/run.sh                  build (engine + benchmarks, tests skipped), run everything, report
#   benchmarks/run.sh --no-build       reuse the jar that is there
#   benchmarks/run.sh --jar PATH       run this jar (implies --no-build)
#   benchmarks/run.sh --out DIR        where results go (default: jmh-results/ beside the jar)
#   benchmarks/run.sh --quick          one short iteration each: a smoke run, not a measurement
#   benchmarks/run.sh -- ARGS...       extra JMH arguments for the throughput run, e.g. -- -p size=4096
#
# Environment: INKAN_BUILDROOT=/tmp/x builds with -Dinkan.buildroot=/tmp/x (a separate output root)
# and takes the jar from /tmp/x/inkan-benchmarks/benchmarks.jar; MVN_ARGS (default "-B -q") is passed
# to Maven; JAVA (default "java") runs the benchmarks.
#
# Settings are for a 2-core machine: one fork, 3 x 2 s warm-up, 5 x 3 s measurement, throughput in
# ops/s, with JMH's GC profiler for allocation per operation. The 100 MiB streaming runs are single
# shots in a JVM with -Xmx64m. Results: throughput.json, large.json (JMH JSON), *.txt (JMH's console
# output) and report.md (the table) in the output directory.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
java_cmd="${JAVA:-java}"
mvn_args=(${MVN_ARGS:--B -q})
build=1
quick=0
jar=""
out=""
extra=()

while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=0; shift ;;
    --jar) jar="$2"; build=0; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --quick) quick=1; shift ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

buildroot_args=()
if [[ -n "${INKAN_BUILDROOT:-}" ]]; then
  buildroot_args=("-Dinkan.buildroot=$INKAN_BUILDROOT")
  default_jar="$INKAN_BUILDROOT/inkan-benchmarks/benchmarks.jar"
else
  default_jar="$here/target/benchmarks.jar"
fi
jar="${jar:-$default_jar}"

if [[ $build -eq 1 ]]; then
  echo ">> building $jar"
  (cd "$root" && mvn "${mvn_args[@]}" package -pl benchmarks -am -DskipTests "${buildroot_args[@]}")
fi
if [[ ! -f "$jar" ]]; then
  echo "no benchmark jar at $jar (build it, or pass --jar)" >&2
  exit 1
fi

out="${out:-$(dirname "$jar")/jmh-results}"
mkdir -p "$out"

if [[ $quick -eq 1 ]]; then
  timing=(-f 1 -wi 1 -w 1s -i 1 -r 1s)
  large_timing=(-f 1 -wi 0 -i 1)
else
  timing=(-f 1 -wi 3 -w 2s -i 5 -r 3s)
  large_timing=(-f 1 -wi 2 -i 5)
fi

echo ">> throughput suite -> $out/throughput.json"
"$java_cmd" -jar "$jar" "${timing[@]}" -bm thrpt -tu s -prof gc \
  -rf json -rff "$out/throughput.json" "${extra[@]}" \
  'dev\.inkan\.bench\.(DkimVerify|DkimSign|RawCrypto|JdkimVerify|BodyHash|Spf)Benchmark\.' | tee "$out/throughput.txt"

echo ">> 100 MiB streaming with -Xmx64m -> $out/large.json"
"$java_cmd" -jar "$jar" "${large_timing[@]}" -bm ss -tu s -jvmArgsAppend -Xmx64m -prof gc \
  -rf json -rff "$out/large.json" \
  'dev\.inkan\.bench\.LargeMessageBenchmark\.' | tee "$out/large.txt"

echo ">> report -> $out/report.md"
"$java_cmd" -cp "$jar" dev.inkan.bench.Report "$out/throughput.json" "$out/large.json" | tee "$out/report.md"
