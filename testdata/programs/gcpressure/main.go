// Command gcpressure writes an execution trace of allocation-heavy goroutines
// over a live heap, with explicit runtime.GC calls, so that the trace holds
// GC cycles, mark assists, sweeping, heap-size and heap-goal metrics.
//
// Usage: gcpressure OUT.trace
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/trace"
	"sync"
)

type node struct {
	next    *node
	payload []byte
}

// retained keeps a linked heap alive so that marking has work to do.
var retained []*node

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gcpressure OUT.trace")
		os.Exit(2)
	}
	// A fixed GOGC keeps the number of cycles stable whatever the environment says.
	debug.SetGCPercent(50)
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	buildLiveHeap()
	runtime.GC()
	churn()
	runtime.GC()
	retained = nil
	runtime.GC()
	trace.Stop()
	if err := f.Close(); err != nil {
		panic(err)
	}
}

// buildLiveHeap allocates linked lists that stay reachable until the end.
func buildLiveHeap() {
	for l := 0; l < 16; l++ {
		var head *node
		for i := 0; i < 1000; i++ {
			head = &node{next: head, payload: make([]byte, 256)}
		}
		retained = append(retained, head)
	}
}

// churn makes goroutines allocate short-lived objects as fast as they can,
// which forces GC cycles and drafts the allocators into mark assists.
func churn() {
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go allocate(&wg)
	}
	wg.Wait()
}

// sink keeps the latest allocation of each goroutine reachable for a moment.
var sink [4][]byte

// allocate is a named function, not a closure, so that its goroutines carry the
// same name whichever compiler built the program.
func allocate(wg *sync.WaitGroup) {
	defer wg.Done()
	var last []byte
	for i := 0; i < 12000; i++ {
		b := make([]byte, 512+(i%7)*128)
		b[0] = byte(i)
		last = b
		if i%4000 == 3999 {
			runtime.Gosched()
		}
	}
	sink[len(last)%4] = last
}
