// Command manygoroutines writes an execution trace of thousands of short-lived
// goroutines: created in waves, each doing a little work, some blocking briefly
// on a channel, all reporting to a WaitGroup.
//
// Usage: manygoroutines OUT.trace
package main

import (
	"fmt"
	"os"
	"runtime/trace"
	"sync"
	"time"
)

const (
	waves   = 4
	perWave = 500
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: manygoroutines OUT.trace")
		os.Exit(2)
	}
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	total := 0
	for w := 0; w < waves; w++ {
		total += wave(w)
		time.Sleep(5 * time.Millisecond)
	}
	if total != waves*perWave {
		panic("lost goroutines")
	}
	trace.Stop()
	if err := f.Close(); err != nil {
		panic(err)
	}
}

// wave starts perWave goroutines; odd ones wait on a gate the main goroutine opens.
func wave(w int) int {
	var wg sync.WaitGroup
	gate := make(chan struct{})
	done := make(chan int, perWave)
	for i := 0; i < perWave; i++ {
		wg.Add(1)
		if i%2 == 0 {
			go compute(&wg, done, w*perWave+i)
		} else {
			go waitThenCompute(&wg, gate, done, w*perWave+i)
		}
	}
	close(gate)
	wg.Wait()
	close(done)
	n := 0
	for range done {
		n++
	}
	return n
}

func compute(wg *sync.WaitGroup, done chan<- int, seed int) {
	defer wg.Done()
	x := seed
	for i := 0; i < 200; i++ {
		x = x*31 + i
	}
	done <- x
}

func waitThenCompute(wg *sync.WaitGroup, gate <-chan struct{}, done chan<- int, seed int) {
	<-gate
	compute(wg, done, seed)
}
