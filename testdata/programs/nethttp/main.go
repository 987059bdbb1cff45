// Command nethttp writes an execution trace of an HTTP server and its clients
// talking over loopback TCP (127.0.0.1, port chosen by the kernel), so that
// goroutines block on network reads, writes and accepts.
//
// Usage: nethttp OUT.trace
package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime/trace"
	"strings"
	"sync"
	"time"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: nethttp OUT.trace")
		os.Exit(2)
	}
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	run()
	trace.Stop()
	if err := f.Close(); err != nil {
		panic(err)
	}
}

func run() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		// The client waits on the network while the handler sleeps.
		time.Sleep(2 * time.Millisecond)
		io.WriteString(w, "slow\n")
	})
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		// Reading the request body blocks the handler on the network while the client streams it.
		n, _ := io.Copy(io.Discard, r.Body)
		fmt.Fprintf(w, "%d\n", n)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		chunk := strings.Repeat("0123456789abcdef", 4096)
		for i := 0; i < 16; i++ {
			io.WriteString(w, chunk)
		}
	})
	srv := &http.Server{Handler: mux}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	base := "http://" + ln.Addr().String()
	keepAlive := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
	fresh := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}

	// Sequential requests over one kept-alive connection.
	for i := 0; i < 20; i++ {
		get(keepAlive, base+"/slow")
	}
	// Concurrent requests, each on a new connection.
	var wg sync.WaitGroup
	for c := 0; c < 8; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				get(fresh, base+"/slow")
			}
		}()
	}
	wg.Wait()
	// Large responses and streamed request bodies.
	for i := 0; i < 4; i++ {
		get(keepAlive, base+"/big")
		post(keepAlive, base+"/echo")
	}

	keepAlive.CloseIdleConnections()
	if err := srv.Close(); err != nil {
		panic(err)
	}
	if err := <-served; err != http.ErrServerClosed {
		panic(err)
	}
}

func get(c *http.Client, url string) {
	resp, err := c.Get(url)
	if err != nil {
		panic(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

func post(c *http.Client, url string) {
	pr, pw := io.Pipe()
	go func() {
		chunk := []byte(strings.Repeat("z", 8192))
		for i := 0; i < 32; i++ {
			pw.Write(chunk)
		}
		pw.Close()
	}()
	resp, err := c.Post(url, "application/octet-stream", pr)
	if err != nil {
		panic(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}
