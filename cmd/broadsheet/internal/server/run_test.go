//go:build !(js && wasm)

package server

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// loopbackClient talks only to the test's own server: no proxy from the
// environment, and a bound on every request.
func loopbackClient() *http.Client {
	return &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{Proxy: nil, DisableCompression: true, MaxIdleConnsPerHost: 64},
	}
}

func listenLoopback(t testing.TB) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}

// pausingWriter stops in the middle of a response body: after its first
// write it tells the test, waits for the server to begin shutting down, and
// then lingers a while longer before writing the rest.
type pausingWriter struct {
	http.ResponseWriter
	paused       bool
	midBody      chan<- struct{}
	shuttingDown <-chan struct{}
}

func (w *pausingWriter) Write(p []byte) (int, error) {
	n, err := w.ResponseWriter.Write(p)
	if !w.paused {
		w.paused = true
		http.NewResponseController(w.ResponseWriter).Flush()
		close(w.midBody)
		select {
		case <-w.shuttingDown:
			time.Sleep(300 * time.Millisecond) // Shutdown is now waiting for us
		case <-time.After(5 * time.Second): // the test has failed; finish
		}
	}
	return n, err
}

func TestRunFinishesInFlightRequest(t *testing.T) {
	dir, site := newTestSite(t)
	big := make([]byte, 1<<20) // a body written in many pieces
	for i := range big {
		big[i] = byte(rand.IntN(256))
	}
	if err := os.WriteFile(filepath.Join(dir, "web", "big.bin"), big, 0o644); err != nil {
		t.Fatal(err)
	}

	midBody, shuttingDown := make(chan struct{}), make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		site.ServeHTTP(&pausingWriter{ResponseWriter: w, midBody: midBody, shuttingDown: shuttingDown}, r)
	})
	var errlog bytes.Buffer
	srv := NewHTTPServer(h, &errlog)
	srv.RegisterOnShutdown(func() { close(shuttingDown) })
	ln := listenLoopback(t)
	addr := ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ran := make(chan error, 1)
	go func() { ran <- run(ctx, ln, srv, 10*time.Second) }()

	type result struct {
		status int
		body   []byte
		err    error
	}
	got := make(chan result, 1)
	go func() {
		resp, err := loopbackClient().Get("http://" + addr + "/web/big.bin")
		if err != nil {
			got <- result{err: err}
			return
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		got <- result{resp.StatusCode, body, err}
	}()

	select {
	case <-midBody:
	case <-time.After(10 * time.Second):
		t.Fatal("the request never started")
	}
	cancel() // as SIGINT does in the command
	select {
	case <-shuttingDown:
	case <-time.After(5 * time.Second):
		t.Error("the server did not begin a graceful shutdown")
	}
	if conn, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		conn.Close()
		t.Error("a new connection was accepted during shutdown")
	}

	r := <-got
	if r.err != nil {
		t.Fatalf("the in-flight request failed: %v", r.err)
	}
	if r.status != http.StatusOK || !bytes.Equal(r.body, big) {
		t.Errorf("the in-flight request got status %d and %d of %d bytes", r.status, len(r.body), len(big))
	}
	select {
	case err := <-ran:
		if err != nil {
			t.Errorf("run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return after the request finished")
	}
	if errlog.Len() > 0 {
		t.Errorf("server logged: %s", errlog.String())
	}
}

func TestRunCutsOffStuckRequests(t *testing.T) {
	stuck, release := make(chan struct{}), make(chan struct{})
	defer close(release)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(stuck)
		<-release
	})
	ln := listenLoopback(t)
	ctx, cancel := context.WithCancel(context.Background())
	ran := make(chan error, 1)
	go func() { ran <- run(ctx, ln, NewHTTPServer(h, io.Discard), 200*time.Millisecond) }()
	go func() {
		if resp, err := loopbackClient().Get("http://" + ln.Addr().String() + "/"); err == nil {
			resp.Body.Close()
		}
	}()
	<-stuck
	cancel()
	select {
	case err := <-ran:
		if err == nil || !strings.Contains(err.Error(), "cut off") {
			t.Errorf("run = %v, want an error saying requests were cut off", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not give up after its grace period")
	}
}

func TestRunReportsServeError(t *testing.T) {
	ln := listenLoopback(t)
	addr := ln.Addr().String()
	ln.Close()
	err := Run(context.Background(), ln, http.NotFoundHandler(), io.Discard)
	if err == nil || !strings.Contains(err.Error(), addr) {
		t.Errorf("Run on a closed listener = %v, want an error naming %s", err, addr)
	}
	if errors.Is(err, http.ErrServerClosed) {
		t.Errorf("Run = %v, want the listener's error", err)
	}
}
