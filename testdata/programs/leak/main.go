// Command leak writes an execution trace that ends with known leaked
// goroutines: five leakyWorker goroutines blocked receiving on channels no one
// sends on, and two stuckForever goroutines in an empty select, all created at
// the lines marked "leak:", while five finishingWorker goroutines exit.
//
// Usage: leak OUT.trace
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
		fmt.Fprintln(os.Stderr, "usage: leak OUT.trace")
		os.Exit(2)
	}
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	for i := 0; i < 5; i++ {
		go leakyWorker(make(chan int)) // leak: leakyWorker created
	}
	for i := 0; i < 2; i++ {
		go stuckForever() // leak: stuckForever created
	}
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go finishingWorker(&wg)
	}
	wg.Wait()
	time.Sleep(100 * time.Millisecond)
	trace.Stop()
	if err := f.Close(); err != nil {
		panic(err)
	}
}

func leakyWorker(requests chan int) {
	<-requests // leak: leakyWorker blocks
}

func stuckForever() {
	select {} // leak: stuckForever blocks
}

func finishingWorker(wg *sync.WaitGroup) {
	defer wg.Done()
	time.Sleep(time.Millisecond)
}
