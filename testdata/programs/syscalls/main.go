// Command syscalls writes an execution trace of goroutines in system calls:
// file writes, fsync and reads, a blocking read on a raw pipe, a pipe read
// through the runtime poller, and time.Sleep.
//
// Usage: syscalls OUT.trace
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/trace"
	"sync"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: syscalls OUT.trace")
		os.Exit(2)
	}
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	fileIO()
	rawPipe()
	polledPipe()
	sleepers()
	trace.Stop()
	if err := f.Close(); err != nil {
		panic(err)
	}
}

// fileIO writes, syncs, reads back and removes a scratch file.
func fileIO() {
	dir, err := os.MkdirTemp("", "gotrace-syscalls")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	name := filepath.Join(dir, "scratch.bin")
	block := make([]byte, 64<<10)
	for i := range block {
		block[i] = byte(i)
	}
	out, err := os.Create(name)
	if err != nil {
		panic(err)
	}
	for i := 0; i < 32; i++ {
		if _, err := out.Write(block); err != nil {
			panic(err)
		}
		if i%8 == 7 {
			if err := out.Sync(); err != nil {
				panic(err)
			}
		}
	}
	if err := out.Close(); err != nil {
		panic(err)
	}
	in, err := os.Open(name)
	if err != nil {
		panic(err)
	}
	n, err := io.Copy(io.Discard, in)
	if err != nil || n != 32*int64(len(block)) {
		panic(fmt.Sprint("short read ", n, err))
	}
	in.Close()
	for i := 0; i < 50; i++ {
		if _, err := os.Stat(name); err != nil {
			panic(err)
		}
	}
}

// rawPipe reads from a blocking pipe with read(2), so the reader sits in the syscall
// until the writer, after a sleep, writes.
func rawPipe() {
	var fds [2]int
	if err := syscall.Pipe(fds[:]); err != nil {
		panic(err)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		buf := make([]byte, 16)
		for i := 0; i < 5; i++ {
			if _, err := syscall.Read(fds[0], buf); err != nil {
				panic(err)
			}
		}
	}()
	for i := 0; i < 5; i++ {
		time.Sleep(10 * time.Millisecond)
		if _, err := syscall.Write(fds[1], []byte("ping")); err != nil {
			panic(err)
		}
	}
	wg.Wait()
	syscall.Close(fds[0])
	syscall.Close(fds[1])
}

// polledPipe reads from an os.Pipe, which the runtime parks in its network poller.
func polledPipe() {
	r, w, err := os.Pipe()
	if err != nil {
		panic(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		buf := make([]byte, 16)
		for {
			if _, err := r.Read(buf); err != nil {
				return
			}
		}
	}()
	for i := 0; i < 5; i++ {
		time.Sleep(2 * time.Millisecond)
		w.Write([]byte("pong"))
	}
	w.Close()
	<-done
	r.Close()
}

// sleepers sleep for a range of durations concurrently.
func sleepers() {
	var wg sync.WaitGroup
	for i := 1; i <= 8; i++ {
		wg.Add(1)
		go func(d time.Duration) {
			defer wg.Done()
			for j := 0; j < 5; j++ {
				time.Sleep(d)
			}
		}(time.Duration(i) * time.Millisecond)
	}
	wg.Wait()
}
