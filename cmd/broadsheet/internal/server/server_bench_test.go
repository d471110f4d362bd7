//go:build !(js && wasm)

package server

// The load test: 50 clients on loopback against the shell (index.html) and
// an 8 MB app.wasm with brotli and gzip siblings, each scenario bounded in
// requests and in time. Run it with
//
//	go test -run '^$' -bench Load ./cmd/broadsheet/internal/server
//
// and read the table it prints. All traffic goes to 127.0.0.1.

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

const loadClients = 50

// A loadScenario is one kind of request, repeated by every client until
// maxRequests have been sent or maxTime has passed, whichever comes first.
type loadScenario struct {
	name           string
	path           string
	acceptEncoding string
	wantEncoding   string
	wantFile       string // whose size every body must have
	maxRequests    int
	maxTime        time.Duration
}

var loadScenarios = []loadScenario{
	{"shell / (br)", "/", "gzip, deflate, br", "br", "index.html.br", 5000, 4 * time.Second},
	{"wasm 8 MB (br)", "/web/app.wasm", "gzip, deflate, br", "br", "web/app.wasm.br", 5000, 7 * time.Second},
	{"wasm 8 MB (none)", "/web/app.wasm", "", "", "web/app.wasm", 2000, 4 * time.Second},
}

type loadResult struct {
	loadScenario
	ok, errors int
	firstErr   error
	bytes      int64
	elapsed    time.Duration
	p50, p99   time.Duration
}

var (
	loadOnce    sync.Once
	loadResults []loadResult
)

// BenchmarkLoad runs each scenario once, whatever b.N is (the load is
// bounded by its own counts and times; the first run takes longer than the
// default -benchtime, so the framework does not ask for another), prints a
// table to stdout and reports the figures as metrics.
func BenchmarkLoad(b *testing.B) {
	loadOnce.Do(func() {
		dir := newLoadSite(b, 8<<20)
		site, err := New(dir)
		if err != nil {
			b.Fatal(err)
		}
		ln := listenLoopback(b)
		ctx, cancel := context.WithCancel(context.Background())
		ran := make(chan error, 1)
		go func() { ran <- Run(ctx, ln, site, io.Discard) }()
		defer func() {
			cancel()
			if err := <-ran; err != nil {
				b.Error(err)
			}
		}()
		base := "http://" + ln.Addr().String()
		b.ResetTimer()
		for _, sc := range loadScenarios {
			loadResults = append(loadResults, runLoad(base, dir, sc))
		}
		b.StopTimer()
		printLoadTable(os.Stdout, loadResults)
	})
	for _, r := range loadResults {
		if r.errors > 0 {
			b.Errorf("%s: %d errors, the first: %v", r.name, r.errors, r.firstErr)
		}
	}
}

// runLoad sends sc's requests from loadClients clients at once and measures
// each from sending to the last body byte. A response counts as an error
// unless it is a 200 with the expected encoding and the whole body.
func runLoad(base, dir string, sc loadScenario) loadResult {
	info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(sc.wantFile)))
	if err != nil {
		return loadResult{loadScenario: sc, errors: 1, firstErr: err}
	}
	wantSize := info.Size()
	client := loopbackClient()
	defer client.CloseIdleConnections()

	var (
		sent      atomic.Int64
		mu        sync.Mutex
		res       = loadResult{loadScenario: sc}
		latencies []time.Duration
		wg        sync.WaitGroup
	)
	start := time.Now()
	stopAt := start.Add(sc.maxTime)
	for range loadClients {
		wg.Go(func() {
			var mine []time.Duration
			var bytes int64
			var errs int
			var firstErr error
			for sent.Add(1) <= int64(sc.maxRequests) && time.Now().Before(stopAt) {
				t0 := time.Now()
				n, err := fetch(client, base+sc.path, sc.acceptEncoding, sc.wantEncoding, wantSize)
				if err != nil {
					errs++
					firstErr = cmpOr(firstErr, err)
					continue
				}
				mine = append(mine, time.Since(t0))
				bytes += n
			}
			mu.Lock()
			defer mu.Unlock()
			latencies = append(latencies, mine...)
			res.bytes += bytes
			res.errors += errs
			res.firstErr = cmpOr(res.firstErr, firstErr)
		})
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	res.ok = len(latencies)
	slices.Sort(latencies)
	res.p50, res.p99 = percentile(latencies, 50), percentile(latencies, 99)
	return res
}

func cmpOr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// fetch GETs url and checks the response; it returns the body size.
func fetch(client *http.Client, url, acceptEncoding, wantEncoding string, wantSize int64) (int64, error) {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return 0, err
	}
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	switch {
	case err != nil:
		return n, fmt.Errorf("reading the body after %d bytes: %w", n, err)
	case resp.StatusCode != http.StatusOK:
		return n, fmt.Errorf("status %d", resp.StatusCode)
	case resp.Header.Get("Content-Encoding") != wantEncoding:
		return n, fmt.Errorf("Content-Encoding %q, want %q", resp.Header.Get("Content-Encoding"), wantEncoding)
	case n != wantSize:
		return n, fmt.Errorf("body of %d bytes, want %d", n, wantSize)
	}
	return n, nil
}

func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, len(sorted)*p/100)]
}

func printLoadTable(w io.Writer, results []loadResult) {
	fmt.Fprintf(w, "\nload: %d clients on 127.0.0.1, GOMAXPROCS %d\n", loadClients, runtime.GOMAXPROCS(0))
	fmt.Fprintf(w, "%-18s %8s %6s %8s %10s %9s %9s %9s\n",
		"scenario", "requests", "errors", "seconds", "req/s", "MB/s", "p50", "p99")
	for _, r := range results {
		secs := r.elapsed.Seconds()
		fmt.Fprintf(w, "%-18s %8d %6d %8.2f %10.0f %9.1f %9s %9s\n",
			r.name, r.ok, r.errors, secs, float64(r.ok)/secs, float64(r.bytes)/secs/1e6,
			r.p50.Round(10*time.Microsecond), r.p99.Round(10*time.Microsecond))
	}
}

// newLoadSite writes a site folder with the fixture's index.html and a
// generated app.wasm of size bytes, with real brotli and gzip siblings.
// The wasm is random-ish: tokens drawn with a skew from a random vocabulary,
// so it compresses about as well as a Go wasm binary does (to a third or so).
func newLoadSite(tb testing.TB, size int) string {
	tb.Helper()
	dir := tb.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/site")); err != nil {
		tb.Fatal(err)
	}
	wasm := randomWasm(size)
	var br, gz bytes.Buffer
	bw := brotli.NewWriterLevel(&br, 5)
	gw, _ := gzip.NewWriterLevel(&gz, gzip.BestSpeed)
	for _, c := range []io.WriteCloser{bw, gw} {
		if _, err := c.Write(wasm); err != nil {
			tb.Fatal(err)
		}
		if err := c.Close(); err != nil {
			tb.Fatal(err)
		}
	}
	for name, b := range map[string][]byte{
		"web/app.wasm":    wasm,
		"web/app.wasm.br": br.Bytes(),
		"web/app.wasm.gz": gz.Bytes(),
	} {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), b, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

func randomWasm(size int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	vocab := make([][]byte, 4096)
	for i := range vocab {
		vocab[i] = make([]byte, 2+rng.IntN(14))
		for j := range vocab[i] {
			vocab[i][j] = byte(rng.IntN(256))
		}
	}
	out := append(make([]byte, 0, size+16), "\x00asm\x01\x00\x00\x00"...)
	for len(out) < size {
		if rng.IntN(8) == 0 { // some bytes no model predicts
			out = append(out, byte(rng.IntN(256)))
			continue
		}
		// Squaring skews the draw toward the front of the vocabulary.
		f := rng.Float64()
		out = append(out, vocab[int(f*f*float64(len(vocab)))]...)
	}
	return out[:size]
}

// TestShutdownUnderLoad shuts the server down while 50 clients are fetching
// the shell and the wasm, and checks that no request the server had taken
// up was lost: every request that reached the handler arrived whole at its
// client. Requests the server refused once it stopped accepting never reach
// the handler, and are expected.
func TestShutdownUnderLoad(t *testing.T) {
	dir := newLoadSite(t, 2<<20)
	site, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	var handled, active atomic.Int64
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		handled.Add(1)
		active.Add(1)
		defer active.Add(-1)
		site.ServeHTTP(slowLink{w}, r)
	})
	ln := listenLoopback(t)
	base := "http://" + ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ran := make(chan error, 1)
	go func() { ran <- Run(ctx, ln, h, io.Discard) }()

	sizes := map[string]int64{}
	for _, f := range []string{"index.html.br", "web/app.wasm.br"} {
		info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		sizes[f] = info.Size()
	}
	client := loopbackClient()
	defer client.CloseIdleConnections()

	var (
		shutdownAt      atomic.Int64 // unix nanoseconds; 0 until shutdown begins
		whole, spanning atomic.Int64 // spanning: began before shutdown, ended after
		refused         atomic.Int64
		mu              sync.Mutex
		early           []error // failures before shutdown: there must be none
		wg              sync.WaitGroup
	)
	deadline := time.Now().Add(10 * time.Second) // bounds the test if shutdown hangs
	for i := range loadClients {
		path, file := "/", "index.html.br"
		if i%2 == 1 {
			path, file = "/web/app.wasm", "web/app.wasm.br"
		}
		wg.Go(func() {
			for time.Now().Before(deadline) {
				began := time.Now().UnixNano()
				_, err := fetch(client, base+path, "br", "br", sizes[file])
				at := shutdownAt.Load()
				switch {
				case err == nil:
					whole.Add(1)
					if at != 0 && began < at {
						spanning.Add(1)
					}
				case at == 0:
					mu.Lock()
					early = append(early, err)
					mu.Unlock()
				default:
					refused.Add(1)
					return // the server is gone
				}
			}
		})
	}

	time.Sleep(300 * time.Millisecond) // let the load build up
	shutdownAt.Store(time.Now().UnixNano())
	inFlight := active.Load()
	cancel()
	select {
	case err := <-ran:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("Run did not return")
	}
	wg.Wait()

	t.Logf("%d requests handled, %d in the handler when shutdown began; %d arrived whole, %d of them begun before shutdown and ended after; %d clients refused after",
		handled.Load(), inFlight, whole.Load(), spanning.Load(), refused.Load())
	if len(early) > 0 {
		t.Errorf("%d requests failed before shutdown, the first: %v", len(early), early[0])
	}
	if lost := handled.Load() - whole.Load(); lost != 0 {
		t.Errorf("%d requests reached the handler but did not arrive whole", lost)
	}
	if inFlight == 0 {
		t.Error("no request was in the handler when shutdown began; the test proved nothing")
	}
}

// slowLink makes the server write the way it does to a slow client: a pause
// after every piece of the body (http.ServeContent writes 32 KB at a time
// here, as slowLink hides the sendfile path), so that shutdown finds
// handlers in the middle of a body rather than bodies already sitting in
// socket buffers.
type slowLink struct{ http.ResponseWriter }

func (w slowLink) Write(p []byte) (int, error) {
	n, err := w.ResponseWriter.Write(p)
	time.Sleep(time.Millisecond)
	return n, err
}
