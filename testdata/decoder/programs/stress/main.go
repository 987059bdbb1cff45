package main

/*
#include <pthread.h>
#include <stdint.h>
extern void goCallback(int);
static void* worker(void* arg) {
	for (int i = 0; i < 20; i++) goCallback((int)(intptr_t)arg);
	return 0;
}
static void runThreads(int n) {
	pthread_t t[16];
	for (int i = 0; i < n; i++) pthread_create(&t[i], 0, worker, (void*)(intptr_t)i);
	for (int i = 0; i < n; i++) pthread_join(t[i], 0);
}
*/
import "C"

import (
	"context"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"sync"
	"syscall"
	"time"
)

var counter int64
var mu sync.Mutex

//export goCallback
func goCallback(i C.int) {
	mu.Lock()
	counter += int64(i)
	mu.Unlock()
}

func spin(d time.Duration) {
	s := time.Now()
	x := 0
	for time.Since(s) < d {
		x++
	}
	_ = x
}

func main() {
	runtime.GOMAXPROCS(4)
	f, _ := os.Create(os.Args[1])
	pf, _ := os.Create(os.Args[1] + ".prof")
	pprof.StartCPUProfile(pf)
	trace.Start(f)
	ctx := context.Background()
	var wg sync.WaitGroup
	// Blocking syscalls on many threads so sysmon steals Ps and many Ms exist.
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var ts syscall.Timespec
			ts.Nsec = 30 * 1000 * 1000
			for j := 0; j < 5; j++ {
				syscall.Nanosleep(&ts, nil)
				spin(time.Millisecond)
			}
		}()
	}
	// cgo callbacks from C threads.
	C.runThreads(6)
	// coroutines (Go 1.23+ emit GoSwitch) via helper.
	coro()
	// tasks and nested regions.
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c2, t := trace.NewTask(ctx, "job")
			defer t.End()
			r := trace.StartRegion(c2, "outer")
			trace.WithRegion(c2, "inner", func() { spin(2 * time.Millisecond) })
			trace.Log(c2, "k", "v")
			r.End()
		}(i)
	}
	for i := 0; i < 4; i++ {
		runtime.GC()
		spin(5 * time.Millisecond)
	}
	wg.Wait()
	C.runThreads(3)
	trace.Stop()
	pprof.StopCPUProfile()
	// A second trace in the same process: generation numbers continue.
	if len(os.Args) > 2 {
		f2, _ := os.Create(os.Args[2])
		trace.Start(f2)
		var wg2 sync.WaitGroup
		for i := 0; i < 8; i++ {
			wg2.Add(1)
			go func() { defer wg2.Done(); spin(3 * time.Millisecond); time.Sleep(time.Millisecond) }()
		}
		wg2.Wait()
		runtime.GC()
		trace.Stop()
	}
}
