package site

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	"broadsheet/data"
	"broadsheet/data/corpus"
)

const hostileTitle = `"><img src=x onerror=alert(1)>`

// testCollection is the seed plus an article whose title and body try to
// break out of the page.
func testCollection(t *testing.T) *data.Collection {
	t.Helper()
	c := corpus.Seed(t)
	c.Articles = append(c.Articles, data.Article{
		Slug:  "hostile",
		Title: hostileTitle,
		Body:  `<script>alert(2)</script> and "quotes" \ backslash`,
		URL:   `https://example.org/a"onmouseover="alert(3)`,
		Date:  data.Date{Precision: data.PrecisionDay, Start: c.Articles[0].Date.Start},
	})
	c.Sort()
	return c
}

func testWeb() fstest.MapFS {
	return fstest.MapFS{
		"app.wasm":       {Data: []byte("\x00asm fake")},
		"broadsheet.css": {Data: []byte("body{}")},
	}
}

func build(t *testing.T, base string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "dist")
	if _, err := Build(Options{Out: out, Base: base, Collection: testCollection(t), Web: testWeb()}); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestBuildWritesEveryPage(t *testing.T) {
	out := build(t, "/")
	for _, name := range []string{
		"index.html", "404.html", "about.html", "about/index.html", "timeline.html", "timeline/index.html",
		"article/hostile.html", "article/hostile/index.html",
		"article/tiktoker-arrested-for-insulting-uzbek-citizens-online.html",
		"app.js", "app-worker.js", "wasm_exec.js", "manifest.webmanifest", "web/app.wasm", "web/broadsheet.css",
	} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("missing %s: %v", name, err)
		}
	}
	index, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !bytes.Contains(index, []byte("Latest articles")) || !bytes.Contains(index, []byte("TikToker Arrested")) {
		t.Error("index.html does not show the latest articles before the wasm loads")
	}
}

// TestHostileTitleIsText parses every page that shows the hostile article
// and checks that its title is a text node and that no element or
// attribute came out of it.
func TestHostileTitleIsText(t *testing.T) {
	out := build(t, "/")
	for _, name := range []string{"index.html", "timeline.html", "article/hostile.html"} {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		foundText := false
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				if n.Data == "img" {
					for _, a := range n.Attr {
						if a.Key == "onerror" || a.Key == "src" && a.Val == "x" {
							t.Errorf("%s: the title became an <img>: %v", name, n.Attr)
						}
					}
				}
				if n.Data == "script" && n.FirstChild != nil {
					t.Errorf("%s: inline script %q", name, n.FirstChild.Data)
				}
				for _, a := range n.Attr {
					if strings.HasPrefix(a.Key, "on") {
						t.Errorf("%s: <%s> has an event attribute %s=%q", name, n.Data, a.Key, a.Val)
					}
				}
			}
			if n.Type == html.TextNode && strings.Contains(n.Data, hostileTitle) {
				foundText = true
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		if !foundText {
			t.Errorf("%s: the hostile title is not shown as text", name)
		}
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	a, b := build(t, "/"), build(t, "/")
	var files []string
	filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if len(files) < 20 {
		t.Fatalf("only %d files built", len(files))
	}
	for _, p := range files {
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds of the same input", rel)
		}
	}
}

func TestBuildUnderSubPath(t *testing.T) {
	out := build(t, "/broadsheet/")
	b, _ := os.ReadFile(filepath.Join(out, "timeline.html"))
	for _, want := range []string{`href="/broadsheet/about"`, `src="/broadsheet/app.js"`, `href="/broadsheet/web/broadsheet.css"`} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("timeline.html lacks %s", want)
		}
	}
	if bytes.Contains(b, []byte(`href="/about"`)) {
		t.Error("timeline.html links to /about without the sub-path")
	}
}

func TestBuildFailsWithoutWasmAndKeepsOldSite(t *testing.T) {
	out := build(t, "/")
	web := testWeb()
	delete(web, "app.wasm")
	_, err := Build(Options{Out: out, Base: "/", Collection: testCollection(t), Web: web})
	if err == nil || !strings.Contains(err.Error(), "app.wasm") {
		t.Fatalf("err = %v, want one naming app.wasm", err)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Errorf("the previous site was lost: %v", err)
	}
}

func TestAppJSRegistersTheWorkerAfterTheWasm(t *testing.T) {
	out := build(t, "/")
	b, err := os.ReadFile(filepath.Join(out, "app.js"))
	if err != nil {
		t.Fatal(err)
	}
	js := string(b)
	if n := strings.Count(js, "goappInitServiceWorker();"); n != 3 {
		t.Errorf("app.js calls goappInitServiceWorker %d times, want 3 (no wasm, wasm loaded, wasm failed)", n)
	}
	if i, j := strings.Index(js, "go.run(wasm.instance);"), strings.Index(js, "goappInitServiceWorker();"); j < 0 || i < 0 || j < strings.Index(js, "goappCanLoadWebAssembly()) {") {
		t.Errorf("the worker is registered before the page decided about the wasm (run at %d, register at %d)", i, j)
	}
	// Go reads GOGC from go.env when it starts, so it must be set before
	// go.run.
	if i, j := strings.Index(js, `go.env = { GOGC: "300" };`), strings.Index(js, "go.run(wasm.instance);"); i < 0 || j < i {
		t.Errorf("app.js does not start Go with GOGC=300 (set at %d, run at %d)", i, j)
	}
}
