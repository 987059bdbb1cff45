// Command annotations writes an execution trace full of user annotations from
// runtime/trace: tasks (nested, spanning goroutines, ended on another goroutine,
// begun before tracing started, never ended), regions (WithRegion,
// StartRegion/End, nested, left open when the goroutine exits) and logs
// (inside and outside tasks).
//
// Usage: annotations OUT.trace
package main

import (
	"context"
	"fmt"
	"os"
	"runtime/trace"
	"strconv"
	"sync"
	"time"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: annotations OUT.trace")
		os.Exit(2)
	}
	// This task begins while tracing is off: the trace only holds its end.
	early, endEarly := trace.NewTask(context.Background(), "early")
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	trace.Log(early, "phase", "tracing started")
	trace.Log(context.Background(), "untasked", "log outside any task")
	for i := 0; i < 3; i++ {
		handleRequest(i)
	}
	handOff()
	leaveOpen()
	// This task never ends.
	dangling, _ := trace.NewTask(context.Background(), "dangling")
	trace.WithRegion(dangling, "dangling.region", func() {
		time.Sleep(200 * time.Microsecond)
	})
	endEarly.End()
	trace.Stop()
	if err := f.Close(); err != nil {
		panic(err)
	}
}

// handleRequest runs a task with a nested subtask per worker goroutine, each doing
// nested regions and logging.
func handleRequest(n int) {
	ctx, task := trace.NewTask(context.Background(), "request")
	defer task.End()
	trace.Logf(ctx, "request", "id=%d", n)
	trace.WithRegion(ctx, "decode", func() {
		busy(100 * time.Microsecond)
	})
	var wg sync.WaitGroup
	results := make(chan int, 4)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			subctx, sub := trace.NewTask(ctx, "shard")
			defer sub.End()
			trace.Log(subctx, "shard", strconv.Itoa(w))
			r := trace.StartRegion(subctx, "fetch")
			time.Sleep(time.Duration(w+1) * 300 * time.Microsecond)
			inner := trace.StartRegion(subctx, "fetch.parse")
			busy(50 * time.Microsecond)
			inner.End()
			r.End()
			trace.WithRegion(subctx, "send", func() {
				results <- w
			})
		}(w)
	}
	wg.Wait()
	close(results)
	trace.WithRegion(ctx, "merge", func() {
		sum := 0
		for v := range results {
			sum += v
		}
		trace.Logf(ctx, "merge", "sum=%d", sum)
	})
}

// handOff begins a task on one goroutine and ends it on another, with regions on both.
func handOff() {
	ctx, task := trace.NewTask(context.Background(), "handoff")
	done := make(chan struct{})
	r := trace.StartRegion(ctx, "producer")
	go func() {
		defer close(done)
		trace.WithRegion(ctx, "consumer", func() {
			busy(100 * time.Microsecond)
		})
		trace.Log(ctx, "", "ending task on consumer goroutine")
		task.End()
	}()
	<-done
	r.End()
}

// leaveOpen starts a region on a goroutine that exits without ending it.
func leaveOpen() {
	ctx, task := trace.NewTask(context.Background(), "open-region")
	defer task.End()
	done := make(chan struct{})
	go func() {
		defer close(done)
		trace.StartRegion(ctx, "never-ended")
		busy(50 * time.Microsecond)
	}()
	<-done
}

// busy spins for d without blocking, so the region has execution time.
func busy(d time.Duration) {
	end := time.Now().Add(d)
	x := 0
	for time.Now().Before(end) {
		x++
	}
	_ = x
}
