// Command cpuprofile writes an execution trace while the CPU profiler runs, so
// the trace holds CPU samples from CPU-burning goroutines, and changes
// GOMAXPROCS during the trace (to 1, up to 4, back to 2).
//
// Usage: cpuprofile OUT.trace
package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"sync"
	"time"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: cpuprofile OUT.trace")
		os.Exit(2)
	}
	// A fixed starting point keeps the sequence of GOMAXPROCS values the same on any machine.
	runtime.GOMAXPROCS(2)
	if err := pprof.StartCPUProfile(io.Discard); err != nil {
		panic(err)
	}
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	burnAll(3, 120*time.Millisecond)
	runtime.GOMAXPROCS(1)
	burnAll(3, 80*time.Millisecond)
	runtime.GOMAXPROCS(4)
	burnAll(4, 80*time.Millisecond)
	runtime.GOMAXPROCS(2)
	burnAll(2, 60*time.Millisecond)
	trace.Stop()
	pprof.StopCPUProfile()
	if err := f.Close(); err != nil {
		panic(err)
	}
}

// burnAll runs n goroutines that each compute for d of wall time.
func burnAll(n int, d time.Duration) {
	var wg sync.WaitGroup
	results := make([]uint64, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = burn(d)
		}(i)
	}
	wg.Wait()
}

// burn hashes in a loop until d has passed, checking the clock only now and then.
//
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
