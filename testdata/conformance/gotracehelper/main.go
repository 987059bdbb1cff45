// Command gotracehelper runs Go 1.27's internal/trace reader for gotrace-sql's decoder tests
// (built and run by testdata/generate.sh decoder-goldens; see ../expected-counts.md).
//
//	gotracehelper counts DIR      event count and outcome of every DIR/*.test
//	gotracehelper specs           the event spec table
//	gotracehelper bin TEST OUT    the binary trace of a .test file
//	gotracehelper cuts TRACE      what go tool trace keeps of TRACE cut at batch boundaries and inside batches
//	                              (lines: offset, events kept (-1: nothing useful), valid bytes, outcome)
//	gotracehelper digest TRACE    event count and SHA-256 of the -d=parsed text of TRACE
//	gotracehelper corpus DIR      event count, digest and outcome of every Go fuzz corpus file in DIR
//	gotracehelper sort            slices.SortFunc permutations of pseudo-random keys with many ties
package main

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"internal/trace"
	"internal/trace/testtrace"
	"internal/trace/tracev2"
)

func main() {
	switch os.Args[1] {
	case "counts":
		files, _ := filepath.Glob(filepath.Join(os.Args[2], "*.test"))
		for _, f := range files {
			r, _, _, err := testtrace.ParseFile(f)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			n, sum, outcome := count(r)
			fmt.Printf("%s %d %x %s\n", filepath.Base(f), n, sum, outcome)
		}
	case "specs":
		for i, s := range tracev2.Specs() {
			if s.Name == "" {
				continue
			}
			fmt.Printf("%d %s args=%s strings=%v stacks=%v start=%d timed=%v data=%v stack=%v exp=%d\n", i, s.Name,
				strings.Join(s.Args, ","), s.StringIDs, s.StackIDs, s.StartEv, s.IsTimedEvent, s.HasData, s.IsStack, s.Experiment)
		}
	case "cuts":
		data, err := os.ReadFile(os.Args[2])
		if err != nil {
			panic(err)
		}
		for _, off := range cutOffsets(data) {
			kept, valid, err := parseTrace(data[:off])
			msg := "ok"
			if err != nil {
				msg = "error " + strings.ReplaceAll(err.Error(), "\n", " ")
			}
			fmt.Printf("%d %d %d %s\n", off, kept, valid, msg)
		}
	case "sort":
		sizes := []int{}
		for n := 1; n <= 40; n++ {
			sizes = append(sizes, n)
		}
		sizes = append(sizes, 49, 50, 51, 64, 100, 257, 1000, 4096)
		for _, n := range sizes {
			for _, spread := range []uint64{1, 3, uint64(n/3 + 1), uint64(4 * n)} {
				type elem struct{ key, id uint64 }
				x := uint64(n)*1000 + spread
				data := make([]elem, n)
				for i := range data {
					x = x*6364136223846793005 + 1442695040888963407
					data[i] = elem{(x >> 33) % spread, uint64(i)}
				}
				slices.SortFunc(data, func(a, b elem) int { return cmp.Compare(a.key, b.key) })
				fmt.Printf("%d %d", n, spread)
				for _, e := range data {
					fmt.Printf(" %d", e.id)
				}
				fmt.Println()
			}
		}
	case "digest":
		f, err := os.Open(os.Args[2])
		if err != nil {
			panic(err)
		}
		n, sum, outcome := count(f)
		fmt.Printf("%d %x %s\n", n, sum, outcome)
	case "corpus":
		files, _ := filepath.Glob(filepath.Join(os.Args[2], "*"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				panic(err)
			}
			// "go test fuzz v1" then one []byte("...") line.
			lines := strings.SplitN(string(data), "\n", 3)
			lit := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(lines[1]), "[]byte("), ")")
			b, err := strconv.Unquote(lit)
			if err != nil {
				panic(err)
			}
			n, sum, outcome := count(bytes.NewReader([]byte(b)))
			fmt.Printf("%s %d %x %s\n", filepath.Base(f), n, sum, outcome)
		}
	case "raw":
		files, _ := filepath.Glob(filepath.Join(os.Args[2], "*"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				panic(err)
			}
			func() {
				defer func() {
					if p := recover(); p != nil {
						fmt.Printf("%s 0 - panic\n", filepath.Base(f))
					}
				}()
				n, sum, outcome := count(bytes.NewReader(data))
				fmt.Printf("%s %d %x %s\n", filepath.Base(f), n, sum, outcome)
			}()
		}
	case "bin":
		r, _, _, err := testtrace.ParseFile(os.Args[2])
		if err != nil {
			panic(err)
		}
		b, _ := io.ReadAll(r)
		os.WriteFile(os.Args[3], b, 0o644)
	}
}

// count reads events until EOF or an error, returning how many were read, the SHA-256 of
// their Event.String() texts (each followed by a newline, as go tool trace -d=parsed prints
// them) and the outcome.
func count(r io.Reader) (int, []byte, string) {
	h := sha256.New()
	tr, err := trace.NewReader(r)
	if err != nil {
		return 0, h.Sum(nil), "error " + err.Error()
	}
	n := 0
	for {
		ev, err := tr.ReadEvent()
		if err == io.EOF {
			return n, h.Sum(nil), "ok"
		}
		if err != nil {
			return n, h.Sum(nil), "error " + strings.ReplaceAll(err.Error(), "\n", " ")
		}
		fmt.Fprintln(h, ev.String())
		n++
	}
}

// countingReader counts the bytes read from the underlying reader, as in cmd/trace.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// parseTrace is cmd/trace's parseTrace (src/cmd/trace/main.go) without the summarizer: it keeps
// the events up to and including the last Sync and reports the bytes read at that point. kept is
// -1 when nothing useful was read (cmd/trace fails).
func parseTrace(data []byte) (kept int, valid int64, err error) {
	cr := &countingReader{r: bytes.NewReader(data)}
	r, err := trace.NewReader(cr)
	if err != nil {
		return -1, 0, err
	}
	n := 0
	for {
		ev, rerr := r.ReadEvent()
		if rerr == io.EOF {
			valid = cr.n
			kept = n
			break
		}
		if rerr != nil {
			err = rerr
			break
		}
		n++
		if ev.Kind() == trace.EventSync {
			valid = cr.n
			kept = n
		}
	}
	if kept == 0 {
		return -1, 0, err
	}
	return kept, valid, err
}

// cutOffsets lists every batch boundary of a v2 trace, plus, for every fourth batch, one offset
// inside its header and one inside its payload.
func cutOffsets(data []byte) []int {
	offs := []int{0, 8, 16}
	p := 16
	for batch := 0; p < len(data); batch++ {
		start := p
		typ := data[p]
		p++
		if typ == byte(tracev2.EvEndOfGeneration) {
			offs = append(offs, p)
			continue
		}
		if typ == byte(tracev2.EvExperimentalBatch) {
			p++
		}
		var size uint64
		for i := 0; i < 4; i++ {
			v, n := binary.Uvarint(data[p:])
			if n <= 0 {
				panic("bad batch header")
			}
			p += n
			size = v
		}
		if batch%4 == 0 {
			offs = append(offs, start+2, p+int(size)/2)
		}
		p += int(size)
		offs = append(offs, p)
	}
	return offs
}
