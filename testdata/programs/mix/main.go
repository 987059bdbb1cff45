// Command mix writes an execution trace of a longer-running mix of every
// workload the other programs exercise: tasks and regions around rounds of
// channel ping-pong, mutex contention, short-lived goroutines, loopback HTTP
// requests, file I/O, sleeps and allocation bursts, with the CPU profiler on.
// Its default run lasts past one second, the default generation period, so the
// trace spans more than one generation;
// with -min-size it keeps going until the trace file is at least that large,
// which is how the benchmark trace is made.
//
// -scale multiplies the channel ping-pong and goroutine spawning per round, for a denser trace.
//
// Usage: mix [-duration 1.3s] [-min-size BYTES] [-scale N] OUT.trace
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"sync"
	"time"
)

func main() {
	duration := flag.Duration("duration", 1300*time.Millisecond, "minimum wall time to trace")
	minSize := flag.Int64("min-size", 0, "minimum trace file size in bytes")
	scale := flag.Int("scale", 1, "multiplier for the channel and goroutine work per round")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: mix [-duration D] [-min-size BYTES] [-scale N] OUT.trace")
		os.Exit(2)
	}
	out := flag.Arg(0)
	runtime.GOMAXPROCS(2)
	f, err := os.Create(out)
	if err != nil {
		panic(err)
	}
	if err := pprof.StartCPUProfile(io.Discard); err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	w := newWorld(*scale)
	start := time.Now()
	for round := 0; ; round++ {
		w.round(round)
		if time.Since(start) >= *duration && (*minSize == 0 || size(out) >= *minSize) {
			break
		}
	}
	w.close()
	trace.Stop()
	pprof.StopCPUProfile()
	if err := f.Close(); err != nil {
		panic(err)
	}
}

func size(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		panic(err)
	}
	return fi.Size()
}

// world holds the long-lived parts: an HTTP server on loopback, a scratch directory, a
// ping-pong partner and mutex workers, so that a round adds only a few goroutines.
type world struct {
	srv        *http.Server
	served     chan error
	base       string
	client     *http.Client
	dir        string
	keep       [][]byte
	scale      int
	ping, pong chan int
	mu         sync.Mutex
	mutexJobs  chan *sync.WaitGroup
}

const (
	mutexWorkers = 3
	mutexIters   = 10
)

func newWorld(scale int) *world {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(rw http.ResponseWriter, r *http.Request) {
		time.Sleep(500 * time.Microsecond)
		io.WriteString(rw, "ok\n")
	})
	dir, err := os.MkdirTemp("", "gotrace-mix")
	if err != nil {
		panic(err)
	}
	w := &world{
		srv:       &http.Server{Handler: mux},
		served:    make(chan error, 1),
		base:      "http://" + ln.Addr().String() + "/",
		client:    &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}},
		dir:       dir,
		scale:     scale,
		ping:      make(chan int),
		pong:      make(chan int),
		mutexJobs: make(chan *sync.WaitGroup),
	}
	go func() { w.served <- w.srv.Serve(ln) }()
	go w.partner()
	for i := 0; i < mutexWorkers; i++ {
		go w.mutexWorker()
	}
	return w
}

func (w *world) close() {
	close(w.ping)
	<-w.pong
	close(w.mutexJobs)
	w.client.CloseIdleConnections()
	if err := w.srv.Close(); err != nil {
		panic(err)
	}
	if err := <-w.served; err != http.ErrServerClosed {
		panic(err)
	}
	os.RemoveAll(w.dir)
}

// round runs every workload once inside a task, in four regions.
func (w *world) round(n int) {
	ctx, task := trace.NewTask(context.Background(), "round")
	defer task.End()
	trace.Logf(ctx, "round", "%d", n)
	trace.WithRegion(ctx, "sync", func() {
		w.pingPong(50 * w.scale)
		w.mutexContention()
	})
	trace.WithRegion(ctx, "spawn", func() { spawn(ctx, 2*w.scale) })
	trace.WithRegion(ctx, "io", func() {
		w.request(ctx)
		w.fileIO(n)
	})
	trace.WithRegion(ctx, "compute", func() {
		w.allocate()
		burn(2 * time.Millisecond)
	})
	// No runtime.GC here: it waits for sweeping by calling Gosched in a loop, which
	// floods the trace; the allocations above bring on collections by themselves.
	time.Sleep(6 * time.Millisecond)
}

// partner answers every ping with a pong until ping is closed.
func (w *world) partner() {
	for v := range w.ping {
		w.pong <- v
	}
	close(w.pong)
}

func (w *world) pingPong(n int) {
	for i := 0; i < n; i++ {
		w.ping <- i
		<-w.pong
	}
}

// mutexWorker takes the shared mutex mutexIters times per job, sleeping while holding it.
func (w *world) mutexWorker() {
	for done := range w.mutexJobs {
		for j := 0; j < mutexIters; j++ {
			w.mu.Lock()
			time.Sleep(20 * time.Microsecond)
			w.mu.Unlock()
		}
		done.Done()
	}
}

// mutexContention has the workers and the caller contend for the shared mutex.
func (w *world) mutexContention() {
	var wg sync.WaitGroup
	wg.Add(mutexWorkers)
	for i := 0; i < mutexWorkers; i++ {
		w.mutexJobs <- &wg
	}
	for j := 0; j < mutexIters; j++ {
		w.mu.Lock()
		time.Sleep(20 * time.Microsecond)
		w.mu.Unlock()
	}
	wg.Wait()
}

// spawn starts n short goroutines; the first runs a region of the round's task.
func spawn(ctx context.Context, n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if i == 0 {
				trace.WithRegion(ctx, "spawned", func() {})
			}
		}(i)
	}
	wg.Wait()
}

func (w *world) request(ctx context.Context) {
	resp, err := w.client.Get(w.base)
	if err != nil {
		panic(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	trace.Log(ctx, "http", resp.Status)
}

func (w *world) fileIO(n int) {
	name := filepath.Join(w.dir, fmt.Sprintf("f%d", n%4))
	data := make([]byte, 16<<10)
	if err := os.WriteFile(name, data, 0o600); err != nil {
		panic(err)
	}
	if _, err := os.ReadFile(name); err != nil {
		panic(err)
	}
}

// allocate makes small objects, keeping some: enough garbage for a few collections
// over a run, in few enough spans that background sweeping stays short.
func (w *world) allocate() {
	for i := 0; i < 2000; i++ {
		b := make([]byte, 128)
		b[0] = byte(i)
		if i%100 == 0 {
			w.keep = append(w.keep, b)
		}
	}
	if len(w.keep) > 1000 {
		w.keep = w.keep[:0]
	}
}

//go:noinline
func burn(d time.Duration) uint64 {
	end := time.Now().Add(d)
	h := uint64(14695981039346656037)
	for time.Now().Before(end) {
		for i := 0; i < 10000; i++ {
			h ^= uint64(i)
			h *= 1099511628211
		}
	}
	return h
}
