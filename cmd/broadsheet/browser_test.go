//go:build !(js && wasm)

package main

// Browser tests: the real site, built from the seed collection plus one
// hostile article, served by broadsheet serve's handler on a loopback port
// and driven in headless Debian Chromium. They read like a person using the
// page. `make test` installs Chromium; without it these tests fail (they
// are never skipped).

import (
	"context"
	"fmt"
	"net"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"broadsheet/cmd/broadsheet/internal/server"
	"broadsheet/cmd/broadsheet/internal/site"
	"broadsheet/data"
	"broadsheet/data/corpus"
)

const hostileTitle = `"><img src=x onerror=alert(1)>`

// browserEnv is one built site and one browser, shared by the tests.
type browserEnv struct {
	dist    string // the built site
	url     string // where it is served
	browser context.Context
}

var env *browserEnv

func TestMain(m *testing.M) {
	code := m.Run()
	if env != nil && env.browser != nil {
		chromedp.Cancel(env.browser)
	}
	os.Exit(code)
}

// setup builds the wasm and the site and starts the server and Chromium,
// once for all the tests of this package.
func setup(t *testing.T) *browserEnv {
	t.Helper()
	if env != nil {
		return env
	}
	tmp, err := os.MkdirTemp("", "broadsheet-browser-")
	if err != nil {
		t.Fatal(err)
	}
	web := filepath.Join(tmp, "web")
	if err := os.CopyFS(web, os.DirFS("../../web")); err != nil {
		t.Fatal(err)
	}
	if err := buildWasm(filepath.Join(web, "app.wasm")); err != nil {
		t.Fatal(err)
	}
	dist := filepath.Join(tmp, "dist")
	if _, err := site.Build(site.Options{Out: dist, Base: "/", Collection: testCollection(t), Web: os.DirFS(web), Compress: true}); err != nil {
		t.Fatal(err)
	}
	h, err := server.New(dist)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	env = &browserEnv{dist: dist, url: srv.URL, browser: newBrowser(t)}
	return env
}

// buildWasm builds this package for the browser with make wasm's flags.
func buildWasm(out string) error {
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-gcflags=all=-l", "-o", out, ".")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if msg, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("building app.wasm: %v\n%s", err, msg)
	}
	return nil
}

// testCollection is the seed plus an article whose title tries to inject
// markup.
func testCollection(t testing.TB) *data.Collection {
	c := corpus.Seed(t)
	c.Articles = append(c.Articles, data.Article{
		Slug:  "hostile-title",
		Title: hostileTitle,
		Body:  "An article whose title is an attack <script>window.__xss = true</script>.",
		Date:  data.Date{Start: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Precision: data.PrecisionMonth},
	})
	c.Sort()
	return c
}

func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

func newBrowser(t testing.TB) context.Context {
	t.Helper()
	path := chromiumPath()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("Chromium not found at %s (make test installs it with apt-get; or set CHROMIUM): %v", path, err)
	}
	profile, err := os.MkdirTemp("", "broadsheet-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	alloc, _ := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profile),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("enable-precise-memory-info", true),
		chromedp.WindowSize(1000, 800),
	)
	ctx, _ := chromedp.NewContext(alloc)
	if err := chromedp.Do(ctx); err != nil { // start the browser now
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx
}

// tab opens a fresh tab for one test, with a deadline.
func (e *browserEnv) tab(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(e.browser)
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancel() })
	return ctx
}

// open loads url and waits until the wasm app has taken over the
// prerendered page. The old document is marked first, so that neither a
// redirect nor a slow navigation can pass it off as the new one.
func open(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`window.__broadsheetOld = true`))
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	waitFor(t, ctx, "the app to start on "+url,
		`!window.__broadsheetOld && document.readyState === "complete" && document.documentElement.hasAttribute("data-live")`)
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// evalAwait evaluates js that returns a promise and waits for its value.
func evalAwait[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// waitFor polls a JS condition until it holds.
func waitFor(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s (%s): err=%v", what, js, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// textOf waits for an element and returns its text; when it never comes,
// the failure shows where the page is and what it shows.
func textOf(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[*string](fmt.Sprintf(
			`(e => e ? e.textContent.trim() : null)(document.querySelector(%q))`, sel)))
		if err == nil && v != nil {
			return *v
		}
		if time.Now().After(deadline) {
			where, _ := chromedp.Run(ctx, chromedp.Evaluate[string](
				`location.href + " controlled=" + !!navigator.serviceWorker.controller + "\n" + document.body.innerText.slice(0, 800)`))
			t.Fatalf("no %s on the page (err=%v); page: %s", sel, err, where)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func typeInto(t *testing.T, ctx context.Context, sel, text string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(sel), text)); err != nil {
		t.Fatalf("typing %q: %v", text, err)
	}
}

func resultTitles(t *testing.T, ctx context.Context) []string {
	return eval[[]string](t, ctx, `[...document.querySelectorAll(".result h2")].map(e => e.textContent.trim())`)
}

func TestSearchPageLoadsWithFocusedInput(t *testing.T) {
	e := setup(t)
	ctx := e.tab(t)
	open(t, ctx, e.url+"/")
	waitFor(t, ctx, "the search box to have focus", `document.activeElement && document.activeElement.id === "search-input"`)
	if typ := eval[string](t, ctx, `document.getElementById("search-input").type`); typ != "search" {
		t.Errorf("input type = %q, want search", typ)
	}
	if n := len(resultTitles(t, ctx)); n != 7 {
		t.Errorf("the empty search lists %d latest articles, want 7", n)
	}
}

func TestTypingLikesListsTheTajikArticles(t *testing.T) {
	e := setup(t)
	ctx := e.tab(t)
	open(t, ctx, e.url+"/")
	typeInto(t, ctx, "#search-input", "likes")
	// The results of the whole word, not of a prefix typed on the way
	// (which may match as many articles in another order).
	waitFor(t, ctx, "results for likes", `(document.querySelector("[data-query]") || {dataset: {}}).dataset.query === "likes" && (document.getElementById("result-count")||{}).textContent === "4 of 7 articles match"`)

	titles := resultTitles(t, ctx)
	for i := 0; i < 3; i++ {
		if !strings.HasPrefix(titles[i], "Tajikistan") {
			t.Errorf("result %d is %q, want one of the three Tajik articles first; all: %q", i+1, titles[i], titles)
		}
	}
	marks := eval[[]string](t, ctx, `[...document.querySelectorAll(".result h2 mark")].map(m => m.textContent)`)
	if len(marks) < 3 {
		t.Fatalf("titles highlight %q, want the match in each Tajik title", marks)
	}
	for _, m := range marks {
		if !strings.EqualFold(m, "likes") {
			t.Errorf("highlighted %q in a title, want likes", m)
		}
	}
	if snips := eval[int](t, ctx, `document.querySelectorAll(".result .snippet mark").length`); snips == 0 {
		t.Error("no snippet highlights the match")
	}
	if u := eval[string](t, ctx, `location.search`); u != "?q=likes" {
		t.Errorf("URL query = %q, want ?q=likes", u)
	}

	// Opening a result shows the article, the query still highlighted.
	first := titles[0]
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".result h2 a"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the article page", `!!document.querySelector("article h1")`)
	if h1 := textOf(t, ctx, "article h1"); h1 != first {
		t.Errorf("article title = %q, want %q", h1, first)
	}
	if !strings.HasPrefix(eval[string](t, ctx, `location.pathname`), "/article/tajikistan-") {
		t.Errorf("article path = %s", eval[string](t, ctx, `location.pathname`))
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("article .body mark").length`); n == 0 {
		t.Error("the article does not highlight the query")
	}
	if d := textOf(t, ctx, "article .meta time"); !strings.HasSuffix(d, "2025, approx.") {
		t.Errorf("article date = %q, want an approximate 2025 date", d)
	}
}

func TestSearchFromTheURL(t *testing.T) {
	e := setup(t)
	ctx := e.tab(t)
	open(t, ctx, e.url+"/?q=telegram")
	waitFor(t, ctx, "results for telegram", `(document.getElementById("result-count")||{}).textContent === "1 of 7 articles matches"`)
	if v := eval[string](t, ctx, `document.getElementById("search-input").value`); v != "telegram" {
		t.Errorf("search box = %q, want the query from the URL", v)
	}
	typeInto(t, ctx, "#search-input", "zzqx")
	waitFor(t, ctx, "the empty state", `document.querySelector(".results.empty") !== null`)
	if n := eval[int](t, ctx, `document.querySelectorAll(".results.empty .suggestions a").length`); n == 0 {
		t.Error("the empty state suggests nothing to try")
	}
}

func TestDeepLinksLoadDirectly(t *testing.T) {
	e := setup(t)
	ctx := e.tab(t)
	open(t, ctx, e.url+"/timeline")
	if n := eval[int](t, ctx, `document.querySelectorAll(".month").length`); n < 3 {
		t.Errorf("timeline shows %d months, want at least 3", n)
	}
	first := textOf(t, ctx, ".month h2")
	if first != "May 2025" {
		t.Errorf("first timeline group = %q, want May 2025 (newest first)", first)
	}

	slug := "tiktoker-arrested-for-insulting-uzbek-citizens-online"
	open(t, ctx, e.url+"/article/"+slug)
	if h1 := textOf(t, ctx, "article h1"); h1 != "TikToker Arrested for Insulting Uzbek Citizens Online" {
		t.Errorf("deep link shows %q", h1)
	}
	if d := textOf(t, ctx, "article .meta time"); d != "March 2025, approx." {
		t.Errorf("date = %q, want March 2025, approx.", d)
	}
	// Neighbours in time link on.
	if n := eval[int](t, ctx, `document.querySelectorAll(".neighbours a").length`); n != 2 {
		t.Errorf("%d neighbour links, want older and newer", n)
	}
}

func TestPrerenderedPagesWorkWithoutWasm(t *testing.T) {
	e := setup(t)
	ctx := e.tab(t)
	// go-app skips loading the wasm with ?wasm=false: what a reader sees
	// before it arrives.
	if err := chromedp.Do(ctx, chromedp.Navigate(e.url+"/timeline?wasm=false"),
		chromedp.WaitReady(chromedp.CSS(".month"))); err != nil {
		t.Fatal(err)
	}
	if live := eval[bool](t, ctx, `document.documentElement.hasAttribute("data-live")`); live {
		t.Fatal("the wasm ran despite ?wasm=false")
	}
	if n := eval[int](t, ctx, `document.querySelectorAll(".month li a").length`); n != 7 {
		t.Errorf("prerendered timeline lists %d articles, want 7", n)
	}
}

func TestHostileTitleIsShownAsText(t *testing.T) {
	e := setup(t)
	ctx := e.tab(t)
	check := func(where string) {
		t.Helper()
		if n := eval[int](t, ctx, `document.querySelectorAll('img[src="x"], img[onerror]').length`); n != 0 {
			t.Errorf("%s: the title became an <img>", where)
		}
		if xss := eval[bool](t, ctx, `window.__xss === true`); xss {
			t.Errorf("%s: the article's script ran", where)
		}
	}
	// Prerendered, before the wasm.
	if err := chromedp.Do(ctx, chromedp.Navigate(e.url+"/article/hostile-title?wasm=false"),
		chromedp.WaitReady(chromedp.CSS("article h1"))); err != nil {
		t.Fatal(err)
	}
	if h1 := textOf(t, ctx, "article h1"); h1 != hostileTitle {
		t.Errorf("prerendered title = %q, want it as text", h1)
	}
	check("prerendered article")

	// Live: searched for and opened in the app.
	open(t, ctx, e.url+"/")
	typeInto(t, ctx, "#search-input", "onerror")
	waitFor(t, ctx, "the hostile result", `document.querySelectorAll(".result").length === 1`)
	if got := resultTitles(t, ctx)[0]; got != hostileTitle {
		t.Errorf("result title = %q, want %q as text", got, hostileTitle)
	}
	check("live results")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".result h2 a"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the article", `!!document.querySelector("article h1")`)
	if h1 := textOf(t, ctx, "article h1"); h1 != hostileTitle {
		t.Errorf("live article title = %q", h1)
	}
	check("live article")
}

// TestPlainStaticServer serves the same folder with python3's http.server,
// which knows nothing of clean URLs: deep links go through folder indexes.
func TestPlainStaticServer(t *testing.T) {
	e := setup(t)
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Fatalf("python3 is needed for this test: %v", err)
	}
	port := freePort(t)
	cmd := exec.Command(python, "-m", "http.server", "--bind", "127.0.0.1", fmt.Sprint(port))
	cmd.Dir = e.dist
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	waitListening(t, port)

	ctx := e.tab(t)
	open(t, ctx, base+"/?q=likes")
	waitFor(t, ctx, "results", `(document.getElementById("result-count")||{}).textContent === "4 of 7 articles match"`)
	open(t, ctx, base+"/timeline")
	if n := eval[int](t, ctx, `document.querySelectorAll(".month").length`); n < 3 {
		t.Errorf("timeline under http.server shows %d months", n)
	}
	open(t, ctx, base+"/article/tiktoker-arrested-for-insulting-uzbek-citizens-online")
	if h1 := textOf(t, ctx, "article h1"); !strings.HasPrefix(h1, "TikToker") {
		t.Errorf("article under http.server shows %q", h1)
	}
}

func freePort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func waitListening(t *testing.T, port int) {
	for i := 0; i < 100; i++ {
		if c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port)); err == nil {
			c.Close()
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("nothing listens on port %d", port)
}
