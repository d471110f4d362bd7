//go:build !(js && wasm)

package main

// BenchmarkFirstLoad is the "cheap phone on a slow link" profile of
// `make bench`: a cold first visit in headless Chromium with the CPU slowed
// 4× and the network held to 1.6 Mbit/s down with 150 ms of latency, for
// the seed and the BBC collections. It prints a table and writes it as JSON
// (BENCH_JSON, default bin/bench-first-load.json). Figures are medians over
// the runs the benchmark makes (-benchtime=Nx).

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"broadsheet/cmd/broadsheet/internal/ingest"
	"broadsheet/cmd/broadsheet/internal/server"
	"broadsheet/cmd/broadsheet/internal/site"
	"broadsheet/data"
)

// The profile: Lighthouse's "slow 4G" mobile settings.
const (
	cpuSlowdown  = 4
	latencyMS    = 150
	downBytesSec = 1.6e6 / 8
	upBytesSec   = 750e3 / 8
)

// slowPhone puts a tab on the profile.
var slowPhone = chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
	if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
		return err
	}
	_, err := cdp.Call(ctx, t, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		MatchedNetworkConditions: []*network.Conditions{{
			Latency: latencyMS, DownloadThroughput: downBytesSec, UploadThroughput: upBytesSec,
		}},
	})
	if err != nil {
		return err
	}
	_, err = cdp.Call(ctx, t, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: cpuSlowdown})
	return err
})

// firstLoad is what one cold visit measured.
type firstLoad struct {
	BytesTotal     int64   `json:"bytes_total"`     // every response body the server sent for the visit, the worker's precache included
	BytesWasm      int64   `json:"bytes_wasm"`      // of which app.wasm (compressed, as sent)
	FCPms          float64 `json:"fcp_ms"`          // first contentful paint
	SearchReadyMS  float64 `json:"search_ready_ms"` // navigation start to results for a query typed as soon as the box is there (the quick search's, as a rule)
	LiveMS         float64 `json:"live_ms"`         // navigation start to the wasm app taking over
	FullSearchMS   float64 `json:"full_search_ms"`  // navigation start to the app's own results for that query
	KeyToPaintP50  float64 `json:"key_to_paint_p50_ms"`
	KeyToPaintP95  float64 `json:"key_to_paint_p95_ms"`
	LongTaskMaxMS  float64 `json:"long_task_max_ms"` // longest task while typing
	LongTasks      int     `json:"long_tasks"`       // tasks over 50 ms while typing
	CLS            float64 `json:"cls"`              // cumulative layout shift, prerendered page to live app
	HeapLoadMB     float64 `json:"heap_after_load_mb"`
	HeapSearchesMB float64 `json:"heap_after_100_searches_mb"`
}

// countingHandler counts the bytes a handler sends: in all, of app.wasm,
// and by request.
type countingHandler struct {
	h           http.Handler
	total, wasm atomic.Int64
	inFlight    atomic.Int64 // requests being answered

	mu     sync.Mutex
	served []served // every request answered, in the order they ended
}

// served is one request answered: its path and the bytes of its body.
type served struct {
	Path  string `json:"path"`
	Bytes int64  `json:"bytes"`
}

type countingWriter struct {
	http.ResponseWriter
	n, m, own *atomic.Int64 // m (the wasm's) may be nil
}

func (w countingWriter) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.n.Add(int64(n))
	w.own.Add(int64(n))
	if w.m != nil {
		w.m.Add(int64(n))
	}
	return n, err
}

func (c *countingHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.inFlight.Add(1)
	defer c.inFlight.Add(-1)
	var own atomic.Int64
	cw := countingWriter{ResponseWriter: w, n: &c.total, own: &own}
	if strings.HasSuffix(r.URL.Path, ".wasm") {
		cw.m = &c.wasm
	}
	c.h.ServeHTTP(cw, r)
	c.mu.Lock()
	c.served = append(c.served, served{Path: r.URL.Path, Bytes: own.Load()})
	c.mu.Unlock()
}

// answered is how many requests have been answered so far.
func (c *countingHandler) answered() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.served)
}

// servedSince returns the requests answered after the first k.
func (c *countingHandler) servedSince(k int) []served {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]served(nil), c.served[k:]...)
}

// quiet waits until no request has been in flight and no byte sent for
// d, or until limit has passed; it reports whether it got quiet.
func (c *countingHandler) quiet(d, limit time.Duration) bool {
	deadline := time.Now().Add(limit)
	last, since := c.total.Load(), time.Now()
	for time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		if n := c.total.Load(); n != last || c.inFlight.Load() > 0 {
			last, since = n, time.Now()
		} else if time.Since(since) >= d {
			return true
		}
	}
	return false
}

func BenchmarkFirstLoad(b *testing.B) {
	collections := []struct {
		name  string
		load  func(testing.TB) *data.Collection
		query string
	}{
		{"seed", testCollection, "rahmon"},
		{"bbc", bbcIngested, "ukraine"},
	}
	results := map[string]firstLoad{}
	for _, c := range collections {
		b.Run(c.name, func(b *testing.B) {
			dist := benchSite(b, c.load(b))
			var runs []firstLoad
			for i := 0; i < b.N; i++ {
				runs = append(runs, measureFirstLoad(b, dist, c.query))
			}
			results[c.name] = median(runs)
		})
	}
	printFirstLoad(b, results)
}

// benchSite builds a site for c, compressed as it would be deployed.
func benchSite(b *testing.B, c *data.Collection) string {
	b.Helper()
	web := benchWeb(b)
	dist := filepath.Join(b.TempDir(), "dist")
	if _, err := site.Build(site.Options{Out: dist, Base: "/", Collection: c, Web: os.DirFS(web), Compress: true}); err != nil {
		b.Fatal(err)
	}
	return dist
}

var benchWebOnce struct {
	sync.Once
	dir string
	err error
}

var benchBrowserOnce struct {
	sync.Once
	ctx context.Context
}

// benchBrowser is one Chromium for all the runs.
func benchBrowser(b *testing.B) context.Context {
	benchBrowserOnce.Do(func() { benchBrowserOnce.ctx = newBrowser(b) })
	return benchBrowserOnce.ctx
}

// benchWeb is the web folder with a freshly built app.wasm.
func benchWeb(b *testing.B) string {
	benchWebOnce.Do(func() {
		dir, err := os.MkdirTemp("", "broadsheet-bench-web-")
		if err == nil {
			err = os.CopyFS(dir, os.DirFS("../../web"))
		}
		if err == nil {
			err = buildWasm(filepath.Join(dir, "app.wasm"))
		}
		benchWebOnce.dir, benchWebOnce.err = dir, err
	})
	if benchWebOnce.err != nil {
		b.Fatal(benchWebOnce.err)
	}
	return benchWebOnce.dir
}

func bbcIngested(tb testing.TB) *data.Collection {
	c, _, err := ingest.Files(ingest.Options{Name: "BBC News RSS 2022"}, bbcExport())
	if err != nil {
		tb.Fatalf("reading the BBC feed export: %v", err)
	}
	return c
}

// bbcExport is the BBC feed export in the shared corpora.
func bbcExport() string { return filepath.Join(corpora(), "bbc-news-rss-2022.csv") }

// corpora is the shared folder of collections, beside the repository.
func corpora() string {
	if d := os.Getenv("BROADSHEET_CORPORA"); d != "" {
		return d
	}
	return "../../../shared/corpora"
}

// serveCounting serves a built site, counting what it sends; the caller
// closes the server.
func serveCounting(b *testing.B, dist string) (*countingHandler, *httptest.Server) {
	b.Helper()
	h, err := server.New(dist)
	if err != nil {
		b.Fatal(err)
	}
	count := &countingHandler{h: h}
	srv := httptest.NewServer(count)
	return count, srv
}

func measureFirstLoad(b *testing.B, dist, query string) firstLoad {
	b.Helper()
	count, srv := serveCounting(b, dist)
	defer srv.Close()

	e := benchBrowser(b)
	// A browser context of its own: a cold cache, no service worker.
	ctx, cancel := chromedp.NewContext(e, chromedp.WithNewBrowserContext())
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	defer cancelT()
	err := chromedp.Do(ctx,
		slowPhone,
		// Observers for paint, layout shift and long tasks, before any page.
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: observersJS})
			return err
		}),
		chromedp.Navigate(srv.URL+"/"),
	)
	if err != nil {
		b.Fatal(err)
	}
	var m firstLoad
	// Type the query as soon as the box is there, as a reader would: the
	// prerendered page's quick search answers first, the app later.
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("#search-input"))); err != nil {
		b.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("#search-input"), query)); err != nil {
		b.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	until := func(what, js string) float64 {
		for {
			if ok, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](js)); ok {
				return mustEval[float64](b, ctx, `performance.now()`)
			}
			if time.Now().After(deadline) {
				b.Fatalf("no %s within two minutes", what)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	answered := fmt.Sprintf(`!!document.querySelector('section.results[data-query=%q] .result') && !!document.getElementById("result-count")`, query)
	m.SearchReadyMS = until("results", answered)
	m.LiveMS = until("app", `document.documentElement.hasAttribute("data-live")`)
	m.FullSearchMS = until("results from the app", `document.documentElement.hasAttribute("data-live") && `+
		fmt.Sprintf(`!!document.querySelector('section.results[data-query=%q]:not([data-quick]) .result')`, query))
	m.FCPms = mustEval[float64](b, ctx, `(performance.getEntriesByName("first-contentful-paint")[0] || {startTime: -1}).startTime`)
	m.CLS = mustEval[float64](b, ctx, `window.__bench.cls`)
	m.HeapLoadMB = memoryMB(b, ctx)

	// Keystroke to paint: clear the box, then type a query character by
	// character; each delay runs from keydown to the frame after the DOM
	// changed.
	mustEval[bool](b, ctx, `window.__bench.startTyping(), true`)
	mustEval[bool](b, ctx, `(b => { b.value = ""; b.dispatchEvent(new Event("input", {bubbles: true})); b.focus(); return true })(document.getElementById("search-input"))`)
	time.Sleep(300 * time.Millisecond)
	for _, r := range query + " " + query {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(string(r))); err != nil {
			b.Fatal(err)
		}
		time.Sleep(150 * time.Millisecond) // a brisk typist
	}
	time.Sleep(500 * time.Millisecond)
	var typing struct {
		Delays    []float64 `json:"delays"`
		LongMax   float64   `json:"longMax"`
		LongCount int       `json:"longCount"`
	}
	typing = mustEval[struct {
		Delays    []float64 `json:"delays"`
		LongMax   float64   `json:"longMax"`
		LongCount int       `json:"longCount"`
	}](b, ctx, `window.__bench.stopTyping()`)
	m.KeyToPaintP50, m.KeyToPaintP95 = percentile(typing.Delays, 50), percentile(typing.Delays, 95)
	m.LongTaskMaxMS, m.LongTasks = typing.LongMax, typing.LongCount

	// A hundred searches, then memory again.
	mustEval[bool](b, ctx, `(() => {
		const box = document.getElementById("search-input");
		const words = ["rahmon", "telegram", "ukraine", "likes", "law", "court", "minister", "police", "election", "war"];
		for (let i = 0; i < 100; i++) {
			box.value = words[i % words.length].slice(0, 2 + i % 5);
			box.dispatchEvent(new Event("input", {bubbles: true}));
		}
		return true;
	})()`)
	time.Sleep(2 * time.Second)
	m.HeapSearchesMB = memoryMB(b, ctx)
	m.BytesTotal, m.BytesWasm = count.total.Load(), count.wasm.Load()
	return m
}

func live(ctx context.Context) bool {
	ok, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.hasAttribute("data-live")`))
	return ok
}

// memoryMB is the JS heap plus the wasm's linear memory.
func memoryMB(b *testing.B, ctx context.Context) float64 {
	return mustEval[float64](b, ctx, `((performance.memory ? performance.memory.usedJSHeapSize : 0) +
		(window.goappWasmMemory ? window.goappWasmMemory.buffer.byteLength : 0)) / 1048576`)
}

func mustEval[T any](b *testing.B, ctx context.Context, js string) T {
	b.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		b.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// observersJS runs before every page: it records layout shifts, long
// tasks, and, while typing, the delay from each keydown to the frame after
// the page changed.
const observersJS = `
window.__bench = {cls: 0, long: [], delays: [], typing: false};
new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__bench.cls += e.value; })
  .observe({type: "layout-shift", buffered: true});
new PerformanceObserver(l => { for (const e of l.getEntries()) if (window.__bench.typing) window.__bench.long.push(e.duration); })
  .observe({type: "longtask", buffered: true});
window.__bench.startTyping = () => { window.__bench.typing = true; window.__bench.delays = []; window.__bench.long = []; };
window.__bench.stopTyping = () => {
  window.__bench.typing = false;
  const long = window.__bench.long;
  return {delays: window.__bench.delays, longMax: long.length ? Math.max(...long) : 0, longCount: long.filter(d => d > 50).length};
};
document.addEventListener("keydown", () => {
  if (!window.__bench.typing) return;
  const t0 = performance.now();
  const target = document.getElementById("content") || document.body;
  const obs = new MutationObserver(() => {
    obs.disconnect();
    requestAnimationFrame(() => setTimeout(() => window.__bench.delays.push(performance.now() - t0), 0));
  });
  obs.observe(target, {childList: true, subtree: true, characterData: true, attributes: true});
}, true);
`

func percentile(v []float64, p float64) float64 {
	if len(v) == 0 {
		return -1
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	i := int(float64(len(s)-1) * p / 100)
	return s[i]
}

// median takes the median of each figure over the runs.
func median(runs []firstLoad) firstLoad {
	pick := func(f func(firstLoad) float64) float64 {
		v := make([]float64, len(runs))
		for i, r := range runs {
			v[i] = f(r)
		}
		return percentile(v, 50)
	}
	return firstLoad{
		BytesTotal:     int64(pick(func(r firstLoad) float64 { return float64(r.BytesTotal) })),
		BytesWasm:      int64(pick(func(r firstLoad) float64 { return float64(r.BytesWasm) })),
		FCPms:          pick(func(r firstLoad) float64 { return r.FCPms }),
		SearchReadyMS:  pick(func(r firstLoad) float64 { return r.SearchReadyMS }),
		LiveMS:         pick(func(r firstLoad) float64 { return r.LiveMS }),
		FullSearchMS:   pick(func(r firstLoad) float64 { return r.FullSearchMS }),
		KeyToPaintP50:  pick(func(r firstLoad) float64 { return r.KeyToPaintP50 }),
		KeyToPaintP95:  pick(func(r firstLoad) float64 { return r.KeyToPaintP95 }),
		LongTaskMaxMS:  pick(func(r firstLoad) float64 { return r.LongTaskMaxMS }),
		LongTasks:      int(pick(func(r firstLoad) float64 { return float64(r.LongTasks) })),
		CLS:            pick(func(r firstLoad) float64 { return r.CLS }),
		HeapLoadMB:     pick(func(r firstLoad) float64 { return r.HeapLoadMB }),
		HeapSearchesMB: pick(func(r firstLoad) float64 { return r.HeapSearchesMB }),
	}
}

func printFirstLoad(b *testing.B, results map[string]firstLoad) {
	if len(results) == 0 {
		return
	}
	var names []string
	for n := range results {
		names = append(names, n)
	}
	sort.Strings(names)
	var sb strings.Builder
	fmt.Fprintf(&sb, "\nFirst load, CPU %dx slower, %.1f Mbit/s down, %d ms latency, cold cache (medians)\n", cpuSlowdown, downBytesSec*8/1e6, latencyMS)
	fmt.Fprintf(&sb, "%-6s %10s %10s %8s %10s %8s %9s %9s %9s %9s %6s %8s %9s %9s\n",
		"", "bytes", "wasm", "FCP ms", "search ms", "live ms", "full ms", "key p50", "key p95", "long max", ">50ms", "CLS", "mem MB", "mem 100q")
	for _, n := range names {
		r := results[n]
		fmt.Fprintf(&sb, "%-6s %10d %10d %8.0f %10.0f %8.0f %9.0f %9.1f %9.1f %9.0f %6d %8.3f %9.1f %9.1f\n", n,
			r.BytesTotal, r.BytesWasm, r.FCPms, r.SearchReadyMS, r.LiveMS, r.FullSearchMS, r.KeyToPaintP50, r.KeyToPaintP95,
			r.LongTaskMaxMS, r.LongTasks, r.CLS, r.HeapLoadMB, r.HeapSearchesMB)
	}
	fmt.Print(sb.String())
	writeBenchJSON(b, "BENCH_JSON", "bench-first-load.json", results)
}

// writeBenchJSON writes a benchmark's figures as JSON to the file $env
// names, else to bin/name.
func writeBenchJSON(b *testing.B, env, name string, v any) {
	out := os.Getenv(env)
	if out == "" {
		out = filepath.Join("..", "..", "bin", name)
	}
	js, _ := json.MarshalIndent(v, "", "  ")
	os.MkdirAll(filepath.Dir(out), 0o755)
	if err := os.WriteFile(out, js, 0o644); err != nil {
		b.Log(err)
	}
}
