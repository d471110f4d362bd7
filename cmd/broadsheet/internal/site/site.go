// Package site writes Broadsheet's static site: every page prerendered by
// go-app's handler, the wasm, the bundle's files (cmd/broadsheet/internal/
// derive) and the assets, in a folder any static host can serve.
package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"

	"broadsheet/app/bundle"
	"broadsheet/app/ui"
	"broadsheet/cmd/broadsheet/internal/derive"
	"broadsheet/cmd/broadsheet/internal/quick"
	"broadsheet/data"
	"broadsheet/data/folder"
)

// Shared by the pages and the manifest.
const (
	description     = "An offline news-archive explorer: search, timelines and reading, in the browser."
	backgroundColor = "#faf8f3"
	themeColor      = "#1f3a5f"
)

// Options say what to build.
type Options struct {
	Out        string           // the folder to write; replaced atomically
	Base       string           // the path the site is served under: "/" or "/broadsheet/"
	Collection *data.Collection // the articles
	Web        fs.FS            // static assets: CSS, icons, app.wasm
	// Compress writes .br and .gz beside every text file and the wasm.
	Compress bool
}

// Report says what was written.
type Report struct {
	Pages     int
	Files     int
	Bytes     int64
	WasmBytes int64
	Version   string
}

// Build writes the site: the assets and the bundle's files under web/,
// go-app's scripts, the service worker and the web manifest, and every
// page prerendered; into a new folder that replaces o.Out only when all
// of it is written.
func Build(o Options) (*Report, error) {
	base, err := cleanBase(o.Base)
	if err != nil {
		return nil, err
	}
	if err := o.Collection.Validate(); err != nil {
		return nil, err
	}
	if len(o.Collection.Articles) == 0 {
		return nil, errors.New("the collection has no articles")
	}
	assets, err := readWeb(o.Web)
	if err != nil {
		return nil, err
	}
	wasm, ok := assets["app.wasm"]
	if !ok {
		return nil, errors.New("web/app.wasm: not found (build it first: make wasm)")
	}

	b, err := derive.Bundle(o.Collection)
	if err != nil {
		return nil, err
	}
	manifest, bundleFiles, quickFiles, err := derive.Files(b, quick.Options{
		Base: base, Href: ui.ArticlePath, Label: ui.DateLabel, Lead: ui.Lead,
	})
	if err != nil {
		return nil, err
	}
	// The worker precaches every file the app needs to start offline: the
	// shell and the top-level pages, go-app's scripts, the manifest, the
	// wasm, the bundle's files and the assets. The quick search is not
	// among them: once the worker is there, so is the wasm.
	precache := []string{base + "/", base + "/about", base + "/timeline",
		base + "/app.js", base + "/wasm_exec.js", base + "/app.css", base + "/manifest.webmanifest"}
	for _, files := range []map[string][]byte{assets, bundleFiles} {
		for name := range files {
			precache = append(precache, base+"/web/"+name)
		}
	}
	for _, files := range []map[string][]byte{bundleFiles, quickFiles} {
		for name, f := range files {
			assets[name] = f
		}
	}

	rep := &Report{WasmBytes: int64(len(wasm)), Version: version(base, assets)}
	h := handler(base, rep.Version, manifest, len(wasm))
	h.ServiceWorkerTemplate = serviceWorker(base, precache)
	lib := ui.NewLibrary(b)
	ui.Routes(lib)

	out := files{}
	for p, b := range assets {
		out[path.Join("web", p)] = b
	}
	if err := out.render(h, base, lib); err != nil {
		return nil, err
	}
	rep.Pages = len(ui.Pages(lib)) + 1 // and 404.html
	err = folder.Atomic(o.Out, func(dir string) error { return out.write(dir, o.Compress, rep) })
	if err != nil {
		return nil, err
	}
	return rep, nil
}

// readWeb reads every file of the web folder (CSS, icons, scripts, the
// wasm) by its path under it, leaving out hidden files.
func readWeb(web fs.FS) (map[string][]byte, error) {
	assets := map[string][]byte{}
	err := fs.WalkDir(web, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		b, err := fs.ReadFile(web, p)
		assets[p] = b
		return err
	})
	return assets, err
}

// render adds what go-app's handler serves: its scripts, the web manifest,
// every page of lib and the 404 page, and the service worker.
func (out files) render(h *app.Handler, base string, lib *ui.Library) error {
	for _, p := range []string{"/app.js", "/wasm_exec.js", "/app.css"} {
		b, err := get(h, p)
		if err != nil {
			return err
		}
		out[strings.TrimPrefix(p, "/")] = b
	}
	var err error
	if out["app.js"], err = patchAppJS(out["app.js"]); err != nil {
		return err
	}
	out["manifest.webmanifest"] = manifest(base)
	for _, p := range ui.Pages(lib) {
		b, err := page(h, p)
		if err != nil {
			return err
		}
		if p == "/" {
			out["index.html"] = b
			continue
		}
		// page.html for hosts that map /page to it (GitHub Pages, nginx
		// try_files, broadsheet serve), page/index.html for those that
		// only know folder indexes (python -m http.server).
		name := strings.TrimPrefix(p, "/")
		out[name+".html"] = b
		out[name+"/index.html"] = b
	}
	notFound, err := page(h, "/404")
	if err != nil {
		return err
	}
	out["404.html"] = notFound
	worker, err := get(h, "/app-worker.js")
	if err != nil {
		return err
	}
	out["app-worker.js"] = worker
	return nil
}

func cleanBase(b string) (string, error) {
	b = strings.Trim(b, "/")
	if b == "" {
		return "", nil
	}
	for _, seg := range strings.Split(b, "/") {
		if seg == "" || seg == "." || seg == ".." || strings.ContainsAny(seg, "?#\\ \"'<>") {
			return "", fmt.Errorf("-base %q: want a path such as /broadsheet/", b)
		}
	}
	return "/" + b, nil
}

// handler is go-app's page server, configured for Broadsheet. The bundle's
// manifest goes into app.js's environment, where the wasm reads it.
func handler(base, version string, m bundle.Manifest, wasmSize int) *app.Handler {
	var res app.ResourceResolver = app.LocalDir("")
	if base != "" {
		res = app.PrefixedLocation(base)
	}
	var cached []string
	for _, name := range m.Files() {
		cached = append(cached, "/web/"+name)
	}
	sort.Strings(cached)
	quickDir := base + "/web/" + m.Quick
	return &app.Handler{
		Name:            "Broadsheet",
		ShortName:       "Broadsheet",
		Title:           "Broadsheet",
		Description:     description,
		Lang:            "en",
		BackgroundColor: backgroundColor,
		ThemeColor:      themeColor,
		LoadingLabel:    "Loading search… {progress}%",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-maskable-512.png",
			SVG:      "/web/icon.svg",
		},
		Styles:  []string{"/web/broadsheet.css", "/web/timeline.css"},
		Scripts: []string{"/web/broadsheet.js defer", "/web/quick-search.js defer"},
		// The service worker shows a page from the network only if it is
		// of its own version; version is a hex hash, safe in raw HTML, as
		// is quickDir (cleanBase refuses quotes and brackets).
		RawHeaders: []string{
			`<meta name="broadsheet-version" content="` + version + `">`,
			`<meta name="broadsheet-quick" content="` + quickDir + `">`,
			// Fetched with the styles rather than at the first keystroke:
			// one round trip less before the quick search answers.
			`<link rel="preload" href="` + quickDir + `meta.json" as="fetch" crossorigin="anonymous">`,
		},
		CacheableResources: cached,
		Env:                map[string]string{bundle.Env: bundle.FormatManifest(m)},
		Resources:          res,
		Version:            version,
		WasmContentLength:  strconv.Itoa(wasmSize),
	}
}

// version is a hash of everything the site is made of, so that an unchanged
// build keeps its version and readers download nothing again.
func version(base string, assets map[string][]byte) string {
	names := make([]string, 0, len(assets))
	for n := range assets {
		names = append(names, n)
	}
	sort.Strings(names)
	h := sha256.New()
	fmt.Fprintf(h, "base %s\n", base)
	for _, n := range names {
		s := sha256.Sum256(assets[n])
		fmt.Fprintf(h, "%s %x\n", n, s)
	}
	return hex.EncodeToString(h.Sum(nil))[:20]
}

func get(h http.Handler, p string) ([]byte, error) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
	if rec.Code != http.StatusOK {
		return nil, fmt.Errorf("rendering %s: HTTP %d", p, rec.Code)
	}
	return rec.Body.Bytes(), nil
}

// page renders one page and normalizes it: go-app writes attributes in map
// order (so two builds would differ) and quotes them Go-style rather than
// HTML-escaping them; re-rendering through x/net/html fixes both.
func page(h http.Handler, p string) ([]byte, error) {
	b, err := get(h, p)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("rendering %s: %w", p, err)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		sort.SliceStable(n.Attr, func(i, j int) bool { return n.Attr[i].Key < n.Attr[j].Key })
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			// Only the search page has the box the quick search serves.
			if emptyMeta(c) || p != "/" && isPreload(c) {
				n.RemoveChild(c)
			} else {
				walk(c)
			}
			c = next
		}
	}
	walk(doc)
	var out bytes.Buffer
	if err := html.Render(&out, doc); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func isPreload(n *html.Node) bool {
	if n.Type != html.ElementNode || n.Data != "link" {
		return false
	}
	for _, a := range n.Attr {
		if a.Key == "rel" && a.Val == "preload" {
			return true
		}
	}
	return false
}

// emptyMeta finds the <meta> tags go-app writes even when they have no
// value: og:url and og:image without a domain ("https://"), an empty author.
func emptyMeta(n *html.Node) bool {
	if n.Type != html.ElementNode || n.Data != "meta" {
		return false
	}
	hasContent := false
	for _, a := range n.Attr {
		if a.Key == "content" {
			hasContent = true
			if a.Val == "" || strings.HasPrefix(a.Val, "https:///") || a.Val == "https://" {
				return true
			}
		}
	}
	for _, a := range n.Attr {
		if a.Key == "name" && !hasContent {
			return true
		}
	}
	return false
}

// files are the site's files by slash-separated path.
type files map[string][]byte

// write puts the files under dir, with .br and .gz siblings for the
// compressible ones when compress is set, on every core.
func (fs files) write(dir string, compress bool, rep *Report) error {
	names := make([]string, 0, len(fs))
	for n := range fs {
		names = append(names, n)
	}
	sort.Strings(names)
	var (
		mu    sync.Mutex
		first error
	)
	memo := &compressMemo{m: map[[32]byte]*compressed{}}
	work := make(chan string)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range work {
				n, b, err := writeFile(dir, name, fs[name], compress, memo)
				mu.Lock()
				if err != nil && first == nil {
					first = err
				}
				rep.Files += n
				rep.Bytes += b
				mu.Unlock()
			}
		}()
	}
	for _, n := range names {
		work <- n
	}
	close(work)
	wg.Wait()
	return first
}

// writeFile writes one file and its compressed siblings, returning how
// many files and bytes it wrote.
func writeFile(dir, name string, b []byte, compress bool, memo *compressMemo) (int, int64, error) {
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return 0, 0, err
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		return 0, 0, err
	}
	n, size := 1, int64(len(b))
	if !compress || !isCompressible(name) {
		return n, size, nil
	}
	br, gz, err := memo.get(b)
	if err != nil {
		return n, size, fmt.Errorf("compressing %s: %w", name, err)
	}
	for ext, c := range map[string][]byte{".br": br, ".gz": gz} {
		if len(c) >= len(b) {
			continue // not worth a sibling; servers fall back to the file
		}
		if err := os.WriteFile(p+ext, c, 0o644); err != nil {
			return n, size, err
		}
		n++
		size += int64(len(c))
	}
	return n, size, nil
}

// compressMemo compresses each distinct content once: every page is
// written twice (page.html and page/index.html).
type compressMemo struct {
	mu sync.Mutex
	m  map[[32]byte]*compressed
}

type compressed struct {
	once   sync.Once
	br, gz []byte
	err    error
}

func (m *compressMemo) get(b []byte) ([]byte, []byte, error) {
	key := sha256.Sum256(b)
	m.mu.Lock()
	c, ok := m.m[key]
	if !ok {
		c = &compressed{}
		m.m[key] = c
	}
	m.mu.Unlock()
	c.once.Do(func() { c.br, c.gz, c.err = precompressed(b) })
	return c.br, c.gz, c.err
}
