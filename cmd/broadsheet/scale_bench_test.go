//go:build linux

package main

// BenchmarkScale is the full-text scale benchmark of issue 17. For each
// size in BROADSHEET_SCALE (articles, comma-separated; default 2000,10000)
// it builds the site for corpus.FullText(n) with `broadsheet build`, as a
// deployment would, serves it with broadsheet serve's handler, and loads
// it cold in headless Chromium, once as it is and once on the slow-phone
// profile of BenchmarkFirstLoad. It measures from the outside only: what
// the reader sees (an answer to a query, the app taking over) and what the
// server sent, so that it measures any design of the bundle unchanged.
//
// What a load does, as a reader would: type a frequent word as soon as the
// search box is there, and, once it is answered, the same kind of word with
// two letters swapped; then, once the app is live and the network quiet,
// three more queries one after another (a name, a name in Cyrillic, a
// rarer word), each answered and the network quiet again before the next.
// The queries are drawn from the collection (scaleQueriesFor), so they
// match at any size.
//
// It prints a table and writes it as JSON (BENCH_SCALE_JSON, default
// bin/bench-scale.json). With -benchtime Nx each figure is the median of
// N loads. Linux only: the build's peak memory comes from getrusage and the
// renderer's from /proc.

import (
	"bufio"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/cdproto/systeminfo"
	"github.com/chromedp/chromedp"

	"broadsheet/data"
	"broadsheet/data/corpus"
	"broadsheet/data/folder"
)

// scaleLimit bounds one load: the slow profile took more than a minute to
// go live at 10,000 articles (issue 17).
const scaleLimit = 15 * time.Minute

// scaleRun is what the benchmark found for one size.
type scaleRun struct {
	Articles int                  `json:"articles"`
	Queries  scaleQueries         `json:"queries"`
	Build    scaleBuild           `json:"build"`
	Files    []fileGroup          `json:"data_files"` // what the build wrote under web/ beside the assets
	Loads    map[string]scaleLoad `json:"loads"`      // by profile: "fast" (as it is) and "slow" (the phone)
}

// scaleQueries are drawn from the collection. Its words are of seven
// letters or more, written in lower case, and chosen by the share of the
// articles they are in: a topic of the news is in about 10% (the commonest
// words are in nearly all).
type scaleQueries struct {
	First   string   `json:"first"`   // a word in about 10% of the articles
	Typo    string   `json:"typo"`    // a word in about 5%, two letters swapped: one edit
	TypoOf  string   `json:"typo_of"` // what the typo meant
	Further []string `json:"further"` // the commonest name, the commonest Cyrillic word, a word in about 1%
}

// scaleBuild is `broadsheet build -collection DIR`, with app.wasm's
// compression already cached (as on any rebuild).
type scaleBuild struct {
	WallS      float64 `json:"wall_s"`
	CPUS       float64 `json:"cpu_s"`             // user and system
	PeakRSSMB  float64 `json:"peak_rss_mb"`       // the process's maximum resident set (getrusage, as /usr/bin/time -v)
	PeakHeapMB float64 `json:"peak_go_heap_mb"`   // the largest Go heap a collection saw (GODEBUG=gctrace=1)
	PeakLiveMB float64 `json:"peak_live_heap_mb"` // the largest heap left live after one
	Report     string  `json:"report"`            // the build's own last line
}

// fileGroup is the data files of one name pattern (hashes and shard names
// starred).
type fileGroup struct {
	Pattern     string `json:"pattern"`
	Count       int    `json:"count"`
	Bytes       int64  `json:"bytes"`        // raw
	Brotli      int64  `json:"brotli_bytes"` // their .br siblings: what a browser is sent
	Largest     int64  `json:"largest"`
	LargestName string `json:"largest_name"`
}

// scaleLoad is one cold load. Times run from navigation start; bytes are
// response bodies the server had sent by then (compressed, as sent), the
// service worker's included. On the slow profile the server sends faster
// than the browser lets the page receive, so its byte counts are not
// kept.
type scaleLoad struct {
	LoadAvg float64 `json:"load_avg"` // the machine's 1-minute load average as the load began

	TypedMS    float64 `json:"typed_ms"`        // the search box is there: the first query is typed
	FirstMS    float64 `json:"first_answer_ms"` // results for it
	FirstBytes int64   `json:"first_answer_bytes,omitempty"`
	FirstWasm  int64   `json:"first_answer_wasm_bytes,omitempty"` // of which app.wasm
	FirstBy    string  `json:"first_answer_by"`                   // "quick" when the pre-wasm search answered, else "app"

	TypoMS    float64 `json:"typo_answer_ms"` // results for the typo, typed once the first was answered
	TypoBytes int64   `json:"typo_answer_bytes,omitempty"`
	TypoBy    string  `json:"typo_answer_by"`

	LiveMS    float64 `json:"live_ms"` // the app has taken over (data-live)
	LiveBytes int64   `json:"live_bytes,omitempty"`

	Further []queryCost `json:"further,omitempty"` // fast profile only

	JSHeapMB      float64 `json:"js_heap_mb,omitempty"`      // Performance.getMetrics JSHeapUsedSize, after the queries
	WasmMB        float64 `json:"wasm_memory_mb,omitempty"`  // the wasm's linear memory, after the queries
	RendererMB    float64 `json:"renderer_mb,omitempty"`     // the page's renderer process: private memory (RssAnon + VmSwap), after the queries
	RendererRSSMB float64 `json:"renderer_rss_mb,omitempty"` // its resident set, shared pages (libraries, fonts) included
	TotalBytes    int64   `json:"total_bytes,omitempty"`     // everything sent for the visit
}

// queryCost is one query typed into the live app.
type queryCost struct {
	Query string   `json:"query"`
	MS    float64  `json:"ms"`    // from the first key to the answer
	Bytes int64    `json:"bytes"` // sent from the first key until the network was quiet again
	Files []served `json:"files"`
}

func BenchmarkScale(b *testing.B) {
	sizes := scaleSizes(b)
	var runs []scaleRun
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			c := corpus.FullText(n)
			r := scaleRun{Articles: n, Queries: scaleQueriesFor(c), Loads: map[string]scaleLoad{}}
			b.Logf("queries: %q, typo %q (of %q), then %q", r.Queries.First, r.Queries.Typo, r.Queries.TypoOf, r.Queries.Further)
			dist := filepath.Join(b.TempDir(), "dist")
			r.Build = buildScaleSite(b, c, dist)
			r.Files = dataFiles(b, dist, benchWeb(b))
			// b.Loop runs this function once, however many loads
			// -benchtime asks for: the site is built once.
			var fast, slow []scaleLoad
			for b.Loop() {
				fast = append(fast, measureScaleLoad(b, dist, r.Queries, false))
				slow = append(slow, measureScaleLoad(b, dist, r.Queries, true))
			}
			r.Loads["fast"], r.Loads["slow"] = medianLoad(fast), medianLoad(slow)
			runs = append(runs, r)
		})
	}
	printScale(b, runs)
}

func scaleSizes(b *testing.B) []int {
	spec := os.Getenv("BROADSHEET_SCALE")
	if spec == "" {
		spec = "2000,10000"
	}
	var sizes []int
	for _, f := range strings.Split(spec, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(strings.ReplaceAll(f, "_", "")))
		if err != nil || n <= 0 {
			b.Fatalf("BROADSHEET_SCALE=%q: %q is not a number of articles", spec, f)
		}
		sizes = append(sizes, n)
	}
	return sizes
}

// scaleQueriesFor draws the queries from c's words, counted by the
// articles they are in.
func scaleQueriesFor(c *data.Collection) scaleQueries {
	df := map[string]int{}
	lower := map[string]bool{} // written in lower case somewhere
	seen := map[string]bool{}
	for i := range c.Articles {
		a := &c.Articles[i]
		clear(seen)
		for _, s := range []string{a.Title, a.Body} {
			for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
				k := strings.ToLower(w)
				if !seen[k] {
					seen[k] = true
					df[k]++
				}
				if w == k {
					lower[k] = true
				}
			}
		}
	}
	vocabulary := make([]string, 0, len(df))
	for w := range df {
		vocabulary = append(vocabulary, w)
	}
	sort.Strings(vocabulary)
	// commonest lists the words that pass keep, the commonest first.
	commonest := func(keep func(w string) bool) []string {
		var ws []string
		for _, w := range vocabulary {
			if keep(w) {
				ws = append(ws, w)
			}
		}
		sort.SliceStable(ws, func(i, j int) bool { return df[ws[i]] > df[ws[j]] })
		return ws
	}
	ascii := func(w string) bool {
		return !strings.ContainsFunc(w, func(r rune) bool { return r < 'a' || r > 'z' })
	}
	// A typo must find nothing as it is, not even as a prefix.
	unknown := func(w string) bool {
		i := sort.SearchStrings(vocabulary, w)
		return i == len(vocabulary) || !strings.HasPrefix(vocabulary[i], w)
	}

	// around lists the words that pass keep, those in about share of the
	// articles first.
	around := func(share float64, keep func(w string) bool) []string {
		ws := commonest(keep)
		target := max(2, int(share*float64(len(c.Articles))))
		sort.SliceStable(ws, func(i, j int) bool { return abs(df[ws[i]]-target) < abs(df[ws[j]]-target) })
		return ws
	}
	word := func(w string) bool { return lower[w] && ascii(w) && len(w) >= 7 }

	var q scaleQueries
	q.First = around(0.1, word)[0]
typo:
	for _, w := range around(0.05, func(w string) bool { return word(w) && w != q.First }) {
		for i := 2; i+1 < len(w); i++ {
			t := w[:i] + w[i+1:i+2] + w[i:i+1] + w[i+2:]
			if w[i] != w[i+1] && unknown(t) {
				q.Typo, q.TypoOf = t, w
				break typo
			}
		}
	}
	names := commonest(func(w string) bool { return !lower[w] && ascii(w) && len(w) >= 5 })
	q.Further = append(q.Further, strings.ToUpper(names[0][:1])+names[0][1:])
	cyrillic := commonest(func(w string) bool {
		return utf8Len(w) >= 5 && strings.ContainsFunc(w, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) })
	})
	if len(cyrillic) > 0 {
		r := []rune(cyrillic[0])
		q.Further = append(q.Further, strings.ToUpper(string(r[0]))+string(r[1:]))
	}
	q.Further = append(q.Further, around(0.01, func(w string) bool { return word(w) && w != q.First && w != q.TypoOf })[0])
	return q
}

func utf8Len(s string) int { return len([]rune(s)) }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

var benchBinaryOnce struct {
	sync.Once
	bin, cache string
	err        error
}

// benchBinary is `broadsheet` built natively, and a compression cache that
// already holds app.wasm's brotli and gzip: building the seed into it once
// costs about 30 s, which every build of a real deployment but the very
// first is spared.
func benchBinary(b *testing.B) (bin, cache string) {
	web := benchWeb(b)
	benchBinaryOnce.Do(func() {
		dir, err := os.MkdirTemp("", "broadsheet-bench-bin-")
		if err != nil {
			benchBinaryOnce.err = err
			return
		}
		bin, cache := filepath.Join(dir, "broadsheet"), filepath.Join(dir, "cache")
		if msg, err := exec.Command("go", "build", "-trimpath", "-o", bin, ".").CombinedOutput(); err != nil {
			benchBinaryOnce.err = fmt.Errorf("building broadsheet: %v\n%s", err, msg)
			return
		}
		warm := exec.Command(bin, "build", "-o", filepath.Join(dir, "warm"), "-web", web)
		warm.Env = append(os.Environ(), "BROADSHEET_CACHE="+cache)
		if msg, err := warm.CombinedOutput(); err != nil {
			benchBinaryOnce.err = fmt.Errorf("building the seed site to warm the cache: %v\n%s", err, msg)
			return
		}
		os.RemoveAll(filepath.Join(dir, "warm"))
		benchBinaryOnce.bin, benchBinaryOnce.cache = bin, cache
	})
	if benchBinaryOnce.err != nil {
		b.Fatal(benchBinaryOnce.err)
	}
	return benchBinaryOnce.bin, benchBinaryOnce.cache
}

// gcLine is the heap figures of a gctrace line: "4->5->1 MB" is the heap
// when the collection began, when it ended, and what was live.
var gcLine = regexp.MustCompile(`(\d+)->(\d+)->(\d+) MB`)

// buildScaleSite writes c as a collection folder and builds the site from
// it with the binary, timing it and reading its peak memory.
func buildScaleSite(b *testing.B, c *data.Collection, dist string) scaleBuild {
	b.Helper()
	bin, cache := benchBinary(b)
	coll := filepath.Join(b.TempDir(), "collection")
	if err := folder.WriteDir(coll, c); err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(bin, "build", "-o", dist, "-web", benchWeb(b), "-collection", coll)
	cmd.Env = append(os.Environ(), "BROADSHEET_CACHE="+cache, "GODEBUG=gctrace=1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	var r scaleBuild
	var tail []string
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		line := sc.Text()
		if m := gcLine.FindStringSubmatch(line); m != nil {
			before, after, live := atof(m[1]), atof(m[2]), atof(m[3])
			r.PeakHeapMB = max(r.PeakHeapMB, before, after)
			r.PeakLiveMB = max(r.PeakLiveMB, live)
			continue
		}
		tail = append(tail, line)
	}
	err = cmd.Wait()
	r.WallS = time.Since(start).Seconds()
	if err != nil {
		b.Fatalf("broadsheet build: %v\n%s", err, strings.Join(tail, "\n"))
	}
	if len(tail) > 0 {
		r.Report = tail[len(tail)-1]
	}
	ps := cmd.ProcessState
	r.CPUS = (ps.UserTime() + ps.SystemTime()).Seconds()
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		r.PeakRSSMB = float64(ru.Maxrss) * 1024 / 1e6 // kilobytes on Linux
	}
	b.Logf("build: %s", r.Report)
	return r
}

func atof(s string) float64 {
	v, _ := strconv.ParseFloat(s, 64)
	return v
}

// dataFiles groups the files the build wrote under web/ that are not
// among the assets (the web folder it was given): the bundle, in whatever
// files a design puts it. .br and .gz siblings are counted with their
// file.
func dataFiles(b *testing.B, dist, web string) []fileGroup {
	b.Helper()
	groups := map[string]*fileGroup{}
	root := filepath.Join(dist, "web")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name, _ := filepath.Rel(root, p)
		if strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz") {
			return nil
		}
		if _, err := os.Stat(filepath.Join(web, name)); err == nil {
			return nil // an asset
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		pat := filePattern(name)
		g := groups[pat]
		if g == nil {
			g = &fileGroup{Pattern: pat}
			groups[pat] = g
		}
		g.Count++
		g.Bytes += info.Size()
		if br, err := os.Stat(p + ".br"); err == nil {
			g.Brotli += br.Size()
		}
		if info.Size() > g.Largest {
			g.Largest, g.LargestName = info.Size(), name
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	var out []fileGroup
	for _, g := range groups {
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Pattern < out[j].Pattern })
	return out
}

// filePattern stars the parts of a file's path that vary: hashes and shard
// names (two hex digits or more) and numbers. quick/9427fb5c7d80/k/6162.json is
// quick/*/k/*.json, collection.6f20ead12fa6.json collection.*.json.
func filePattern(name string) string {
	segs := strings.Split(filepath.ToSlash(name), "/")
	for i, seg := range segs {
		parts := strings.Split(seg, ".")
		for j, p := range parts {
			if isNumber(p) || len(p) >= 2 && isHex(p) {
				parts[j] = "*"
			}
		}
		segs[i] = strings.Join(parts, ".")
	}
	return strings.Join(segs, "/")
}

func isHex(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool { return !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') })
}

func isNumber(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool { return r < '0' || r > '9' })
}

// scaleWatchJS runs before every page. It records the moment (performance
// .now()) each awaited event first happens in the DOM: the app going live,
// and the results of a query being there (watch(name, query), called as
// the query is about to be typed), which search answered them and the
// count it gave.
const scaleWatchJS = `
(() => {
  const s = window.__scale = {seen: {}, watches: []};
  const results = q => [...document.querySelectorAll("section.results")].find(e => e.dataset.query === q && e.querySelector(".result"));
  const check = () => {
    const now = performance.now();
    for (const w of s.watches) {
      if (w.name in s.seen) continue;
      const e = results(w.query);
      if (e) s.seen[w.name] = {ms: now, typed: w.typed, by: e.hasAttribute("data-quick") ? "quick" : "app", count: ((e.querySelector("#result-count") || {}).textContent || "").trim()};
    }
    if (!("live" in s.seen) && document.documentElement && document.documentElement.hasAttribute("data-live")) s.seen.live = {ms: now};
  };
  s.watch = (name, query) => { s.watches.push({name, query, typed: performance.now()}); check(); };
  new MutationObserver(check).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
})();
`

type seenEvent struct {
	MS    float64 `json:"ms"`
	Typed float64 `json:"typed"` // when the query began to be typed
	By    string  `json:"by"`
	Count string  `json:"count"`
}

// measureScaleLoad loads the site cold in a tab of its own and types the
// queries; slow puts the tab on the slow-phone profile and stops once the
// app is live and has answered the typo.
func measureScaleLoad(b *testing.B, dist string, q scaleQueries, slow bool) scaleLoad {
	b.Helper()
	count, srv := serveCounting(b, dist)
	defer srv.Close()

	m := scaleLoad{LoadAvg: loadAverage()}
	browser := benchBrowser(b)
	// A browser context of its own: a cold cache, no service worker.
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, scaleLimit)
	defer cancelT()
	steps := []chromedp.Action[chromedp.Void]{
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			if _, err := cdp.Call(ctx, t, performance.Enable, performance.EnableParams{}); err != nil {
				return err
			}
			_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: scaleWatchJS})
			return err
		}),
	}
	if slow {
		steps = append(steps, slowPhone)
	}
	// Navigate without waiting for the load event: the reader types as
	// soon as the box is there.
	steps = append(steps, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.Navigate, page.NavigateParams{URL: srv.URL + "/"})
		return err
	}))
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.Fatal(err)
	}
	deadline := time.Now().Add(scaleLimit - time.Minute)
	// wait polls the events seen until every one of names has happened,
	// calling then(name, event) for each as it is first seen.
	wait := func(then func(string, seenEvent), names ...string) {
		done := map[string]bool{}
		for len(done) < len(names) {
			seen, _ := chromedp.Run(ctx, chromedp.Evaluate[map[string]seenEvent](`window.__scale ? window.__scale.seen : {}`))
			for _, n := range names {
				if e, ok := seen[n]; ok && !done[n] {
					done[n] = true
					then(n, e)
				}
			}
			if time.Now().After(deadline) {
				b.Fatalf("waited %s for %q, saw %v", scaleLimit, names, seen)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	typeQuery := func(name, query string) {
		// Key events go to the focused element: no node to look up in a
		// document that is still loading.
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(b => {
			b.value = ""; b.dispatchEvent(new Event("input", {bubbles: true})); b.focus(); window.__scale.watch(%q, %q);
		})(document.getElementById("search-input"))`, name, query))); err != nil {
			b.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.KeyEvent(query)); err != nil {
			b.Fatalf("typing %q: %v", query, err)
		}
	}
	for {
		ok, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`location.protocol === "http:" && !!window.__scale && (e => !!e && e.getClientRects().length > 0)(document.getElementById("search-input"))`))
		if ok {
			break
		}
		if time.Now().After(deadline) {
			b.Fatal("no search box")
		}
		time.Sleep(10 * time.Millisecond)
	}

	typeQuery("first", q.First)
	wait(func(_ string, e seenEvent) {
		m.TypedMS, m.FirstMS, m.FirstBy, m.FirstBytes, m.FirstWasm = e.Typed, e.MS, e.By, count.total.Load(), count.wasm.Load()
		b.Logf("%s: %q answered by the %s at %.0f ms: %s", profileName(slow), q.First, e.By, e.MS, e.Count)
	}, "first")
	typeQuery("typo", q.Typo)
	wait(func(name string, e seenEvent) {
		switch name {
		case "typo":
			m.TypoMS, m.TypoBy, m.TypoBytes = e.MS, e.By, count.total.Load()
			b.Logf("%s: %q answered by the %s at %.0f ms: %s", profileName(slow), q.Typo, e.By, e.MS, e.Count)
		case "live":
			m.LiveMS, m.LiveBytes = e.MS, count.total.Load()
		}
	}, "typo", "live")
	if slow {
		m.FirstBytes, m.FirstWasm, m.TypoBytes, m.LiveBytes = 0, 0, 0, 0
		return m
	}

	// The live app, one query after another, each on a quiet network.
	for i, query := range q.Further {
		if !count.quiet(time.Second, time.Minute) {
			b.Logf("the network did not get quiet before %q", query)
		}
		base, k := count.total.Load(), count.answered()
		name := fmt.Sprintf("further%d", i)
		typeQuery(name, query)
		var qc queryCost
		wait(func(_ string, e seenEvent) {
			qc = queryCost{Query: query, MS: e.MS - e.Typed}
			b.Logf("%q answered in %.0f ms: %s", query, qc.MS, e.Count)
		}, name)
		count.quiet(time.Second, time.Minute)
		qc.Bytes, qc.Files = count.total.Load()-base, count.servedSince(k)
		m.Further = append(m.Further, qc)
	}

	// Memory, after all that.
	metrics, err := chromedp.Run(ctx, chromedp.Action[performance.GetMetricsResult](func(ctx context.Context, t *chromedp.Target) (performance.GetMetricsResult, error) {
		return cdp.Call(ctx, t, performance.GetMetrics, cdp.Empty{})
	}))
	if err != nil {
		b.Fatal(err)
	}
	for _, mt := range metrics.Metrics {
		if mt.Name == "JSHeapUsedSize" {
			m.JSHeapMB = mt.Value / 1e6
		}
	}
	m.WasmMB = mustEval[float64](b, ctx, `window.goappWasmMemory ? window.goappWasmMemory.buffer.byteLength / 1e6 : -1`)
	if pid := pageRenderer(b, browser, ctx); pid > 0 {
		private, rss := processMemory(pid)
		m.RendererMB, m.RendererRSSMB = private/1e6, rss/1e6
	}
	m.TotalBytes = count.total.Load()
	return m
}

func profileName(slow bool) string {
	if slow {
		return "slow"
	}
	return "fast"
}

// pageRenderer finds the renderer process of the page in ctx: the one
// that spends the CPU time of a busy loop run in the page. (Chromium names
// no process by tab; beside the page's there are others, such as the spare
// renderer it keeps for the next navigation.) 0 when none stands out.
func pageRenderer(b *testing.B, browser, ctx context.Context) int64 {
	b.Helper()
	cpu := func() map[int64]float64 {
		info, err := cdp.Call(browser, chromedp.FromContext(browser).Browser, systeminfo.GetProcessInfo, cdp.Empty{})
		if err != nil {
			b.Fatalf("SystemInfo.getProcessInfo: %v", err)
		}
		m := map[int64]float64{}
		for _, p := range info.ProcessInfo {
			if p.Type == "renderer" {
				m[p.ID] = p.CPUTime
			}
		}
		return m
	}
	const busy = 0.5 // seconds
	before := cpu()
	mustEval[bool](b, ctx, fmt.Sprintf(`(() => { const t = performance.now(); while (performance.now() - t < %g) {} return true })()`, busy*1000))
	var pid int64
	best := 0.0
	for p, t := range cpu() {
		if d := t - before[p]; d > best {
			pid, best = p, d
		}
	}
	if best < busy/2 {
		b.Logf("no renderer process spent the page's busy loop (at most %.2f s of %.1f)", best, busy)
		return 0
	}
	return pid
}

// processMemory reads a process's private memory (RssAnon + VmSwap, what
// Chrome calls its private memory footprint on Linux) and its resident set
// from /proc, in bytes.
func processMemory(pid int64) (private, rss float64) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		kb := atof(strings.TrimSuffix(strings.TrimSpace(v), " kB")) * 1024
		switch k {
		case "RssAnon", "VmSwap":
			private += kb
		case "VmRSS":
			rss = kb
		}
	}
	return private, rss
}

// loadAverage is the machine's 1-minute load average.
func loadAverage() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return -1
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return -1
	}
	return atof(f[0])
}

// medianLoad takes the median of each figure over the loads.
func medianLoad(loads []scaleLoad) scaleLoad {
	if len(loads) == 1 {
		return loads[0]
	}
	pick := func(f func(scaleLoad) float64) float64 {
		v := make([]float64, len(loads))
		for i, l := range loads {
			v[i] = f(l)
		}
		return percentile(v, 50)
	}
	m := loads[0] // the answering search, the queries and their files: from the first load
	m.LoadAvg = pick(func(l scaleLoad) float64 { return l.LoadAvg })
	m.TypedMS = pick(func(l scaleLoad) float64 { return l.TypedMS })
	m.FirstMS = pick(func(l scaleLoad) float64 { return l.FirstMS })
	m.FirstBytes = int64(pick(func(l scaleLoad) float64 { return float64(l.FirstBytes) }))
	m.FirstWasm = int64(pick(func(l scaleLoad) float64 { return float64(l.FirstWasm) }))
	m.TypoMS = pick(func(l scaleLoad) float64 { return l.TypoMS })
	m.TypoBytes = int64(pick(func(l scaleLoad) float64 { return float64(l.TypoBytes) }))
	m.LiveMS = pick(func(l scaleLoad) float64 { return l.LiveMS })
	m.LiveBytes = int64(pick(func(l scaleLoad) float64 { return float64(l.LiveBytes) }))
	m.Further = slices.Clone(m.Further)
	for i := range m.Further {
		m.Further[i].MS = pick(func(l scaleLoad) float64 { return l.Further[i].MS })
		m.Further[i].Bytes = int64(pick(func(l scaleLoad) float64 { return float64(l.Further[i].Bytes) }))
	}
	m.JSHeapMB = pick(func(l scaleLoad) float64 { return l.JSHeapMB })
	m.WasmMB = pick(func(l scaleLoad) float64 { return l.WasmMB })
	m.RendererMB = pick(func(l scaleLoad) float64 { return l.RendererMB })
	m.RendererRSSMB = pick(func(l scaleLoad) float64 { return l.RendererRSSMB })
	m.TotalBytes = int64(pick(func(l scaleLoad) float64 { return float64(l.TotalBytes) }))
	return m
}

func printScale(b *testing.B, runs []scaleRun) {
	if len(runs) == 0 {
		return
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "\nScale: corpus.FullText(n), built by `broadsheet build`, served by broadsheet serve's handler, cold loads in headless Chromium;\n"+
		"fast = as it is (loopback), slow = CPU %dx slower, %.1f Mbit/s down, %d ms latency. Times from navigation start; bytes as sent (compressed), in kB.\n",
		cpuSlowdown, downBytesSec*8/1e6, latencyMS)
	fmt.Fprintf(&sb, "%8s %-4s %5s | %6s | %8s %7s %7s %5s | %8s %7s %5s | %8s %7s | %6s %6s %6s | %6s %7s %7s %7s | %8s\n",
		"articles", "", "load", "box ms", "first ms", "kB", "(wasm)", "by", "typo ms", "kB", "by", "live ms", "kB",
		"q1 kB", "q2 kB", "q3 kB", "JS MB", "wasm MB", "rend MB", "rss MB", "total kB")
	kB := func(n int64) string { return fmt.Sprintf("%.0f", float64(n)/1e3) }
	for _, r := range runs {
		for _, p := range []string{"fast", "slow"} {
			l, ok := r.Loads[p]
			if !ok {
				continue
			}
			if p == "slow" {
				fmt.Fprintf(&sb, "%8d %-4s %5.2f | %6.0f | %8.0f %7s %7s %5s | %8.0f %7s %5s | %8.0f %7s |\n",
					r.Articles, p, l.LoadAvg, l.TypedMS, l.FirstMS, "", "", l.FirstBy, l.TypoMS, "", l.TypoBy, l.LiveMS, "")
				continue
			}
			further := make([]string, 3)
			for i := range further {
				further[i] = "-"
				if i < len(l.Further) {
					further[i] = kB(l.Further[i].Bytes)
				}
			}
			fmt.Fprintf(&sb, "%8d %-4s %5.2f | %6.0f | %8.0f %7s %7s %5s | %8.0f %7s %5s | %8.0f %7s | %6s %6s %6s | %6.1f %7.1f %7.0f %7.0f | %8s\n",
				r.Articles, p, l.LoadAvg, l.TypedMS, l.FirstMS, kB(l.FirstBytes), kB(l.FirstWasm), l.FirstBy,
				l.TypoMS, kB(l.TypoBytes), l.TypoBy, l.LiveMS, kB(l.LiveBytes),
				further[0], further[1], further[2], l.JSHeapMB, l.WasmMB, l.RendererMB, l.RendererRSSMB, kB(l.TotalBytes))
		}
	}
	fmt.Fprintf(&sb, "\nBuild (`broadsheet build`, app.wasm's compression cached, %d cores) and the data files it wrote under web/ (raw; brotli as sent)\n", runtime.NumCPU())
	for _, r := range runs {
		fmt.Fprintf(&sb, "%8d articles: %.0f s wall, %.0f s CPU, peak RSS %.0f MB, Go heap peak %.0f MB (live %.0f MB)\n",
			r.Articles, r.Build.WallS, r.Build.CPUS, r.Build.PeakRSSMB, r.Build.PeakHeapMB, r.Build.PeakLiveMB)
		for _, g := range r.Files {
			fmt.Fprintf(&sb, "%10s %-28s %6d files %12d B %12d B br, largest %d B\n", "", g.Pattern, g.Count, g.Bytes, g.Brotli, g.Largest)
		}
	}
	fmt.Fprintf(&sb, "\nQueries: ")
	for _, r := range runs {
		fmt.Fprintf(&sb, "%d: %q, typo %q (%s), then %q. ", r.Articles, r.Queries.First, r.Queries.Typo, r.Queries.TypoOf, r.Queries.Further)
	}
	fmt.Println(sb.String())

	writeBenchJSON(b, "BENCH_SCALE_JSON", "bench-scale.json", runs)
}
