#!/usr/bin/env bash
# Runs a benchmark of docs/benchmarks.md. Builds the bench module (profile bench) on first use.
#   bench/run.sh decode [TRACE] [runs] [warmup] [decode,open]
#   bench/run.sh sql    [TRACE] [repeats]
# TRACE defaults to testdata/large/mix.trace (make it with testdata/generate.sh large).
# BENCH_JAVA_OPTS sets JVM options (default: -Xmx8g). BENCH_REBUILD=1 rebuilds the modules first
# (the classpath holds the reactor's jars under */target, so `mvn install` is never needed).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cp_file="$root/bench/target/bench-classpath.txt"
if [ ! -f "$cp_file" ] || [ -n "${BENCH_REBUILD:-}" ]; then
  (cd "$root" && mvn -B -q -Pbench -DskipTests package -pl bench -am >&2)
fi
cmd=${1:?usage: bench/run.sh decode|sql [TRACE] [...]}
shift
trace=${1:-$root/testdata/large/mix.trace}
[ $# -gt 0 ] && shift
case $cmd in
  decode) main=dev.gotrace.bench.DecodeBench ;;
  sql) main=dev.gotrace.bench.SqlBench ;;
  *) echo "bench/run.sh: unknown benchmark $cmd (decode or sql)" >&2; exit 2 ;;
esac
exec java --add-opens=java.base/java.nio=ALL-UNNAMED -Dcalcite.bindable.cache.maxSize=100 -Xss4m \
  ${BENCH_JAVA_OPTS:--Xmx8g} -cp "$root/bench/target/classes:$(cat "$cp_file")" "$main" "$trace" "$@"
