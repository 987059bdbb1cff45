package main

import (
	"bytes"
	"os"
	"runtime"
	"runtime/trace"
	"sync"
	"time"
)

var sink [][]byte

func main() {
	fr := trace.NewFlightRecorder(trace.FlightRecorderConfig{MinAge: 50 * time.Millisecond})
	fr.Start()
	var wg sync.WaitGroup
	ch := make(chan int)
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 200; j++ {
				sink = append(sink, make([]byte, 4096))
				if len(sink) > 100 {
					sink = nil
				}
				select {
				case ch <- j:
				case <-time.After(100 * time.Microsecond):
				}
			}
		}()
	}
	go func() {
		for range ch {
			time.Sleep(50 * time.Microsecond)
		}
	}()
	wg.Wait()
	runtime.GC()
	var buf bytes.Buffer
	fr.WriteTo(&buf)
	os.WriteFile(os.Args[1], buf.Bytes(), 0o644)
	fr.Stop()
}
