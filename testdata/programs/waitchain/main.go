// Command waitchain writes an execution trace with a known wait chain:
// waitA blocks receiving on ab until relayB sends on it; relayB first blocks
// receiving on bc until sleeperC sends on it; sleeperC first sleeps, woken by
// a timer (no goroutine). The "chain:" comments mark the lines the tests
// expect in the stacks of each link.
//
// Usage: waitchain OUT.trace
package main

import (
	"fmt"
	"os"
	"runtime/trace"
	"sync"
	"time"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: waitchain OUT.trace")
		os.Exit(2)
	}
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	ab := make(chan int)
	bc := make(chan int)
	var wg sync.WaitGroup
	wg.Add(3)
	go waitA(ab, &wg)
	go relayB(ab, bc, &wg)
	go sleeperC(bc, &wg)
	wg.Wait()
	trace.Stop()
	if err := f.Close(); err != nil {
		panic(err)
	}
}

func waitA(ab <-chan int, wg *sync.WaitGroup) {
	defer wg.Done()
	<-ab // chain: A waits for B
}

func relayB(ab chan<- int, bc <-chan int, wg *sync.WaitGroup) {
	defer wg.Done()
	v := <-bc // chain: B waits for C
	ab <- v   // chain: B unblocks A
}

func sleeperC(bc chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	time.Sleep(50 * time.Millisecond) // chain: C sleeps
	bc <- 1                           // chain: C unblocks B
}
