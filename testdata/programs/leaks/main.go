// Command leaks writes an execution trace that ends while goroutines it started are still
// blocked for good: three on a channel nobody sends on, one on a mutex nobody unlocks, two in a
// select nobody serves, one asleep for an hour, and one in an empty select (which Go counts as
// blocked forever, so as ended). It exercises the leaks report.
//
// Usage: leaks OUT.trace
package main

import (
	"fmt"
	"os"
	"runtime/trace"
	"sync"
	"time"
)

var (
	never   = make(chan int)
	held    sync.Mutex
	nobody  = make(chan string)
	nothing chan bool // nil: a receive from it never proceeds
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: leaks OUT.trace")
		os.Exit(2)
	}
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	held.Lock()
	for i := 0; i < 3; i++ {
		go waitForever()
		time.Sleep(2 * time.Millisecond)
	}
	go lockForever()
	for i := 0; i < 2; i++ {
		go selectForever()
	}
	go sleepLong()
	go emptySelect()
	// Let every goroutine reach its wait before the trace ends.
	time.Sleep(20 * time.Millisecond)
	trace.Stop()
	if err := f.Close(); err != nil {
		panic(err)
	}
}

func waitForever() { <-never }

func lockForever() {
	held.Lock()
	held.Unlock()
}

func selectForever() {
	select {
	case s := <-nobody:
		fmt.Println(s)
	case <-nothing:
	}
}

func sleepLong() { time.Sleep(time.Hour) }

func emptySelect() { select {} }
