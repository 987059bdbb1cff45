// Command convoy writes an execution trace of a lock convoy: with GOMAXPROCS
// 4, four convoyWorker goroutines do all their work while holding one
// sync.Mutex, so at most one of them makes progress at a time and the other
// Ps stay idle, for 300 ms inside the region "convoy".
//
// Usage: convoy OUT.trace
package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/trace"
	"sync"
	"time"
)

const workers = 4

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: convoy OUT.trace")
		os.Exit(2)
	}
	runtime.GOMAXPROCS(workers)
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	trace.WithRegion(context.Background(), "convoy", func() {
		var mu sync.Mutex
		var wg sync.WaitGroup
		deadline := time.Now().Add(300 * time.Millisecond)
		for i := 0; i < workers; i++ {
			wg.Add(1)
			go convoyWorker(&mu, deadline, &wg)
		}
		wg.Wait()
	})
	trace.Stop()
	if err := f.Close(); err != nil {
		panic(err)
	}
}

// convoyWorker does 200 µs of CPU work per turn, always holding mu.
func convoyWorker(mu *sync.Mutex, deadline time.Time, wg *sync.WaitGroup) {
	defer wg.Done()
	for time.Now().Before(deadline) {
		mu.Lock()
		spin(200 * time.Microsecond)
		mu.Unlock()
	}
}

func spin(d time.Duration) {
	for start := time.Now(); time.Since(start) < d; {
	}
}
