#!/usr/bin/env bash
# Runs a benchmark of docs/benchmarks.md. Builds the bench module (profile bench) on first use and
# whenever a file under bench/ is newer than the last build.
#   bench/run.sh decode [TRACE] [runs] [warmup] [decode,profile,all]
#   bench/run.sh sql    [TRACE] [repeats]
#   bench/run.sh large  [TRACE...]     issue 7's large-trace report (markdown on stdout and in
#                                      bench-out/large-<date>.md; see docs/benchmarks.md)
# TRACE defaults to testdata/large/mix-50mb.trace; for `large` to mix-50mb.trace and mix-300mb.trace
# (make them with testdata/generate.sh large).
# BENCH_JAVA_OPTS sets JVM options of the bench JVMs (default: -Xmx8g). BENCH_REBUILD=1 rebuilds the
# modules first (the classpath holds the reactor's jars under */target, so `mvn install` is never needed).
# `large` also reads (defaults in brackets):
#   LARGE_DECODE_RUNS [3], LARGE_DECODE_WARMUP [1]  DecodeBench runs per mode (one JVM per mode and trace)
#   LARGE_WARM_REPEATS [5]   ViewsBench repeats after the first query of each view (first TRACE only)
#   LARGE_GO [1]             0 skips go tool trace;  GO [~/.cache/go-roots/go-1.27/bin/go]
#   LARGE_ALL_VIEWS [1]      0 skips "every view from process start, from the cache"
#   LARGE_WARM [1]           0 skips ViewsBench;  LARGE_DECODE_MODES ["profile all"] DecodeBench modes
#   LARGE_CLI_LIVE [0]       1 runs bin/gotrace-sql as is (it rebuilds its jar when a source is newer);
#                            by default it runs a snapshot of bin/gotrace-sql and cli/target/gotrace-sql.jar
#                            taken at the start (with its own start-up archive), so that nobody's build
#                            changes the jar in the middle of a run
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cp_file="$root/bench/target/bench-classpath.txt"
if [ ! -f "$cp_file" ] || [ -n "${BENCH_REBUILD:-}" ] \
    || [ -n "$(find "$root/bench/src" "$root/bench/pom.xml" -newer "$cp_file" -type f -print -quit 2>/dev/null)" ]; then
  (cd "$root" && mvn -B -q -Pbench -DskipTests package -pl bench -am >&2)
  touch "$cp_file"
fi
cmd=${1:?usage: bench/run.sh decode|sql|large [TRACE] [...]}
shift
# shellcheck disable=SC2206 # BENCH_JAVA_OPTS is split into words on purpose
bench_java=(java --add-opens=java.base/java.nio=ALL-UNNAMED -Dcalcite.bindable.cache.maxSize=100 -Xss4m
  ${BENCH_JAVA_OPTS:--Xmx8g} -cp "$root/bench/target/classes:$(cat "$cp_file")")
case $cmd in
  decode|sql)
    trace=${1:-$root/testdata/large/mix-50mb.trace}
    [ $# -gt 0 ] && shift
    main=dev.gotrace.bench.DecodeBench
    [ "$cmd" = sql ] && main=dev.gotrace.bench.SqlBench
    exec "${bench_java[@]}" "$main" "$trace" "$@"
    ;;
  large) ;;
  *) echo "bench/run.sh: unknown benchmark $cmd (decode, sql or large)" >&2; exit 2 ;;
esac

# ---------------------------------------------------------------------------------------------
# bench/run.sh large: issue 7 ("large traces"), everything in one run on the same files.

if [ $# -gt 0 ]; then
  traces=("$@")
else
  traces=()
  for t in "$root/testdata/large/mix-50mb.trace" "$root/testdata/large/mix-300mb.trace"; do
    if [ -f "$t" ]; then traces+=("$t"); else echo "bench/run.sh: $t is missing (testdata/generate.sh large); skipped" >&2; fi
  done
fi
[ ${#traces[@]} -gt 0 ] || { echo "bench/run.sh: no trace to run on" >&2; exit 1; }
for t in "${traces[@]}"; do [ -f "$t" ] || { echo "bench/run.sh: no such trace: $t" >&2; exit 1; }; done

decode_runs=${LARGE_DECODE_RUNS:-3}
decode_warmup=${LARGE_DECODE_WARMUP:-1}
warm_repeats=${LARGE_WARM_REPEATS:-5}
go=${GO:-$HOME/.cache/go-roots/go-1.27/bin/go}
stamp=$(date +%Y%m%d-%H%M%S)
out_dir="$root/bench-out"
report="$out_dir/large-$stamp.md"
logs="$out_dir/large-$stamp.logs"
mkdir -p "$logs"
work=$(mktemp -d "${TMPDIR:-/tmp}/gotrace-bench-large.XXXXXX")
trap 'rm -rf "$work"' EXIT

log() { echo "[$(date +%H:%M:%S) load $(load)] $*" >&2; }
load() { cut -d' ' -f1 /proc/loadavg; }
mib() { awk -v k="$1" 'BEGIN { if (k == "" || k == "-") print "-"; else if (k < 1024) printf "%d KiB", k; else printf "%.0f MiB", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.1f", a / b }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "-" && a != "" && a + 0 >= b + 0) }'; }
yesno() { if "$@"; then echo yes; else echo "**no**"; fi; }
short() { basename "$1"; }

# Waits while a trace is still being written (testdata/generate.sh large runs for minutes).
for t in "${traces[@]}"; do
  while [ $(( $(date +%s) - $(stat -c %Y "$t") )) -lt 20 ]; do
    log "$(short "$t") was modified in the last 20 s (still being written?); waiting"
    sleep 10
  done
done

# measure NAME CMD...: runs CMD under /usr/bin/time; stdout/stderr go to $logs/NAME.{out,err}.
# Sets M_WALL (s), M_RSS (KiB), M_RC, M_LOAD (1-min load average at the start).
measure() {
  local name=$1; shift
  M_LOAD=$(load)
  set +e
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$logs/$name.out" 2>"$logs/$name.err"
  M_RC=$?
  set -e
  read -r M_WALL M_RSS < <(tail -1 "$work/time")
  if [ "$M_RC" -ne 0 ]; then log "$name: exit $M_RC: $(tail -1 "$logs/$name.err")"; fi
}
status() { # rc log-name: "" or a short failure note
  [ "$1" -eq 0 ] && return
  local why
  why=$(grep -m1 -E '^gotrace-sql:|Exception|Error' "$logs/$2.err" || tail -1 "$logs/$2.err")
  why=$(grep -o -E '[A-Za-z.]*(Error|Exception)(: [^,]*)?$' <<<"$(grep -E 'Caused by|Error' "$logs/$2.err" | tail -1)" || echo "$why")
  echo " (exit $1: $(echo "$why" | sed 's/\x1b\[[0-9;]*m//g' | cut -c1-100 | tr '|' '/'))"
}

# --- the CLI -------------------------------------------------------------------------------------
cli_note=""
set +e
"$root/bin/gotrace-sql" --help >"$logs/cli-build.out" 2>"$logs/cli-build.err"
build_rc=$?
set -e
jar="$root/cli/target/gotrace-sql.jar"
if [ "$build_rc" -ne 0 ]; then
  [ -f "$jar" ] && [ -z "${LARGE_CLI_LIVE:-}" ] || { cat "$logs/cli-build.err" >&2; exit 1; }
  cli_note="bin/gotrace-sql could not rebuild its jar from the current sources ($(sed 's/\x1b\[[0-9;]*m//g' "$logs/cli-build.err" | tail -1)); the runs use the jar that was there, built $(date -r "$jar" '+%F %T')."
  log "$cli_note"
fi
if [ "${LARGE_CLI_LIVE:-0}" = 1 ]; then
  cli_desc="\`bin/gotrace-sql\` as is (launcher defaults; it rebuilds its jar when a source is newer)"
  cli="$root/bin/gotrace-sql"
else
  # A snapshot of the launcher and its jar in a root of their own, so the runs get everything a
  # user's do (the start-up archive, the heap and memory bound sized from the trace) while nobody's
  # build can change the jar in the middle of a run. The launcher makes its start-up archive here,
  # from the bundled trace, before anything is timed.
  snap="$work/root"
  mkdir -p "$snap/bin" "$snap/cli/target" "$snap/testdata/traces/go1.27"
  cp "$root/bin/gotrace-sql" "$snap/bin/"
  cp "$jar" "$snap/cli/target/"
  cp "$root/testdata/traces/go1.27/mix.trace" "$snap/testdata/traces/go1.27/"
  cli="$snap/bin/gotrace-sql"
  log "start-up archive of the snapshot"
  "$cli" --help >"$logs/cli-archive.out" 2>"$logs/cli-archive.err"
  cli_desc="\`bin/gotrace-sql\` with launcher defaults (start-up archive, memory bound), run from a snapshot of bin/ and cli/target/gotrace-sql.jar (built $(date -r "$jar" '+%F %T'), sha256 $(sha256sum "$jar" | cut -c1-12))"
fi
[ -n "${GOTRACE_SQL_JAVA_OPTS:-}" ] && cli_desc="$cli_desc, GOTRACE_SQL_JAVA_OPTS=\"$GOTRACE_SQL_JAVA_OPTS\""

views=()
for f in "$root"/queries/views/*.sql; do
  v=$(basename "$f" .sql)
  case $v in _*) ;; *) views+=("$v") ;; esac
done

declare -A cold_sql=(
  [sync]="SELECT stack_id, contentions, delay_ns, leaf_function FROM sync_blocking_profile ORDER BY delay_ns DESC LIMIT 10"
  [net]="SELECT stack_id, contentions, delay_ns, leaf_function FROM net_blocking_profile ORDER BY delay_ns DESC LIMIT 10"
  [syscall]="SELECT stack_id, contentions, delay_ns, leaf_function FROM syscall_blocking_profile ORDER BY delay_ns DESC LIMIT 10"
  [sched]="SELECT stack_id, contentions, delay_ns, leaf_function FROM sched_latency_profile ORDER BY delay_ns DESC LIMIT 10"
  [goroutine_analysis]="SELECT goid, name, total_ns, exec_ns, sched_wait_ns, block_ns FROM goroutine_analysis ORDER BY total_ns DESC LIMIT 10"
)
cold_order=(sync net syscall sched goroutine_analysis)
declare -A cold_view=([sync]=sync_blocking_profile [net]=net_blocking_profile [syscall]=syscall_blocking_profile
  [sched]=sched_latency_profile [goroutine_analysis]=goroutine_analysis)

load_start=$(load)
t_start=$(date +%s)
trace_rows="" decode_rows="" cold_rows="" views_rows="" warm_rows="" go_rows="" ratio_rows="" warm_extra=""
declare -A cold_wall cold_rss reopen_wall go_wall go_rss
max_reopen="-" max_view_start="-" max_warm="-"
cache_seen=0
maxf() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-") print b; else if (b == "-") print a; else print (a + 0 > b + 0 ? a : b) }'; }

# Go's tool binary is built and cached before anything is timed.
if [ "${LARGE_GO:-1}" = 1 ]; then
  log "go tool trace -h (builds and caches cmd/trace)"
  GOTOOLCHAIN=local "$go" tool trace -h >"$logs/go-build.out" 2>&1 || true
fi

for trace in "${traces[@]}"; do
  tn=$(short "$trace")
  size=$(stat -c %s "$trace")

  # 1-2. Decode into the profile tables and into all tables, one JVM per mode.
  events="-" generations="-"
  for mode in ${LARGE_DECODE_MODES:-profile all}; do
    log "$tn: DecodeBench $mode ($decode_warmup warm-up + $decode_runs runs)"
    measure "decode-$tn-$mode" "${bench_java[@]}" dev.gotrace.bench.DecodeBench "$trace" "$decode_runs" "$decode_warmup" "$mode"
    res=$(grep -P '^result\t' "$logs/decode-$tn-$mode.out" | tail -1 || true)
    what="profile tables (\`blocking_profiles\`, \`stacks\`, \`stack_frames\`, \`trace_info\`)"
    [ "$mode" = all ] && what="all tables (\`TraceDatabase.tables()\`)"
    if [ -n "$res" ] && [ "$M_RC" -eq 0 ]; then
      IFS=$'\t' read -r _ _ med cpu ev mbs meps heap arrow _ <<<"$res"
      events=$ev
      runs=$(sed -n "s/^$mode *runs \[\([^]]*\)\].*/\1/p" "$logs/decode-$tn-$mode.out" | tail -1)
      decode_rows+="| $tn | $what | $med ms (runs $runs) | $cpu ms | **$meps** | $mbs | $(mib $((heap / 1024))) | $(mib $((arrow / 1024))) | $(mib "$M_RSS") | $M_LOAD |"$'\n'
    else
      decode_rows+="| $tn | $what | failed$(status "$M_RC" "decode-$tn-$mode") | | | | | | $(mib "$M_RSS") | $M_LOAD |"$'\n'
    fi
    g=$(sed -n 's/.*| generations \([0-9]*\) |.*/\1/p' "$logs/decode-$tn-$mode.out" | tail -1)
    [ -n "$g" ] && generations=$g
  done
  trace_rows+="| $tn | $size | $(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1048576 }') | $events | $generations |"$'\n'

  # 3, 5. Cold runs (fresh cache directory), then the same query again from that cache.
  for q in "${cold_order[@]}"; do
    dir=$(mktemp -d "$work/cache.XXXXXX")
    log "$tn: cold $q"
    measure "cold-$tn-$q" env GOTRACE_SQL_CACHE_DIR="$dir" "$cli" query "$trace" "${cold_sql[$q]}"
    cw=$M_WALL cr=$M_RSS cl=$M_LOAD cst=$(status "$M_RC" "cold-$tn-$q")
    cache_kb=$(du -sk "$dir" | cut -f1)
    files=$(find "$dir" -type f | wc -l)
    cache="no files"
    [ "$files" -gt 0 ] && { cache="$files files, $(mib "$cache_kb")"; cache_seen=1; }
    log "$tn: re-open $q"
    measure "reopen-$tn-$q" env GOTRACE_SQL_CACHE_DIR="$dir" "$cli" query "$trace" "${cold_sql[$q]}"
    rst=$(status "$M_RC" "reopen-$tn-$q")
    cold_wall[$tn-$q]=$cw cold_rss[$tn-$q]=$cr reopen_wall[$tn-$q]=$M_WALL
    max_reopen=$(maxf "$max_reopen" "$M_WALL")
    cold_rows+="| $tn | \`${cold_view[$q]}\` | **$cw s**$cst | $(mib "$cr") | $cl | $cache | **$M_WALL s**$rst | $(mib "$M_RSS") | $M_LOAD |"$'\n'
    if [ "$q" = sync ]; then
      log "$tn: trace_info from the cache"
      measure "reopen-$tn-trace_info" env GOTRACE_SQL_CACHE_DIR="$dir" "$cli" query "$trace" "SELECT * FROM trace_info"
      ti="| $tn | \`trace_info\` (\`SELECT *\`, cache of the sync run) | | | | | **$M_WALL s**$(status "$M_RC" "reopen-$tn-trace_info") | $(mib "$M_RSS") | $M_LOAD |"$'\n'
      max_reopen=$(maxf "$max_reopen" "$M_WALL")
    fi
  done
  cold_rows+=$ti

  # Every shipped view from process start, with one cache directory per trace: the first run may
  # decode (or reuse what earlier views cached), the second is the from-the-cache figure.
  if [ "${LARGE_ALL_VIEWS:-1}" = 1 ]; then
    dir=$(mktemp -d "$work/cache.XXXXXX")
    for v in "${views[@]}"; do
      log "$tn: view $v from process start (twice, one cache)"
      measure "start-$tn-$v-1" env GOTRACE_SQL_CACHE_DIR="$dir" "$cli" query "$trace" "SELECT * FROM $v" --format csv
      w1=$M_WALL r1=$M_RSS s1=$(status "$M_RC" "start-$tn-$v-1")
      measure "start-$tn-$v-2" env GOTRACE_SQL_CACHE_DIR="$dir" "$cli" query "$trace" "SELECT * FROM $v" --format csv
      rows=$(($(wc -l <"$logs/start-$tn-$v-2.out") - 1))
      max_view_start=$(maxf "$max_view_start" "$M_WALL")
      views_rows+="| $tn | \`$v\` | $w1 s$s1 | $(mib "$r1") | **$M_WALL s**$(status "$M_RC" "start-$tn-$v-2") | $(mib "$M_RSS") | $rows | $M_LOAD |"$'\n'
    done
  fi

  # 6. Go 1.27's go tool trace -pprof on the same file.
  if [ "${LARGE_GO:-1}" = 1 ]; then
    for p in sync sched; do
      log "$tn: go tool trace -pprof=$p"
      measure "go-$tn-$p" env GOTOOLCHAIN=local "$go" tool trace -pprof=$p "$trace"
      go_wall[$tn-$p]=$M_WALL go_rss[$tn-$p]=$M_RSS
      [ "$M_RC" -eq 0 ] || go_wall[$tn-$p]="-"
      go_rows+="| $tn | \`go tool trace -pprof=$p\` | **$M_WALL s**$(status "$M_RC" "go-$tn-$p") | $(mib "$M_RSS") | $(wc -c <"$logs/go-$tn-$p.out") | $M_LOAD |"$'\n'
    done
  fi
done

# 4. Warm views, one JDBC connection, on the first trace.
warm_trace=${traces[0]}
warm_load="-" warm_rss="" connect=""
if [ "${LARGE_WARM:-1}" = 1 ]; then
log "$(short "$warm_trace"): ViewsBench, first + $warm_repeats"
measure "warm-$(short "$warm_trace")" "${bench_java[@]}" dev.gotrace.bench.ViewsBench "$warm_trace" "$warm_repeats" "${views[@]}"
warm_load=$M_LOAD warm_rss=$M_RSS
if [ "$M_RC" -ne 0 ]; then warm_extra="ViewsBench failed$(status "$M_RC" "warm-$(short "$warm_trace")")."; fi
connect=$(grep -P '^connect\t' "$logs/warm-$(short "$warm_trace").out" | cut -f2 || true)
while IFS=$'\t' read -r _ v first med mn mx rows; do
  warm_rows+="| \`$v\` | $first ms | **$med ms** | $mn–$mx ms | $rows |"$'\n'
  max_warm=$(maxf "$max_warm" "$med")
done < <(grep -P '^view\t' "$logs/warm-$(short "$warm_trace").out" || true)
fi

# Ratios and targets.
targets=""
for trace in "${traces[@]}"; do
  tn=$(short "$trace")
  for p in sync sched; do
    [ -n "${go_wall[$tn-$p]:-}" ] || continue
    ours=${cold_wall[$tn-$p]} oursr=${cold_rss[$tn-$p]}
    tr=$(ratio "${go_wall[$tn-$p]}" "$ours") rr=$(ratio "${go_rss[$tn-$p]}" "$oursr")
    cr=$(ratio "${go_wall[$tn-$p]}" "${reopen_wall[$tn-$p]}")
    ratio_rows+="| $tn | $p | ${go_wall[$tn-$p]} s | $ours s | **${tr}×** | $(mib "${go_rss[$tn-$p]}") | $(mib "$oursr") | **${rr}×** | ${cr}× |"$'\n'
    case $tn in
      *300mb*) targets+="| $tn: cold $p ≥ 10× faster than Go | ${tr}× | $(yesno ge "$tr" 10) |"$'\n'
               targets+="| $tn: cold $p ≥ 4× less peak RSS than Go | ${rr}× | $(yesno ge "$rr" 4) |"$'\n' ;;
      *) targets+="| $tn: cold $p ≥ 10× faster than Go | ${tr}× | $(yesno ge "$tr" 10) |"$'\n' ;;
    esac
  done
done
lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "-" && a != "" && a + 0 < b + 0) }'; }
targets+="| re-open from the cache < 1 s (slowest re-open above) | $max_reopen s | $(yesno lt "$max_reopen" 1) |"$'\n'
[ "${LARGE_ALL_VIEWS:-1}" = 1 ] && targets+="| any view < 2 s from process start, from the cache (slowest second run) | $max_view_start s | $(yesno lt "$max_view_start" 2) |"$'\n'
[ "${LARGE_WARM:-1}" = 1 ] && targets+="| every view < 300 ms warm on $(short "$warm_trace") (slowest median) | $max_warm ms | $(yesno lt "$max_warm" 300) |"$'\n'

cache_note="The decode cache wrote no files in any cold run: this build has no cache (or ignores GOTRACE_SQL_CACHE_DIR), so \"re-open\" is a second cold run."
[ "$cache_seen" = 1 ] && cache_note="The decode cache wrote files under GOTRACE_SQL_CACHE_DIR (column \"cache after\")."

{
  echo "# Large traces (issue 7): \`bench/run.sh large\`, $(date '+%F %T %Z')"
  echo
  echo "- commit $(git -C "$root" rev-parse --short HEAD) ($(git -C "$root" status --porcelain --untracked-files=no | wc -l) tracked files modified in the work tree)"
  echo "- machine: $(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM"
  echo "- $(java -version 2>&1 | sed -n 2p); $([ "${LARGE_GO:-1}" = 1 ] && GOTOOLCHAIN=local "$go" version)"
  echo "- load average (1 min): $load_start at the start, $(load) at the end ($(cut -d' ' -f1-3 /proc/loadavg) as 1/5/15 min); each row gives it at the start of that run; total run time $(( ($(date +%s) - t_start) / 60 )) min"
  echo "- CLI: $cli_desc"
  [ -n "$cli_note" ] && echo "- **$cli_note**"
  echo "- bench JVMs: ${BENCH_JAVA_OPTS:--Xmx8g}; raw output of every run: bench-out/$(basename "$logs")/"
  echo
  echo "## Traces"
  echo
  echo "| trace | bytes | MiB | events (Go's reader) | generations |"
  echo "|---|---|---|---|---|"
  printf '%s' "$trace_rows"
  echo
  echo "## 1. Decode (\`DecodeBench\`, one JVM per row: $decode_warmup warm-up + $decode_runs runs, median)"
  echo
  echo "| trace | tables built (one pass) | wall | thread CPU | M events/s | MB/s | peak heap | Arrow | process peak RSS | load |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  printf '%s' "$decode_rows"
  echo
  echo "## 2, 3, 5. Process start to answer, \`bin/gotrace-sql query TRACE SQL\` (\`/usr/bin/time -f \"%e %M\"\`)"
  echo
  echo "Cold: a fresh empty \`GOTRACE_SQL_CACHE_DIR\` per run. Re-open: the same query again with the same directory. $cache_note"
  echo "Profiles: \`SELECT stack_id, contentions, delay_ns, leaf_function FROM <view> ORDER BY delay_ns DESC LIMIT 10\`; \`goroutine_analysis\`: \`SELECT goid, name, total_ns, exec_ns, sched_wait_ns, block_ns ... ORDER BY total_ns DESC LIMIT 10\`."
  echo
  echo "| trace | view | cold wall | cold peak RSS | load | cache after | re-open wall | re-open peak RSS | load |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s' "$cold_rows"
  if [ -n "$views_rows" ]; then
    echo
    echo "### Every shipped view from process start (\`SELECT * FROM <view>\` --format csv, run twice with one cache directory per trace)"
    echo
    echo "| trace | view | 1st run wall | 1st run RSS | 2nd run wall | 2nd run RSS | rows | load |"
    echo "|---|---|---|---|---|---|---|---|"
    printf '%s' "$views_rows"
  fi
  if [ "${LARGE_WARM:-1}" = 1 ]; then
  echo
  echo "## 4. Warm views on $(short "$warm_trace") (\`ViewsBench\`: one \`jdbc:gotrace:\` connection, \`SELECT * FROM <view>\` once, then $warm_repeats times)"
  echo
  echo "Connect ${connect:--} ms; first includes planning and building the tables the view reads that no earlier view built (views in file-name order). Process peak RSS $(mib "$warm_rss"), load $warm_load. $warm_extra"
  echo
  echo "| view | first | median | min–max | rows |"
  echo "|---|---|---|---|---|"
  printf '%s' "$warm_rows"
  fi
  if [ -n "$go_rows" ]; then
    echo
    echo "## 6. Go 1.27 on the same files (\`GOTOOLCHAIN=local go tool trace -pprof=... TRACE > /dev/null\`)"
    echo
    echo "| trace | command | wall | peak RSS | output bytes | load |"
    echo "|---|---|---|---|---|---|"
    printf '%s' "$go_rows"
    echo
    echo "## Ratios (Go / ours; ours = the cold run of the matching view above)"
    echo
    echo "| trace | profile | Go wall | our cold wall | time ratio | Go peak RSS | our peak RSS | RSS ratio | time ratio vs our re-open |"
    echo "|---|---|---|---|---|---|---|---|---|"
    printf '%s' "$ratio_rows"
  fi
  echo
  echo "## Issue 7's targets"
  echo
  echo "| target | measured | met |"
  echo "|---|---|---|"
  printf '%s' "$targets"
} >"$report"
cat "$report"
log "report: $report"
