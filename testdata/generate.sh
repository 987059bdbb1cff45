#!/usr/bin/env bash
# Regenerates the traces and goldens under testdata/ (a developer tool; nothing at run time or
# in the tests calls it).
#
#   generate.sh                 traces with every installed Go (1.22..1.27, and 1.19/1.21 when
#                               present), then all goldens, then the generated part of README.md
#   generate.sh traces [VER..]  traces only, for the given versions (default: all installed)
#   generate.sh goldens [T..]   goldens (and README) only, from the committed traces (or only
#                               from the given trace files)
#   generate.sh pprof-check     only the check that go tool pprof opens a `gotrace-sql pprof --sql` file
#   generate.sh group-profiles  only the goroutine-group profiles of GROUP_PROFILES (also made by goldens)
#   generate.sh helper-goldens  only gohelper's goldens (summary, mmu, profiles, related, histograms), from the committed
#                               traces: the pprof listings, whose order varies by run, stay as they are
#   GEN_PROGRAMS="p1 p2" generate.sh traces ...   only those programs
#   generate.sh v1-cuts         only decoder/v1-cuts.txt: what go tool trace -d=parsed makes of the
#                               prefixes V1_CUTS of the committed v1 traces (also made by goldens)
#   generate.sh decoder-goldens the decoder tests' expectations from Go 1.27's reader (conformance/
#                               gotracehelper): expected-counts.txt, fuzz-expected.txt, event-specs.txt, the
#                               cut tables, decoder/gosort.txt and the mutants' outcomes (also made by all)
#   generate.sh scenarios       the scenario traces, with Go 1.27: scenarios/<prog>.trace for the
#                               programs whose behaviour the tests of our own analyses assert
#                               (wait chain, leak, lock convoy; no goldens: the source is the truth)
#   generate.sh large [DIR]     the benchmark traces, with Go 1.27: DIR/mix-50mb.trace (>= 50 MB)
#                               and DIR/mix-300mb.trace (>= 300 MB) of the mix workload
#                               (default DIR: testdata/large/, which is git-ignored)
#
# Toolchains are looked up as $GO_ROOTS/go-1.NN/bin/go (GO_ROOTS defaults to ~/.cache/go-roots).
# Goldens always come from Go 1.27's tools: `go tool trace` (cmd/trace), `go tool pprof`
# (cmd/pprof) and gohelper/ (internal/trace), all built from $GO_ROOTS/go-1.27.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GO_ROOTS=${GO_ROOTS:-${XDG_CACHE_HOME:-$HOME/.cache}/go-roots}
REF=1.27
V2_VERSIONS=(1.22 1.23 1.24 1.25 1.26 1.27)
V1_VERSIONS=(1.19 1.21)
ALL_PROGRAMS=(chansync nethttp syscalls gcpressure annotations cpuprofile manygoroutines mix)
# Programs traced with Go $REF only: they exercise our reports, which older releases add nothing to.
REF_ONLY_PROGRAMS=(leaks)
SCENARIO_PROGRAMS=(waitchain leak convoy)
# GEN_PROGRAMS="prog ..." limits which programs the traces step runs (goldens are always all).
read -ra PROGRAMS <<< "${GEN_PROGRAMS:-${ALL_PROGRAMS[*]}}"
PPROF_TYPES=(net sync syscall sched)
# Profiles of one goroutine group ("program type group-name", Go 1.27 traces), fetched from go tool
# trace's web UI as its goroutine pages link them (/io, /block, /syscall, /sched with ?name=).
GROUP_PROFILES=("chansync sync main.mutexContention.func1" "chansync sched main.rwMutexContention.func2"
  "nethttp net main.run.func4" "syscalls syscall main.rawPipe.func1")
# Prefixes ("trace length") of v1 traces: Go cannot read a v1 trace without its footer, so each
# fails with the message Go's v1 parser gives at that point (V1TruncationTest).
V1_CUTS=("go1.19/chansync 16" "go1.19/chansync 100" "go1.19/chansync 2000" "go1.19/chansync 20000"
  "go1.19/chansync 44000" "go1.21/syscalls 17" "go1.21/syscalls 600" "go1.21/syscalls 3001"
  "go1.21/syscalls 9824" "go1.19/cpuprofile 10" "go1.19/cpuprofile 4999")
MAX_TRACE_BYTES=$((2 * 1024 * 1024))
LARGE_SIZES_MB=(50 300)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/gotrace-testdata.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

die() { echo "generate.sh: $*" >&2; exit 1; }

goroot() { echo "$GO_ROOTS/go-$1"; }

require_go() {
  [ -x "$(goroot "$1")/bin/go" ] || die "Go $1 not found at $(goroot "$1"); install it with
  ../shared/tools/install-go.sh $1   (run from the repository root; GO_ROOTS=$GO_ROOTS)"
}

installed() { [ -x "$(goroot "$1")/bin/go" ]; }

# The environment every program is built and run in: no module lookups, no toolchain switch,
# no inherited runtime tuning, two Ps as on the project's machines.
clean_env() {
  env -u GOFLAGS -u GODEBUG -u GOGC -u GOMEMLIMIT -u GOEXPERIMENT -u GOROOT \
    GOTOOLCHAIN=local GO111MODULE=on CGO_ENABLED=0 GOMAXPROCS=2 "$@"
}

# Programs whose traces should span several generations get a shorter advance period
# (runtime/trace honours GODEBUG=traceadvanceperiod in Go 1.22+; the default is 1 s, which
# mix outlasts on its own).
godebug_for() {
  case $1 in
    annotations) echo traceadvanceperiod=1000000 ;;
    manygoroutines) echo traceadvanceperiod=10000000 ;;
    cpuprofile) echo traceadvanceperiod=50000000 ;;
    *) echo "" ;;
  esac
}

build_program() { # version program output
  local go; go="$(goroot "$1")/bin/go"
  (cd "$here/programs/$2" && clean_env "$go" build -trimpath -o "$3" main.go)
}

# Writes traces/go$v/<prog>.trace for each program, retrying a run whose trace is too large.
gen_traces() { # version
  local v=$1 out="$here/traces/go$1" p bin try size progs=("${PROGRAMS[@]}")
  [ "$v" = "$REF" ] && [ -z "${GEN_PROGRAMS:-}" ] && progs+=("${REF_ONLY_PROGRAMS[@]}")
  require_go "$v"
  mkdir -p "$out"
  for p in "${progs[@]}"; do
    bin="$tmp/$p-$v"
    build_program "$v" "$p" "$bin"
    for try in 1 2 3; do
      clean_env GODEBUG="$(godebug_for "$p")" "$bin" "$out/$p.trace"
      size=$(stat -c %s "$out/$p.trace")
      [ "$size" -lt "$MAX_TRACE_BYTES" ] && break
      echo "  $p (go$v) wrote $size bytes, over the limit; running again" >&2
    done
    [ "$size" -lt "$MAX_TRACE_BYTES" ] || die "$p with go$v keeps writing traces over $MAX_TRACE_BYTES bytes"
    echo "go$v $p.trace $size bytes"
  done
}

# Builds SRC, a main.go importing internal/trace, into $tmp/NAME with Go 1.27. Only code inside the
# Go tree may import internal/trace: -overlay adds SRC as $GOROOT/src/cmd/NAME/main.go for this one
# build, so nothing is copied or written into the toolchain.
build_in_go_tree() { # src name
  local root; root=$(goroot "$REF")
  printf '{"Replace":{"%s":"%s"}}\n' "$root/src/cmd/$2/main.go" "$1" > "$tmp/$2-overlay.json"
  (cd "$root/src/cmd" && clean_env "$root/bin/go" build -overlay "$tmp/$2-overlay.json" -o "$tmp/$2" "./$2")
}

# Builds Go 1.27's cmd/trace, cmd/pprof and the gohelper into $tmp.
build_tools() {
  require_go "$REF"
  local root; root=$(goroot "$REF")
  (cd "$root/src/cmd" && clean_env "$root/bin/go" build -o "$tmp/gotrace" cmd/trace \
    && clean_env "$root/bin/go" build -o "$tmp/gopprof" cmd/pprof)
  build_in_go_tree "$here/gohelper/main.go" gotracehelper
}

# Builds the decoder goldens' helper (conformance/gotracehelper/main.go) into $tmp/decoderhelper.
build_decoder_helper() {
  require_go "$REF"
  build_in_go_tree "$here/conformance/gotracehelper/main.go" decoderhelper
}

# Rewrites FILE's lines after its leading '#' comment lines with the standard input.
replace_body() { # file
  { grep '^#' "$1"; cat; } > "$tmp/body"
  mv "$tmp/body" "$1"
}

# Writes the decoder tests' expectations from Go 1.27's reader: the counts of Go's reader tests and
# of its fuzz corpus, the event specs, the cut tables of decoder/stress-*.trace, the sort
# permutations, and the outcomes of the committed mutants (decoder/mutants.txt keeps its traces;
# Go dumps maps in random order after "failed to advance: frontier:", which GoMutantsTest ignores).
gen_decoder_goldens() {
  local t name b64 out="$tmp/mutants"
  TZ=UTC "$tmp/decoderhelper" counts "$here/conformance" | replace_body "$here/conformance/expected-counts.txt"
  "$tmp/decoderhelper" specs | replace_body "$here/conformance/event-specs.txt"
  TZ=UTC "$tmp/decoderhelper" corpus "$here/conformance/fuzz" | replace_body "$here/conformance/fuzz-expected.txt"
  "$tmp/decoderhelper" sort | replace_body "$here/decoder/gosort.txt"
  for t in "$here"/decoder/stress-go1.*.trace; do
    TZ=UTC "$tmp/decoderhelper" cuts "$t" \
      | sed -E 's/(broken trace: failed to advance: frontier:).*/\1 .../' > "${t%.trace}.cuts.txt"
  done
  mkdir -p "$out"
  grep -v '^#' "$here/decoder/mutants.txt" | while IFS=$'\t' read -r name b64; do
    base64 -d <<< "$b64" > "$out/${name%% *}"
  done
  TZ=UTC "$tmp/decoderhelper" raw "$out" > "$tmp/outcomes.txt"
  grep -v '^#' "$here/decoder/mutants.txt" | while IFS=$'\t' read -r name b64; do
    printf '%s\t%s\n' "$(grep -m 1 "^${name%% *} " "$tmp/outcomes.txt")" "$b64"
  done | replace_body "$here/decoder/mutants.txt"
}

# Writes every golden for one trace.
gen_goldens_for() { # trace-file golden-dir
  local t=$1 dir=$2 p typ
  p=$(basename "$t" .trace)
  mkdir -p "$dir"
  "$tmp/gotrace" -d=parsed "$t" > "$tmp/parsed.txt"
  case $(tail -n 1 "$tmp/parsed.txt") in
    "M=-1 P=-1 G=-1 Sync "*) ;;
    *) die "$t: -d=parsed does not end with a Sync event" ;;
  esac
  gzip -n -9 < "$tmp/parsed.txt" > "$dir/$p.parsed.txt.gz"
  for typ in "${PPROF_TYPES[@]}"; do
    "$tmp/gotrace" -pprof="$typ" "$t" > "$tmp/profile.pb"
    "$tmp/gopprof" -raw "$tmp/profile.pb" > "$dir/$p.pprof-$typ.txt" 2> "$tmp/pprof.err" \
      || { cat "$tmp/pprof.err" >&2; die "$t: go tool pprof -raw failed for -pprof=$typ"; }
  done
  gen_helper_goldens_for "$t" "$dir"
}

# Writes the goldens of gohelper (internal/trace and restated cmd/trace code) for one trace.
gen_helper_goldens_for() { # trace-file golden-dir
  local p; p=$(basename "$1" .trace)
  "$tmp/gotracehelper" "$1" "$2/$p.summary.json" "$2/$p.mmu.json" "$2/$p.profiles.json.gz" "$2/$p.related.json.gz" \
    "$2/$p.histograms.json"
}

gen_goldens() { # [trace-file...] (default: every committed trace)
  build_tools
  local t traces=("$@")
  [ ${#traces[@]} -gt 0 ] || traces=("$here"/traces/go*/*.trace)
  for t in "${traces[@]}"; do
    t=$(cd "$(dirname "$t")" && pwd)/$(basename "$t")
    gen_goldens_for "$t" "$here/golden/$(basename "$(dirname "$t")")"
    echo "goldens for $(basename "$(dirname "$t")")/$(basename "$t")"
  done
}

# Writes decoder/v1-cuts.txt: per prefix of V1_CUTS, "trace length events message", the events
# go tool trace -d=parsed printed before failing and its error message.
gen_v1_cuts() {
  local out="$here/decoder/v1-cuts.txt" cut t n events
  : > "$out"
  for cut in "${V1_CUTS[@]}"; do
    read -r t n <<< "$cut"
    head -c "$n" "$here/traces/$t.trace" > "$tmp/prefix.trace"
    if TZ=UTC "$tmp/gotrace" -d=parsed "$tmp/prefix.trace" > "$tmp/prefix.out" 2>&1; then
      die "$t cut at $n: go tool trace read it, want an error"
    fi
    events=$(grep -c '^M=' "$tmp/prefix.out" || true)
    printf '%s %s %s %s\n' "$t" "$n" "$events" "$(tail -n 1 "$tmp/prefix.out")" >> "$out"
  done
}

# Writes golden/go$REF/<prog>.pprof-<type>.group-<name>.txt for each of GROUP_PROFILES: `go tool
# pprof -raw` of the profile go tool trace's web server gives for that goroutine name (?raw=1).
gen_group_profiles() {
  local entry p typ name path t log pid url i
  for entry in "${GROUP_PROFILES[@]}"; do
    read -r p typ name <<< "$entry"
    case $typ in net) path=io ;; sync) path=block ;; *) path=$typ ;; esac
    t="$here/traces/go$REF/$p.trace"
    log="$tmp/server-$p.log"
    BROWSER=true "$tmp/gotrace" -http=127.0.0.1:0 "$t" 2> "$log" &
    pid=$!
    url=""
    for i in $(seq 1 120); do
      url=$(sed -n 's/.*Trace viewer is listening on \(http:[^ ]*\).*/\1/p' "$log")
      [ -n "$url" ] && break
      sleep 0.5
    done
    [ -n "$url" ] || { kill "$pid"; cat "$log" >&2; die "$t: go tool trace -http did not start"; }
    curl -sf --get --data-urlencode "name=$name" --data-urlencode raw=1 "$url/$path" > "$tmp/group.pb" \
      || { kill "$pid"; die "$t: no $path profile for goroutine group $name"; }
    kill "$pid"
    wait "$pid" 2> /dev/null || true
    "$tmp/gopprof" -raw "$tmp/group.pb" > "$here/golden/go$REF/$p.pprof-$typ.group-$name.txt" 2> "$tmp/pprof.err" \
      || { cat "$tmp/pprof.err" >&2; die "$t: go tool pprof -raw failed for the $typ profile of $name"; }
    echo "group profile go$REF/$p $typ $name"
  done
}

# Number of samples (lines with a count and a value) in a `pprof -raw` listing.
sample_count() { awk '/^Samples:/{s=1;next} /^Locations/{s=0} s && /^ *[0-9]+ +[0-9]+:/{n++} END{print n+0}' "$1"; }

# Number of events of one kind in a parsed golden.
event_count() { # golden-dir program kind
  gzip -dc "$1/$2.parsed.txt.gz" | grep -c "^M=-\?[0-9]* P=-\?[0-9]* G=-\?[0-9]* $3 " || true
}

# Whether a parsed golden contains a fixed string (reading all of it: grep -q would end the
# pipe early, which pipefail reports as a failure).
parsed_has() { # golden-dir program string
  [ "$(gzip -dc "$1/$2.parsed.txt.gz" | grep -cF "$3" || true)" -gt 0 ]
}

# Fails unless every golden shows what its program is there to exercise.
check_goldens() {
  local d v p bad=0
  complain() { echo "generate.sh: $v/$p: $*" >&2; bad=1; }
  has_group() { # name count
    grep -qF "{\"name\":\"$1\",\"goroutines\":$2," "$d/$p.summary.json" || complain "no goroutine group $1 of $2"
  }
  for d in "$here"/golden/go*/; do
    v=$(basename "$d")
    for p in "${ALL_PROGRAMS[@]}"; do
      [ -f "$d/$p.summary.json" ] || { complain "missing goldens"; continue; }
      [ "$(event_count "$d" "$p" Sync)" -ge 2 ] || complain "fewer than two Sync events"
      [ "$(sample_count "$d/$p.pprof-sched.txt")" -gt 0 ] || complain "empty sched profile"
    done
    p=chansync
    [ "$(sample_count "$d/$p.pprof-sync.txt")" -gt 0 ] || complain "empty sync profile"
    has_group main.mutexContention.func1 8
    has_group main.rwMutexContention.func2 6
    has_group main.condBroadcast.func1 6
    p=nethttp
    [ "$(sample_count "$d/$p.pprof-net.txt")" -gt 0 ] || complain "empty net profile"
    grep -qF '{"name":"net/http.(*conn).serve",' "$d/$p.summary.json" || complain "no HTTP server goroutines"
    p=syscalls
    [ "$(sample_count "$d/$p.pprof-syscall.txt")" -gt 0 ] || complain "empty syscall profile"
    [ "$(sample_count "$d/$p.pprof-net.txt")" -gt 0 ] || complain "no poller wait on the os.Pipe"
    p=gcpressure
    has_group main.allocate 4
    parsed_has "$d" "$p" 'Name="GC mark assist"' || complain "no mark assists"
    p=annotations
    [ "$(grep -c '"name":"request",.*"complete":true' "$d/$p.summary.json")" -eq 3 ] || complain "not 3 complete request tasks"
    [ "$(grep -c '"name":"shard",.*"complete":true' "$d/$p.summary.json")" -eq 12 ] || complain "not 12 complete shard tasks"
    p=cpuprofile
    [ "$(event_count "$d" "$p" StackSample)" -gt 0 ] || complain "no CPU samples"
    p=manygoroutines
    has_group main.compute 1000
    has_group main.waitThenCompute 1000
    if [ "$v" = "go$REF" ]; then
      p=leaks
      has_group main.waitForever 3
      has_group main.selectForever 2
      grep -qF '{"name":"main.lockForever",' "$d/$p.summary.json" || complain "no main.lockForever"
    fi
    case $v in
      go1.19|go1.21) ;;
      *)
        for p in annotations manygoroutines cpuprofile mix; do
          [ "$(event_count "$d" "$p" Sync)" -ge 3 ] || complain "only one generation"
        done
        p=cpuprofile
        parsed_has "$d" "$p" 'gomaxprocs:threads" Value=Value{Uint64(1)}' || complain "GOMAXPROCS never 1"
        parsed_has "$d" "$p" 'gomaxprocs:threads" Value=Value{Uint64(4)}' || complain "GOMAXPROCS never 4"
        ;;
    esac
  done
  [ "$bad" -eq 0 ] || die "some goldens do not show what their program exercises (see above)"
}

# Opens a profile written by `gotrace-sql pprof --sql` (the sync profile of one goroutine group) with
# Go 1.27's pprof, to prove the consumer accepts our files. Nothing is stored: goldens never come
# from our own output.
check_pprof_consumer() {
  local t="$here/traces/go1.27/chansync.trace" out="$tmp/sql-profile.pb.gz" group=main.mutexContention.func1
  "$here/../bin/gotrace-sql" pprof "$t" --no-cache -o "$out" --sql "SELECT p.stack_id, COUNT(*) AS contentions,
      SUM(p.delay_ns) AS delay_ns FROM _profile_intervals p JOIN goroutines g ON g.goid = p.goid
      WHERE p.profile = 'sync' AND g.name = '$group' GROUP BY p.stack_id" || die "gotrace-sql pprof --sql failed"
  "$tmp/gopprof" -top "$out" > "$tmp/top.txt" 2> "$tmp/pprof.err" \
    || { cat "$tmp/pprof.err" >&2; die "go tool pprof -top does not open gotrace-sql's profile"; }
  grep -qF "sync.(*Mutex).Lock" "$tmp/top.txt" || { cat "$tmp/top.txt" >&2; die "go tool pprof -top: no sync.(*Mutex).Lock"; }
  echo "go tool pprof -top opens gotrace-sql pprof --sql's profile of $group:"
  cat "$tmp/top.txt"
}

# Rewrites the part of README.md between the generated markers: versions, sizes, and per
# trace its event count (lines that start an event in -d=parsed), generations (Sync events)
# and sample counts of the four profiles.
gen_readme() {
  local readme="$here/README.md" d t p v ev sy line typ
  {
    echo "<!-- generated:begin (by generate.sh; do not edit by hand) -->"
    echo "Toolchains (\`go version\`):"
    echo
    for d in "$here"/traces/go*/; do
      v=$(basename "$d"); v=${v#go}
      echo "- go$v: \`$(cat "$d/VERSION")\`"
    done
    echo "- goldens: \`$(clean_env "$(goroot "$REF")/bin/go" version)\`"
    echo
    echo "Sizes: traces $(du -sb "$here/traces" | cut -f1) bytes, goldens $(du -sb "$here/golden" | cut -f1) bytes," \
      "all of testdata/ (without large/) $(du -sb --exclude=large "$here" | cut -f1) bytes."
    echo
    echo "Events: lines that start an event in \`-d=parsed\`. Generations: Sync events minus one (the reader"
    echo "emits one Sync before each generation and one at the end)."
    echo
    echo "| trace | bytes | events | Sync events | samples net/sync/syscall/sched |"
    echo "| --- | ---: | ---: | ---: | --- |"
    for d in "$here"/traces/go*/; do
      v=$(basename "$d")
      for t in "$d"*.trace; do
        p=$(basename "$t" .trace)
        ev=$(gzip -dc "$here/golden/$v/$p.parsed.txt.gz" | grep -c '^M=-\?[0-9]* P=-\?[0-9]* G=-\?[0-9]* ')
        sy=$(event_count "$here/golden/$v" "$p" Sync)
        line=""
        for typ in "${PPROF_TYPES[@]}"; do
          line="$line${line:+/}$(sample_count "$here/golden/$v/$p.pprof-$typ.txt")"
        done
        echo "| $v/$p.trace | $(stat -c %s "$t") | $ev | $sy | $line |"
      done
    done
    echo "<!-- generated:end -->"
  } > "$tmp/generated.md"
  awk -v gen="$tmp/generated.md" '
    /^<!-- generated:begin/ { while ((getline l < gen) > 0) print l; skip=1; next }
    /^<!-- generated:end/ { skip=0; next }
    !skip { print }' "$readme" > "$tmp/README.md"
  mv "$tmp/README.md" "$readme"
}

record_version() { # version
  clean_env "$(goroot "$1")/bin/go" version > "$here/traces/go$1/VERSION"
}

# Writes scenarios/<prog>.trace for each scenario program, with Go 1.27.
gen_scenarios() {
  local out="$here/scenarios" p bin
  require_go "$REF"
  mkdir -p "$out"
  for p in "${SCENARIO_PROGRAMS[@]}"; do
    bin="$tmp/$p-scenario"
    build_program "$REF" "$p" "$bin"
    clean_env "$bin" "$out/$p.trace"
    echo "scenarios/$p.trace $(stat -c %s "$out/$p.trace") bytes"
  done
  clean_env "$(goroot "$REF")/bin/go" version > "$out/VERSION"
}

gen_large() { # dir
  local dir=${1:-$here/large} bin="$tmp/mix-large" mb out
  require_go "$REF"
  mkdir -p "$dir"
  build_program "$REF" mix "$bin"
  for mb in "${LARGE_SIZES_MB[@]}"; do
    out="$dir/mix-${mb}mb.trace"
    clean_env "$bin" -duration 10s -min-size $((mb * 1024 * 1024)) -scale 50 "$out"
    echo "$out: $(stat -c %s "$out") bytes"
  done
}

all_versions() {
  local v
  for v in "${V1_VERSIONS[@]}" "${V2_VERSIONS[@]}"; do
    if installed "$v"; then
      echo "$v"
    else
      case " ${V2_VERSIONS[*]} " in
        *" $v "*) require_go "$v" ;;
        *) echo "generate.sh: skipping optional Go $v (not installed)" >&2 ;;
      esac
    fi
  done
}

mode=${1:-all}
case $mode in
  all)
    for v in $(all_versions); do gen_traces "$v"; record_version "$v"; done
    gen_goldens
    gen_group_profiles
    gen_v1_cuts
    build_decoder_helper
    gen_decoder_goldens
    check_goldens
    check_pprof_consumer
    gen_readme
    gen_scenarios
    ;;
  traces)
    shift
    versions=("$@"); [ ${#versions[@]} -gt 0 ] || mapfile -t versions < <(all_versions)
    for v in "${versions[@]}"; do gen_traces "$v"; record_version "$v"; done
    ;;
  goldens)
    shift
    gen_goldens "$@"
    [ $# -gt 0 ] || { gen_group_profiles; gen_v1_cuts; }
    check_goldens
    check_pprof_consumer
    gen_readme
    ;;
  pprof-check)
    build_tools
    check_pprof_consumer
    ;;
  group-profiles)
    build_tools
    gen_group_profiles
    ;;
  helper-goldens)
    build_tools
    for d in "$here"/traces/go*/; do
      for t in "$d"*.trace; do
        gen_helper_goldens_for "$t" "$here/golden/$(basename "$d")"
      done
    done
    check_goldens
    ;;
  v1-cuts)
    build_tools
    gen_v1_cuts
    ;;
  decoder-goldens)
    build_decoder_helper
    gen_decoder_goldens
    ;;
  scenarios)
    gen_scenarios
    ;;
  large)
    gen_large "${2:-}"
    ;;
  *)
    die "unknown mode '$mode' (want: all, traces [VERSION...], goldens [TRACE...], helper-goldens, v1-cuts, decoder-goldens, scenarios, pprof-check, group-profiles, large [DIR])"
    ;;
esac
