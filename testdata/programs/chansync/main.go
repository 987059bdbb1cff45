// Command chansync writes an execution trace of goroutines that block on
// channels, select, sync.Mutex, sync.RWMutex, sync.Cond and sync.WaitGroup.
//
// Usage: chansync OUT.trace
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
		fmt.Fprintln(os.Stderr, "usage: chansync OUT.trace")
		os.Exit(2)
	}
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	pingPong()
	pipeline()
	selectLoop()
	mutexContention()
	rwMutexContention()
	condBroadcast()
	trace.Stop()
	if err := f.Close(); err != nil {
		panic(err)
	}
}

// pingPong bounces a token over unbuffered channels: every send and receive blocks.
func pingPong() {
	ping := make(chan int)
	pong := make(chan int)
	done := make(chan struct{})
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(done)
	}()
	for i := 0; i < 200; i++ {
		ping <- i
		<-pong
	}
	close(ping)
	<-done
}

// pipeline chains stages over small buffered channels; a slow sink makes senders block.
func pipeline() {
	src := make(chan int, 4)
	mid := make(chan int, 4)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for v := range src {
			mid <- v * 2
		}
		close(mid)
	}()
	go func() {
		defer wg.Done()
		for range mid {
			time.Sleep(100 * time.Microsecond)
		}
	}()
	for i := 0; i < 300; i++ {
		src <- i
	}
	close(src)
	wg.Wait()
}

// selectLoop blocks in select over several channels fed by timers and producers.
func selectLoop() {
	a := make(chan int)
	b := make(chan string)
	quit := make(chan struct{})
	go func() {
		for i := 0; i < 100; i++ {
			a <- i
			time.Sleep(50 * time.Microsecond)
		}
	}()
	go func() {
		for i := 0; i < 100; i++ {
			b <- "x"
			time.Sleep(70 * time.Microsecond)
		}
		close(quit)
	}()
	got := 0
	for {
		select {
		case <-a:
			got++
		case <-b:
			got++
		case <-quit:
			// Drain what the first producer may still send.
			for got < 200 {
				<-a
				got++
			}
			return
		}
	}
}

// mutexContention makes workers queue on one sync.Mutex held across a sleep.
func mutexContention() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				mu.Lock()
				counter++
				time.Sleep(50 * time.Microsecond)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if counter != 160 {
		panic("lost updates")
	}
}

// rwMutexContention alternates writers holding the lock with readers waiting on it.
func rwMutexContention() {
	var rw sync.RWMutex
	var wg sync.WaitGroup
	shared := make(map[int]int)
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				rw.Lock()
				shared[w*100+i] = i
				time.Sleep(100 * time.Microsecond)
				rw.Unlock()
				time.Sleep(50 * time.Microsecond)
			}
		}(w)
	}
	for r := 0; r < 6; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 40; i++ {
				rw.RLock()
				_ = len(shared)
				rw.RUnlock()
				time.Sleep(20 * time.Microsecond)
			}
		}()
	}
	wg.Wait()
}

// condBroadcast parks waiters on a sync.Cond and wakes them by Signal and Broadcast.
func condBroadcast() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	round := 0
	var wg sync.WaitGroup
	for w := 0; w < 6; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for seen := 0; seen < 10; seen++ {
				mu.Lock()
				for round <= seen {
					cond.Wait()
				}
				mu.Unlock()
			}
		}()
	}
	for i := 0; i < 10; i++ {
		time.Sleep(500 * time.Microsecond)
		mu.Lock()
		round++
		mu.Unlock()
		if i%2 == 0 {
			cond.Signal()
		}
		cond.Broadcast()
	}
	wg.Wait()
}
