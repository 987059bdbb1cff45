// Copyright 2026 The gotrace-sql authors. Parts follow the Go Authors' cmd/trace
// (BSD-style license, see testdata/conformance/LICENSE).

// Command gotracehelper reads one Go execution trace with Go's own reader
// (internal/trace) and writes the goroutine/task/region summary and the MMU
// values that the goldens in testdata/golden hold.
//
// It imports internal/trace, so it only builds as part of the Go source tree;
// testdata/generate.sh builds it with `go build -overlay`, placing this file at
// $GOROOT/src/cmd/gotracehelper/main.go without writing into the tree.
//
// Usage: gotracehelper TRACE SUMMARY.json MMU.json PROFILES.json.gz RELATED.json.gz HISTOGRAMS.json
package main

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"internal/trace"
	"internal/trace/traceviewer"
	"io"
	"os"
	"slices"
	"strings"
	"time"
)

func main() {
	if len(os.Args) != 7 {
		fmt.Fprintln(os.Stderr, "usage: gotracehelper TRACE SUMMARY.json MMU.json PROFILES.json.gz RELATED.json.gz HISTOGRAMS.json")
		os.Exit(2)
	}
	parsed, err := parse(os.Args[1])
	if err != nil {
		fail(err)
	}
	if err := os.WriteFile(os.Args[2], summaryJSON(parsed), 0o644); err != nil {
		fail(err)
	}
	if err := os.WriteFile(os.Args[3], mmuJSON(parsed.events), 0o644); err != nil {
		fail(err)
	}
	if err := os.WriteFile(os.Args[4], gzipped(profilesJSON(parsed)), 0o644); err != nil {
		fail(err)
	}
	if err := os.WriteFile(os.Args[5], gzipped(relatedJSON(parsed)), 0o644); err != nil {
		fail(err)
	}
	if err := os.WriteFile(os.Args[6], histogramsJSON(parsed), 0o644); err != nil {
		fail(err)
	}
}

type relatedGoroutines struct {
	ID      int64   `json:"id"`
	Related []int64 `json:"related"`
}

// relatedJSON: for every goroutine of the summary, trace.RelatedGoroutinesV2 (the goroutines
// the goroutine-oriented timeline shows), sorted, one goroutine per line.
func relatedJSON(t *parsedTrace) []byte {
	var ids []trace.GoID
	for id := range t.summary.Goroutines {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var out []any
	for _, id := range ids {
		r := relatedGoroutines{ID: int64(id), Related: []int64{}}
		for g := range trace.RelatedGoroutinesV2(t.events, id) {
			r.Related = append(r.Related, int64(g))
		}
		slices.Sort(r.Related)
		out = append(out, r)
	}
	var buf bytes.Buffer
	buf.WriteString("{\n")
	writeArray(&buf, "goroutines", out, "")
	buf.WriteString("}\n")
	return buf.Bytes()
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gotracehelper:", err)
	os.Exit(1)
}

type parsedTrace struct {
	events  []trace.Event
	summary *trace.Summary
}

// parse reads every event and feeds each to a Summarizer, as cmd/trace's parseTrace
// does, including keeping only the events up to the last Sync if the trace is broken.
func parse(path string) (*parsedTrace, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := trace.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("failed to create trace reader: %w", err)
	}
	s := trace.NewSummarizer()
	t := new(parsedTrace)
	validEvents := 0
	var readErr error
	for {
		ev, err := r.ReadEvent()
		if err == io.EOF {
			validEvents = len(t.events)
			break
		}
		if err != nil {
			readErr = err
			break
		}
		t.events = append(t.events, ev)
		s.Event(&t.events[len(t.events)-1])
		if ev.Kind() == trace.EventSync {
			validEvents = len(t.events)
		}
	}
	if validEvents == 0 {
		return nil, fmt.Errorf("failed to parse any useful part of the trace: %v", readErr)
	}
	if readErr != nil {
		fmt.Fprintln(os.Stderr, "gotracehelper: warning: trace truncated after error:", readErr)
	}
	t.summary = s.Finalize()
	t.events = t.events[:validEvents]
	return t, nil
}

type execStats struct {
	TotalTime         int64            `json:"total_time"`
	ExecTime          int64            `json:"exec_time"`
	SchedWaitTime     int64            `json:"sched_wait_time"`
	SyscallTime       int64            `json:"syscall_time"`
	SyscallBlockTime  int64            `json:"syscall_block_time"`
	BlockTimeByReason map[string]int64 `json:"block_time_by_reason"`
	RangeTime         map[string]int64 `json:"range_time"`
	NonOverlapping    map[string]int64 `json:"non_overlapping"`
}

func statsOf(s trace.GoroutineExecStats) execStats {
	return execStats{
		TotalTime:         int64(s.TotalTime),
		ExecTime:          int64(s.ExecTime),
		SchedWaitTime:     int64(s.SchedWaitTime),
		SyscallTime:       int64(s.SyscallTime),
		SyscallBlockTime:  int64(s.SyscallBlockTime),
		BlockTimeByReason: nanos(s.BlockTimeByReason),
		RangeTime:         nanos(s.RangeTime),
		NonOverlapping:    nanos(s.NonOverlappingStats()),
	}
}

// nanos converts a duration map; encoding/json writes its keys sorted.
func nanos(m map[string]time.Duration) map[string]int64 {
	out := make(map[string]int64, len(m))
	for k, v := range m {
		out[k] = int64(v)
	}
	return out
}

type goroutineJSON struct {
	ID           int64  `json:"id"`
	Name         string `json:"name"`
	PC           uint64 `json:"pc"`
	CreationTime int64  `json:"creation_time"`
	StartTime    int64  `json:"start_time"`
	EndTime      int64  `json:"end_time"`
	execStats
}

type groupJSON struct {
	Name       string `json:"name"`
	Goroutines int    `json:"goroutines"`
	ExecTime   int64  `json:"exec_time"`
	ExecPct    string `json:"exec_pct"`
}

type taskJSON struct {
	ID         uint64  `json:"id"`
	Name       string  `json:"name"`
	Parent     *uint64 `json:"parent"`
	Start      *int64  `json:"start"`
	End        *int64  `json:"end"`
	Complete   bool    `json:"complete"`
	Goroutines []int64 `json:"goroutines"`
	Logs       int     `json:"logs"`
	Regions    int     `json:"regions"`
}

type regionJSON struct {
	GoID      int64  `json:"goid"`
	Task      uint64 `json:"task"`
	Name      string `json:"name"`
	Start     *int64 `json:"start"`
	End       *int64 `json:"end"`
	FrameFunc string `json:"frame_func"`
	FramePC   uint64 `json:"frame_pc"`
	execStats
}

func summaryJSON(t *parsedTrace) []byte {
	var goroutines []*trace.GoroutineSummary
	for _, g := range t.summary.Goroutines {
		goroutines = append(goroutines, g)
	}
	slices.SortFunc(goroutines, func(a, b *trace.GoroutineSummary) int { return cmp.Compare(a.ID, b.ID) })

	var gs, regions []any
	for _, g := range goroutines {
		gs = append(gs, goroutineJSON{
			ID: int64(g.ID), Name: g.Name, PC: g.PC,
			CreationTime: int64(g.CreationTime), StartTime: int64(g.StartTime), EndTime: int64(g.EndTime),
			execStats: statsOf(g.GoroutineExecStats),
		})
		for _, r := range g.Regions {
			frame := regionTopStackFrame(r)
			regions = append(regions, regionJSON{
				GoID: int64(g.ID), Task: uint64(r.TaskID), Name: r.Name,
				Start: eventTime(r.Start), End: eventTime(r.End),
				FrameFunc: frame.Func, FramePC: frame.PC,
				execStats: statsOf(r.GoroutineExecStats),
			})
		}
	}

	var tasks []*trace.UserTaskSummary
	for _, task := range t.summary.Tasks {
		tasks = append(tasks, task)
	}
	slices.SortFunc(tasks, func(a, b *trace.UserTaskSummary) int { return cmp.Compare(a.ID, b.ID) })
	var ts []any
	for _, task := range tasks {
		tj := taskJSON{
			ID: uint64(task.ID), Name: task.Name,
			Start: eventTime(task.Start), End: eventTime(task.End), Complete: task.Complete(),
			Goroutines: []int64{}, Logs: len(task.Logs), Regions: len(task.Regions),
		}
		if task.Parent != nil {
			id := uint64(task.Parent.ID)
			tj.Parent = &id
		}
		for id := range task.Goroutines {
			tj.Goroutines = append(tj.Goroutines, int64(id))
		}
		slices.Sort(tj.Goroutines)
		ts = append(ts, tj)
	}

	var buf bytes.Buffer
	fmt.Fprintf(&buf, "{\n\"trace_start\": %d,\n\"trace_end\": %d,\n",
		int64(t.events[0].Time()), int64(t.events[len(t.events)-1].Time()))
	writeArray(&buf, "goroutines", gs, ",")
	writeArray(&buf, "goroutine_groups", goroutineGroups(t.summary.Goroutines), ",")
	writeArray(&buf, "tasks", ts, ",")
	writeArray(&buf, "regions", regions, "")
	buf.WriteString("}\n")
	return buf.Bytes()
}

// writeArray writes one JSON array member with one element per line.
func writeArray(buf *bytes.Buffer, name string, elems []any, sep string) {
	fmt.Fprintf(buf, "%q: [", name)
	for i, e := range elems {
		if i > 0 {
			buf.WriteString(",")
		}
		buf.WriteString("\n  ")
		buf.Write(mustMarshal(e))
	}
	if len(elems) > 0 {
		buf.WriteString("\n")
	}
	fmt.Fprintf(buf, "]%s\n", sep)
}

func mustMarshal(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		fail(err)
	}
	return b
}

func eventTime(ev *trace.Event) *int64 {
	if ev == nil {
		return nil
	}
	t := int64(ev.Time())
	return &t
}

// goroutineGroups groups goroutines by name as cmd/trace's /goroutines page does,
// with each group's share of all execution time formatted as its /goroutine page
// formats it. Go sorts by execution time only (an unstable sort); ties here are
// broken by name so that the file is reproducible.
func goroutineGroups(summaries map[trace.GoID]*trace.GoroutineSummary) []any {
	type group struct {
		name     string
		n        int
		execTime time.Duration
	}
	byName := make(map[string]*group)
	var total time.Duration
	for _, g := range summaries {
		total += g.ExecTime
		grp := byName[g.Name]
		if grp == nil {
			grp = &group{name: g.Name}
			byName[g.Name] = grp
		}
		grp.n++
		grp.execTime += g.ExecTime
	}
	var groups []*group
	for _, grp := range byName {
		groups = append(groups, grp)
	}
	slices.SortFunc(groups, func(a, b *group) int {
		if c := cmp.Compare(b.execTime, a.execTime); c != 0 {
			return c
		}
		return cmp.Compare(a.name, b.name)
	})
	var out []any
	for _, grp := range groups {
		pct := ""
		if total > 0 {
			pct = fmt.Sprintf("%.2f%%", float64(grp.execTime)/float64(total)*100)
		}
		out = append(out, groupJSON{Name: grp.name, Goroutines: grp.n, ExecTime: int64(grp.execTime), ExecPct: pct})
	}
	return out
}

// regionTopStackFrame is the frame cmd/trace's /userregions page keys regions by:
// the last frame that the region's start stack yields.
func regionTopStackFrame(r *trace.UserRegionSummary) trace.StackFrame {
	var frame trace.StackFrame
	if r.Start != nil && r.Start.Stack() != trace.NoStack {
		for f := range r.Start.Stack().Frames() {
			frame = f
		}
	}
	return frame
}

var mmuWindows = []time.Duration{time.Millisecond, 10 * time.Millisecond, 100 * time.Millisecond}

var mmuFlagSets = []struct {
	name  string
	flags trace.UtilFlags
}{
	{"stw", trace.UtilSTW},
	{"stw|assist", trace.UtilSTW | trace.UtilAssist},
	{"stw|assist|background", trace.UtilSTW | trace.UtilAssist | trace.UtilBackground},
	{"stw|assist|background|sweep", trace.UtilSTW | trace.UtilAssist | trace.UtilBackground | trace.UtilSweep},
	{"stw|perproc", trace.UtilSTW | trace.UtilPerProc},
}

// mudQuantiles are the /mmu page's "Show percentiles" quantiles (traceviewer/mmu.go).
var mudQuantiles = []float64{0, 1 - .999, 1 - .99, 1 - .95}

type mmuResult struct {
	Flags string      `json:"flags"`
	MMU   []float64   `json:"mmu"`
	MUD   [][]float64 `json:"mud"`
}

func mmuJSON(events []trace.Event) []byte {
	var doc struct {
		WindowsNs    []int64     `json:"windows_ns"`
		MUDQuantiles []float64   `json:"mud_quantiles"`
		Results      []mmuResult `json:"results"`
	}
	doc.MUDQuantiles = mudQuantiles
	for _, w := range mmuWindows {
		doc.WindowsNs = append(doc.WindowsNs, int64(w))
	}
	for _, set := range mmuFlagSets {
		curve := trace.NewMMUCurve(trace.MutatorUtilizationV2(events, set.flags))
		res := mmuResult{Flags: set.name}
		for _, w := range mmuWindows {
			res.MMU = append(res.MMU, curve.MMU(w))
			res.MUD = append(res.MUD, curve.MUD(w, mudQuantiles))
		}
		doc.Results = append(doc.Results, res)
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		fail(err)
	}
	return append(b, '\n')
}

// The profiles cmd/trace serves restricted to a goroutine group (/io, /block, /syscall, /sched
// with ?name=N, linked from the /goroutine page) and to a region type (/regionio, /regionblock,
// /regionsyscall, /regionsched with ?type=T, linked from the /userregions page), restated from
// cmd/trace/pprof.go: pprofMatchingGoroutines, pprofMatchingRegions, makeComputePprofFunc,
// pprofOverlappingDuration and stackMap's keying by the first 128 PCs.

type interval struct{ start, end trace.Time }

func (i1 interval) overlap(i2 interval) time.Duration {
	if i1.end < i2.start || i2.end < i1.start {
		return 0
	}
	if i1.start < i2.start {
		i1.start = i2.start
	}
	if i1.end > i2.end {
		i1.end = i2.end
	}
	return i1.end.Sub(i1.start)
}

type profileKind struct {
	name   string
	state  trace.GoState
	reason func(string) bool
}

var profileKinds = []profileKind{
	{"net", trace.GoWaiting, func(r string) bool { return r == "network" }},
	{"sync", trace.GoWaiting, func(r string) bool {
		return strings.Contains(r, "chan") || strings.Contains(r, "sync") || strings.Contains(r, "select")
	}},
	{"syscall", trace.GoSyscall, func(string) bool { return true }},
	{"sched", trace.GoRunnable, func(string) bool { return true }},
}

const pprofMaxStack = 128

// sample is one profile record: count, delay in ns, and the FNV-1a 64 hash (hex) of its
// first 128 PCs as little-endian uint64s, the key cmd/trace's stackMap merges records by.
type sample struct {
	Count int64  `json:"count"`
	Delay int64  `json:"delay"`
	Stack string `json:"stack"`
}

type restrictedProfile struct {
	By      string   `json:"by"`
	Key     string   `json:"key"`
	Profile string   `json:"profile"`
	Samples []sample `json:"samples"`
}

func matchingGoroutines(name string, t *parsedTrace) map[trace.GoID][]interval {
	res := make(map[trace.GoID][]interval)
	for _, g := range t.summary.Goroutines {
		if name != "" && g.Name != name {
			continue
		}
		end := g.EndTime
		if end == 0 {
			end = t.events[len(t.events)-1].Time()
		}
		res[g.ID] = []interval{{g.StartTime, end}}
	}
	return res
}

func matchingRegions(typ string, t *parsedTrace) map[trace.GoID][]interval {
	res := make(map[trace.GoID][]interval)
	for _, g := range t.summary.Goroutines {
		for _, r := range g.Regions {
			if r.Name != typ {
				continue
			}
			i := interval{t.events[0].Time(), t.events[len(t.events)-1].Time()}
			if r.Start != nil {
				i.start = r.Start.Time()
			}
			if r.End != nil {
				i.end = r.End.Time()
			}
			res[g.ID] = append(res[g.ID], i)
		}
	}
	for g, intervals := range res {
		slices.SortFunc(intervals, func(a, b interval) int {
			if c := cmp.Compare(a.start, b.start); c != 0 {
				return c
			}
			return cmp.Compare(a.end, b.end)
		})
		var last trace.Time
		var n int
		for _, i := range intervals {
			if last <= i.start {
				intervals[n] = i
				last = i.end
				n++
			}
		}
		res[g] = intervals[:n]
	}
	return res
}

func computeProfile(kind profileKind, gToIntervals map[trace.GoID][]interval, events []trace.Event) []sample {
	type record struct{ count, delay int64 }
	records := make(map[[pprofMaxStack]uint64]*record)
	tracking := make(map[trace.GoID]*trace.Event)
	for i := range events {
		ev := &events[i]
		if ev.Kind() != trace.EventStateTransition {
			continue
		}
		st := ev.StateTransition()
		if st.Resource.Kind != trace.ResourceGoroutine {
			continue
		}
		id := st.Resource.Goroutine()
		_, next := st.Goroutine()
		startEv := tracking[id]
		if startEv == nil {
			if next == kind.state && kind.reason(st.Reason) {
				tracking[id] = ev
			}
			continue
		}
		if next == kind.state {
			continue
		}
		delete(tracking, id)
		var overlapping time.Duration
		for _, in := range gToIntervals[id] {
			if o := in.overlap(interval{startEv.Time(), ev.Time()}); o > 0 {
				overlapping += o
			}
		}
		if overlapping > 0 {
			var pcs [pprofMaxStack]uint64
			for j, f := range slices.Collect(startEv.Stack().Frames()) {
				if j >= len(pcs) {
					break
				}
				pcs[j] = f.PC
			}
			rec := records[pcs]
			if rec == nil {
				rec = new(record)
				records[pcs] = rec
			}
			rec.count++
			rec.delay += int64(overlapping)
		}
	}
	samples := []sample{}
	for pcs, rec := range records {
		samples = append(samples, sample{Count: rec.count, Delay: rec.delay, Stack: stackHash(pcs)})
	}
	slices.SortFunc(samples, func(a, b sample) int {
		if c := cmp.Compare(a.Stack, b.Stack); c != 0 {
			return c
		}
		return cmp.Compare(a.Delay, b.Delay)
	})
	return samples
}

// stackHash hashes the PCs up to the first zero (trailing zero PCs pad the key).
func stackHash(pcs [pprofMaxStack]uint64) string {
	h := fnv.New64a()
	var b [8]byte
	for _, pc := range pcs {
		if pc == 0 {
			break
		}
		binary.LittleEndian.PutUint64(b[:], pc)
		h.Write(b[:])
	}
	return fmt.Sprintf("%016x", h.Sum64())
}

// profilesJSON: for every goroutine group (name; "" is left out, as ?name= with no name means
// every goroutine) and every region type, the four profiles, one JSON element per line.
func profilesJSON(t *parsedTrace) []byte {
	names := make(map[string]bool)
	types := make(map[string]bool)
	for _, g := range t.summary.Goroutines {
		if g.Name != "" {
			names[g.Name] = true
		}
		for _, r := range g.Regions {
			types[r.Name] = true
		}
	}
	var out []any
	for _, by := range []struct {
		by   string
		keys map[string]bool
		f    func(string, *parsedTrace) map[trace.GoID][]interval
	}{{"goroutine_group", names, matchingGoroutines}, {"region_type", types, matchingRegions}} {
		keys := make([]string, 0, len(by.keys))
		for k := range by.keys {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			intervals := by.f(k, t)
			for _, kind := range profileKinds {
				out = append(out, restrictedProfile{By: by.by, Key: k, Profile: kind.name,
					Samples: computeProfile(kind, intervals, t.events)})
			}
		}
	}
	var buf bytes.Buffer
	buf.WriteString("{\n")
	writeArray(&buf, "profiles", out, "")
	buf.WriteString("}\n")
	return buf.Bytes()
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		fail(err)
	}
	if _, err := w.Write(b); err != nil {
		fail(err)
	}
	if err := w.Close(); err != nil {
		fail(err)
	}
	return buf.Bytes()
}

type regionHistogram struct {
	Type      string      `json:"type"`
	FrameFunc string      `json:"frame_func"`
	FramePC   uint64      `json:"frame_pc"`
	Count     int         `json:"count"`
	Buckets   map[int]int `json:"buckets"`
}

type taskHistogram struct {
	Type    string      `json:"type"`
	Count   int         `json:"count"`
	Buckets map[int]int `json:"buckets"`
}

// nonZero keeps a histogram's non-empty buckets, by index.
func nonZero(h *traceviewer.TimeHistogram) map[int]int {
	out := make(map[int]int)
	for i, n := range h.Buckets {
		if n > 0 {
			out[i] = n
		}
	}
	return out
}

// histogramsJSON: the duration histograms of cmd/trace's /userregions page (per region type and
// start frame, every region of the summary, regionInterval) and /usertasks page (per task type:
// Count of all tasks, histogram of the complete ones), as traceviewer.TimeHistogram buckets them,
// and BucketMin of buckets 0..59.
func histogramsJSON(t *parsedTrace) []byte {
	type fingerprint struct {
		typ string
		fn  string
		pc  uint64
	}
	regions := make(map[fingerprint]*traceviewer.TimeHistogram)
	start, end := t.events[0].Time(), t.events[len(t.events)-1].Time()
	for _, g := range t.summary.Goroutines {
		for _, r := range g.Regions {
			f := regionTopStackFrame(r)
			key := fingerprint{r.Name, f.Func, f.PC}
			if regions[key] == nil {
				regions[key] = new(traceviewer.TimeHistogram)
			}
			i := interval{start, end}
			if r.Start != nil {
				i.start = r.Start.Time()
			}
			if r.End != nil {
				i.end = r.End.Time()
			}
			regions[key].Add(i.end.Sub(i.start))
		}
	}
	var rs []any
	keys := make([]fingerprint, 0, len(regions))
	for k := range regions {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b fingerprint) int {
		if c := cmp.Compare(a.typ, b.typ); c != 0 {
			return c
		}
		return cmp.Compare(a.pc, b.pc)
	})
	for _, k := range keys {
		h := regions[k]
		rs = append(rs, regionHistogram{Type: k.typ, FrameFunc: k.fn, FramePC: k.pc, Count: h.Count, Buckets: nonZero(h)})
	}
	tasks := make(map[string]*taskHistogram)
	hists := make(map[string]*traceviewer.TimeHistogram)
	for _, task := range t.summary.Tasks {
		if tasks[task.Name] == nil {
			tasks[task.Name] = &taskHistogram{Type: task.Name}
			hists[task.Name] = new(traceviewer.TimeHistogram)
		}
		tasks[task.Name].Count++
		if task.Complete() {
			hists[task.Name].Add(task.End.Time().Sub(task.Start.Time()))
		}
	}
	var ts []any
	names := make([]string, 0, len(tasks))
	for n := range tasks {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		tasks[n].Buckets = nonZero(hists[n])
		ts = append(ts, tasks[n])
	}
	var mins []any
	var h traceviewer.TimeHistogram
	for b := 0; b < 60; b++ {
		mins = append(mins, int64(h.BucketMin(b)))
	}
	var buf bytes.Buffer
	buf.WriteString("{\n")
	writeArray(&buf, "regions", rs, ",")
	writeArray(&buf, "tasks", ts, ",")
	writeArray(&buf, "bucket_min", mins, "")
	buf.WriteString("}\n")
	return buf.Bytes()
}
