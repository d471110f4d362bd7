//go:build !(js && wasm)

package server

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// secret is written outside the site folder, and in dotfiles inside it; no
// response may ever contain it.
const secret = "TOP SECRET, outside the site"

// newTestSite copies testdata/site into a temporary folder and adds what git
// cannot carry: dotfiles, an empty folder, and symlinks, some pointing out of
// the folder. It returns the site folder and a Site serving it.
func newTestSite(t *testing.T, opts ...Option) (string, *Site) {
	t.Helper()
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "site")
	if err := os.CopyFS(dir, os.DirFS("testdata/site")); err != nil {
		t.Fatal(err)
	}
	write := func(name, content string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	symlink := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, name); err != nil {
			t.Skipf("cannot make symlinks here: %v", err)
		}
	}
	write(filepath.Join(tmp, "secret.txt"), secret)
	write(filepath.Join(tmp, "outside", "secret.txt"), secret)
	write(filepath.Join(dir, ".git", "config"), "[core]\n# "+secret+"\n")
	write(filepath.Join(dir, ".env"), "TOKEN="+secret+"\n")
	write(filepath.Join(dir, "web", ".hidden.json"), `{"secret":"`+secret+`"}`)
	if err := os.Mkdir(filepath.Join(dir, "emptydir"), 0o755); err != nil {
		t.Fatal(err)
	}
	symlink("../secret.txt", filepath.Join(dir, "escape.txt"))
	symlink(filepath.Join(tmp, "secret.txt"), filepath.Join(dir, "abs-escape.txt"))
	symlink("../outside", filepath.Join(dir, "outside"))
	symlink("../../secret.txt", filepath.Join(dir, "web", "escape.json"))
	symlink("about.html", filepath.Join(dir, "alias.html"))

	site, err := New(dir, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return dir, site
}

// get serves one request to h in-process. target is the request-target as
// it would appear on the request line, parsed the way net/http's server
// parses it; header is "Name: value" lines.
func get(t *testing.T, h http.Handler, method, target string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, target, nil)
	for _, kv := range header {
		k, v, _ := strings.Cut(kv, ":")
		r.Header.Set(k, strings.TrimSpace(v))
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCleanURLs(t *testing.T) {
	dir, site := newTestSite(t)
	tests := []struct {
		target string
		file   string // served with 200
	}{
		{"/", "index.html"},
		{"/?q=likes", "index.html"},
		{"/?q=../../etc/passwd", "index.html"},
		{"/index.html", "index.html"},
		{"/about", "about.html"},
		{"/about.html", "about.html"},
		{"/about/", "about/index.html"},
		{"/about/index.html", "about/index.html"},
		{"/timeline", "timeline.html"},
		{"/timeline/", "timeline/index.html"},
		{"/timeline?from=1990&to=2001", "timeline.html"},
		{"/article/first-light", "article/first-light.html"},
		{"/article/first-light/", "article/first-light/index.html"},
		{"/article/first-light.html", "article/first-light.html"},
		{"/app.js", "app.js"},
		{"/web/main.wasm", "web/main.wasm"},
		{"/web/main.3f2a9c1b.wasm", "web/main.3f2a9c1b.wasm"},
		{"/web/collection.json", "web/collection.json"},
		{"/alias", "about.html"}, // a symlink that stays inside the folder
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			w := get(t, site, "GET", tt.target)
			if w.Code != http.StatusOK {
				t.Fatalf("status %d, want 200", w.Code)
			}
			if got, want := w.Body.String(), readFile(t, dir, tt.file); got != want {
				t.Errorf("body is not %s:\n%s", tt.file, got)
			}
		})
	}
}

func TestNotFound(t *testing.T) {
	dir, site := newTestSite(t)
	page := readFile(t, dir, "404.html")
	for _, target := range []string{
		"/nope",
		"/nope/",
		"/article/missing",
		"/article/first-light/extra",
		"/about.html/", // a file is not a folder
		"/index.html/x",
		"/web/main.wasm/",
		"/ARTICLE/first-light", // paths are case-sensitive, like the folder
	} {
		t.Run(target, func(t *testing.T) {
			w := get(t, site, "GET", target)
			if w.Code != http.StatusNotFound {
				t.Fatalf("status %d, want 404", w.Code)
			}
			if w.Body.String() != page {
				t.Errorf("body is not 404.html:\n%s", w.Body)
			}
			if got := w.Header().Get("Content-Type"); got != "text/html; charset=utf-8" {
				t.Errorf("Content-Type %q", got)
			}
			if got := w.Header().Get("Cache-Control"); got != "no-cache" {
				t.Errorf("Cache-Control %q", got)
			}
		})
	}

	t.Run("precompressed 404 page", func(t *testing.T) {
		w := get(t, site, "GET", "/nope", "Accept-Encoding: gzip")
		if w.Code != http.StatusNotFound || w.Header().Get("Content-Encoding") != "gzip" {
			t.Fatalf("status %d, Content-Encoding %q; want 404 gzip", w.Code, w.Header().Get("Content-Encoding"))
		}
		if w.Body.String() != readFile(t, dir, "404.html.gz") {
			t.Error("body is not 404.html.gz")
		}
	})

	t.Run("HEAD", func(t *testing.T) {
		w := get(t, site, "HEAD", "/nope")
		if w.Code != http.StatusNotFound || w.Body.Len() != 0 {
			t.Fatalf("status %d with %d body bytes; want 404 and no body", w.Code, w.Body.Len())
		}
		if got, want := w.Header().Get("Content-Length"), strconv.Itoa(len(page)); got != want {
			t.Errorf("Content-Length %q, want %s", got, want)
		}
	})

	t.Run("site without 404.html", func(t *testing.T) {
		if err := os.Remove(filepath.Join(dir, "404.html")); err != nil {
			t.Fatal(err)
		}
		w := get(t, site, "GET", "/nope")
		if w.Code != http.StatusNotFound {
			t.Fatalf("status %d, want 404", w.Code)
		}
		if !strings.HasPrefix(w.Header().Get("Content-Type"), "text/plain") {
			t.Errorf("Content-Type %q, want text/plain", w.Header().Get("Content-Type"))
		}
	})
}

func TestEncodingNegotiation(t *testing.T) {
	dir, site := newTestSite(t)
	tests := []struct {
		target, accept string
		encoding       string // Content-Encoding expected; "" for none
		file           string // file whose bytes are the body
		vary           bool
	}{
		{"/app.js", "", "", "app.js", true},
		{"/app.js", "gzip", "gzip", "app.js.gz", true},
		{"/app.js", "br", "br", "app.js.br", true},
		{"/app.js", "gzip, deflate, br, zstd", "br", "app.js.br", true}, // what browsers send
		{"/app.js", "gzip;q=1.0, br;q=1.0", "br", "app.js.br", true},    // ties go to br
		{"/app.js", "br;q=0.5, gzip;q=0.8", "gzip", "app.js.gz", true},
		{"/app.js", "br;q=0, gzip", "gzip", "app.js.gz", true},
		{"/app.js", "br, gzip;q=0", "br", "app.js.br", true},
		{"/app.js", "br;q=0.000, gzip;q=0", "", "app.js", true},
		{"/app.js", "BR", "br", "app.js.br", true},
		{"/app.js", "x-gzip", "gzip", "app.js.gz", true},
		{"/app.js", "*", "br", "app.js.br", true},
		{"/app.js", "*;q=0", "", "app.js", true}, // nothing acceptable: the plain file
		{"/app.js", "identity", "", "app.js", true},
		{"/app.js", "identity;q=1, br;q=0.5", "", "app.js", true},
		{"/app.js", "deflate, zstd", "", "app.js", true},
		{"/app.js", "br;q=banana, gzip", "gzip", "app.js.gz", true}, // a bad q drops its element
		{"/web/main.wasm", "gzip, br", "br", "web/main.wasm.br", true},
		{"/web/main.wasm", "gzip", "gzip", "web/main.wasm.gz", true},
		{"/", "br", "br", "index.html.br", true},
		{"/?q=likes", "gzip", "gzip", "index.html.gz", true},
		{"/about", "br, gzip", "gzip", "about.html.gz", true}, // only a .gz sibling
		{"/about", "br", "", "about.html", true},
		{"/web/collection.json", "br, gzip", "gzip", "web/collection.json.gz", true},
		{"/web/icon.svg", "br, gzip", "", "web/icon.svg", false}, // no siblings at all
		{"/web/logo.png", "br", "", "web/logo.png", false},
	}
	for _, tt := range tests {
		t.Run(tt.target+" "+tt.accept, func(t *testing.T) {
			w := get(t, site, "GET", tt.target, "Accept-Encoding: "+tt.accept)
			if w.Code != http.StatusOK {
				t.Fatalf("status %d", w.Code)
			}
			if got := w.Header().Get("Content-Encoding"); got != tt.encoding {
				t.Errorf("Content-Encoding %q, want %q", got, tt.encoding)
			}
			want := readFile(t, dir, tt.file)
			if w.Body.String() != want {
				t.Errorf("body is not %s", tt.file)
			}
			if got := w.Header().Get("Content-Length"); got != strconv.Itoa(len(want)) {
				t.Errorf("Content-Length %s, want %d", got, len(want))
			}
			if got := w.Header().Get("Vary") == "Accept-Encoding"; got != tt.vary {
				t.Errorf("Vary %q, want Accept-Encoding: %v", w.Header().Get("Vary"), tt.vary)
			}
		})
	}
}

func TestContentTypes(t *testing.T) {
	_, site := newTestSite(t)
	tests := []struct{ target, want string }{
		{"/", "text/html; charset=utf-8"},
		{"/about", "text/html; charset=utf-8"},
		{"/article/first-light/", "text/html; charset=utf-8"},
		{"/app.js", "text/javascript; charset=utf-8"},
		{"/app-worker.js", "text/javascript; charset=utf-8"},
		{"/wasm_exec.js", "text/javascript; charset=utf-8"},
		{"/app.css", "text/css; charset=utf-8"},
		{"/manifest.webmanifest", "application/manifest+json"},
		{"/web/main.wasm", "application/wasm"},
		{"/web/main.3f2a9c1b.wasm", "application/wasm"},
		{"/web/collection.json", "application/json"},
		{"/web/icon.svg", "image/svg+xml"},
		{"/web/logo.png", "image/png"},
		{"/web/style.0123abcd.css", "text/css; charset=utf-8"},
	}
	for _, tt := range tests {
		// The type is the original file's, whichever sibling is sent.
		for _, accept := range []string{"", "gzip", "br"} {
			w := get(t, site, "GET", tt.target, "Accept-Encoding: "+accept)
			if got := w.Header().Get("Content-Type"); got != tt.want {
				t.Errorf("%s (Accept-Encoding %q): Content-Type %q, want %q", tt.target, accept, got, tt.want)
			}
		}
	}
}

func TestCacheControl(t *testing.T) {
	_, site := newTestSite(t)
	tests := []struct{ target, want string }{
		{"/", "no-cache"},
		{"/about", "no-cache"},
		{"/timeline/", "no-cache"},
		{"/article/first-light", "no-cache"},
		{"/app.js", "no-cache"},
		{"/app-worker.js", "no-cache"},
		{"/manifest.webmanifest", "no-cache"},
		{"/wasm_exec.js", "no-cache"},
		{"/app.css", "no-cache"},
		{"/web/main.wasm", "no-cache"}, // unhashed: revalidate with the ETag
		{"/web/collection.json", "no-cache"},
		{"/web/icon.svg", "no-cache"},
		{"/web/main.3f2a9c1b.wasm", "public, max-age=31536000, immutable"},
		{"/web/style.0123abcd.css", "public, max-age=31536000, immutable"},
		{"/nope", "no-cache"},
	}
	for _, tt := range tests {
		for _, accept := range []string{"", "br"} {
			w := get(t, site, "GET", tt.target, "Accept-Encoding: "+accept)
			if got := w.Header().Get("Cache-Control"); got != tt.want {
				t.Errorf("%s (Accept-Encoding %q): Cache-Control %q, want %q", tt.target, accept, got, tt.want)
			}
		}
	}
}

func TestCacheControlNames(t *testing.T) {
	tests := []struct{ name, want string }{
		{"web/main.3f2a9c1b.wasm", cacheForever},
		{"web/main.3F2A9C1B.wasm", cacheRevalidate}, // hashes are lower-case hex
		{"web/main.3f2a9c1.wasm", cacheRevalidate},  // seven digits: not a hash
		{"web/main.3f2a9c1bz.wasm", cacheRevalidate},
		{"web/main.0123456789abcdef0123.js", cacheForever},
		{"article/deadbeef.cafebabe.html", cacheRevalidate}, // pages never
		{"app.js", cacheRevalidate},
	}
	for _, tt := range tests {
		if got := cacheControl(tt.name); got != tt.want {
			t.Errorf("cacheControl(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	_, site := newTestSite(t)
	want := map[string]string{
		"Content-Security-Policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
			"img-src 'self' data:; connect-src 'self'; manifest-src 'self'; worker-src 'self'; " +
			"base-uri 'self'; form-action 'self'; object-src 'none'; frame-ancestors 'none'",
		"X-Content-Type-Options":     "nosniff",
		"Referrer-Policy":            "no-referrer",
		"X-Frame-Options":            "DENY",
		"Cross-Origin-Opener-Policy": "same-origin",
	}
	etag := get(t, site, "GET", "/app.js").Header().Get("ETag")
	requests := []struct {
		method, target string
		header         []string
		status         int
	}{
		{"GET", "/", nil, 200},
		{"GET", "/web/main.wasm", []string{"Accept-Encoding: br"}, 200},
		{"GET", "/app.js", []string{"If-None-Match: " + etag}, 304},
		{"GET", "/app.js", []string{"Range: bytes=0-9"}, 206},
		{"HEAD", "/about", nil, 200},
		{"GET", "/nope", nil, 404},
		{"GET", "/%2e%2e/secret.txt", nil, 400},
		{"POST", "/", nil, 405},
	}
	for _, rq := range requests {
		w := get(t, site, rq.method, rq.target, rq.header...)
		if w.Code != rq.status {
			t.Errorf("%s %s: status %d, want %d", rq.method, rq.target, w.Code, rq.status)
		}
		for k, v := range want {
			if got := w.Header().Get(k); got != v {
				t.Errorf("%s %s (%d): %s %q, want %q", rq.method, rq.target, w.Code, k, got, v)
			}
		}
	}
}

// traversals are requests that try to reach outside the folder or into its
// hidden files, with the status each must get. The targets are raw request
// lines: the server decodes them itself.
var traversals = []struct {
	target string
	status int
}{
	{"/../secret.txt", 400},
	{"/article/../../secret.txt", 400},
	{"/%2e%2e/secret.txt", 400},
	{"/%2E%2E/secret.txt", 400},
	{"/.%2e/secret.txt", 400},
	{"/article/%2e%2e/%2e%2e/secret.txt", 400},
	{"/..%2fsecret.txt", 400},
	{"/..%2Fsecret.txt", 400},
	{"/article%2f..%2f..%2fsecret.txt", 400},
	{"/%2fetc%2fpasswd", 400},
	{"/%252e%252e/secret.txt", 404}, // double-encoded: a name with '%' in it, not found
	{`/..\secret.txt`, 400},
	{`/article\..\..\secret.txt`, 400},
	{"/..%5csecret.txt", 400},
	{"/%5c..%5csecret.txt", 400},
	{"/index.html%00", 400},
	{"/index.html%00.png", 400},
	{"/./index.html", 400},
	{"//etc/passwd", 400},
	{"/about//", 400},
	{"/escape.txt", 404},         // symlink to ../secret.txt
	{"/abs-escape.txt", 404},     // symlink to the secret's absolute path
	{"/outside/secret.txt", 404}, // symlinked folder outside
	{"/web/escape.json", 404},    // symlink two levels up
	{"/.git/config", 404},        // dotfiles
	{"/.git/", 404},              //
	{"/.env", 404},               //
	{"/web/.hidden.json", 404},   //
	{"/web/.hidden", 404},        // .hidden.json by its clean URL
	{"/%2egit/config", 404},      // an encoded dot is still a dot
	{"/escape", 404},             // clean URL of escape.txt does not exist
	{"/outside/", 404},           //
}

func TestTraversalRefused(t *testing.T) {
	_, site := newTestSite(t)
	for _, tt := range traversals {
		t.Run(tt.target, func(t *testing.T) {
			w := get(t, site, "GET", tt.target)
			if w.Code != tt.status {
				t.Errorf("status %d, want %d", w.Code, tt.status)
			}
			if strings.Contains(w.Body.String(), "SECRET") {
				t.Errorf("body leaks the secret:\n%s", w.Body)
			}
		})
	}
}

// TestTraversalRefusedOverTCP sends the same requests byte for byte over a
// loopback connection, so nothing between the client and the handler can
// have cleaned them up.
func TestTraversalRefusedOverTCP(t *testing.T) {
	_, site := newTestSite(t)
	srv := httptest.NewServer(site)
	defer srv.Close()
	for _, tt := range traversals {
		t.Run(tt.target, func(t *testing.T) {
			status, body := rawGet(t, srv.Listener.Addr().String(), tt.target)
			// net/http itself may refuse a request line before the handler
			// sees it; that is a 400 too.
			if status != tt.status {
				t.Errorf("status %d, want %d", status, tt.status)
			}
			if strings.Contains(body, "SECRET") {
				t.Errorf("body leaks the secret:\n%s", body)
			}
		})
	}
}

func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestNoListing(t *testing.T) {
	dir, site := newTestSite(t)
	page := readFile(t, dir, "404.html")
	for _, target := range []string{"/web/", "/web", "/article/", "/article", "/emptydir/", "/emptydir"} {
		w := get(t, site, "GET", target)
		if w.Code != http.StatusNotFound || w.Body.String() != page {
			t.Errorf("%s: status %d, want 404 with 404.html; body:\n%s", target, w.Code, w.Body)
		}
	}
}

func TestSpecialFilesNotServed(t *testing.T) {
	dir, site := newTestSite(t)
	if err := exec.Command("mkfifo", filepath.Join(dir, "pipe.html")).Run(); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan int)
	go func() { done <- get(t, site, "GET", "/pipe").Code }()
	select {
	case code := <-done:
		if code != http.StatusNotFound {
			t.Errorf("FIFO: status %d, want 404", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("request for a FIFO blocked")
	}
}

func TestHead(t *testing.T) {
	dir, site := newTestSite(t)
	for _, tt := range []struct{ target, accept, file string }{
		{"/web/main.wasm", "", "web/main.wasm"},
		{"/web/main.wasm", "br", "web/main.wasm.br"},
		{"/", "gzip", "index.html.gz"},
	} {
		head := get(t, site, "HEAD", tt.target, "Accept-Encoding: "+tt.accept)
		full := get(t, site, "GET", tt.target, "Accept-Encoding: "+tt.accept)
		if head.Code != http.StatusOK || head.Body.Len() != 0 {
			t.Errorf("HEAD %s: status %d with %d body bytes", tt.target, head.Code, head.Body.Len())
		}
		want := strconv.Itoa(len(readFile(t, dir, tt.file)))
		if got := head.Header().Get("Content-Length"); got != want {
			t.Errorf("HEAD %s (%s): Content-Length %s, want %s", tt.target, tt.accept, got, want)
		}
		for _, k := range []string{"Content-Type", "Content-Encoding", "ETag", "Last-Modified", "Cache-Control", "Vary"} {
			if head.Header().Get(k) != full.Header().Get(k) {
				t.Errorf("HEAD %s: %s %q, GET has %q", tt.target, k, head.Header().Get(k), full.Header().Get(k))
			}
		}
	}
}

func TestConditionalGet(t *testing.T) {
	dir, site := newTestSite(t)
	etags := map[string]string{} // by encoding
	for _, enc := range []string{"", "gzip", "br"} {
		w := get(t, site, "GET", "/web/main.wasm", "Accept-Encoding: "+enc)
		tag := w.Header().Get("ETag")
		if !strings.HasPrefix(tag, `"`) || strings.HasPrefix(tag, `W/`) {
			t.Fatalf("%q: ETag %q is not strong", enc, tag)
		}
		for other, otherTag := range etags {
			if tag == otherTag {
				t.Errorf("encodings %q and %q share ETag %s", enc, other, tag)
			}
		}
		etags[enc] = tag

		w = get(t, site, "GET", "/web/main.wasm", "Accept-Encoding: "+enc, "If-None-Match: "+tag)
		if w.Code != http.StatusNotModified || w.Body.Len() != 0 {
			t.Errorf("%q: If-None-Match its own ETag: status %d, %d body bytes; want 304", enc, w.Code, w.Body.Len())
		}
		if w.Header().Get("ETag") != tag {
			t.Errorf("%q: 304 carries ETag %q, want %q", enc, w.Header().Get("ETag"), tag)
		}
		if enc != "" && w.Header().Get("Vary") != "Accept-Encoding" {
			t.Errorf("%q: 304 without Vary", enc)
		}
	}

	// A tag for one encoding does not validate another.
	w := get(t, site, "GET", "/web/main.wasm", "Accept-Encoding: br", "If-None-Match: "+etags[""])
	if w.Code != http.StatusOK || w.Body.String() != readFile(t, dir, "web/main.wasm.br") {
		t.Errorf("br request with the identity ETag: status %d, want 200 with the .br body", w.Code)
	}
	w = get(t, site, "GET", "/web/main.wasm", "If-None-Match: "+etags["br"]+", "+etags[""])
	if w.Code != http.StatusNotModified {
		t.Errorf("If-None-Match listing the right tag: status %d, want 304", w.Code)
	}

	lastMod := get(t, site, "GET", "/about").Header().Get("Last-Modified")
	if w := get(t, site, "GET", "/about", "If-Modified-Since: "+lastMod); w.Code != http.StatusNotModified {
		t.Errorf("If-Modified-Since: status %d, want 304", w.Code)
	}

	// Ranges apply to the bytes sent, here the brotli sibling.
	br := readFile(t, dir, "web/main.wasm.br")
	w = get(t, site, "GET", "/web/main.wasm", "Accept-Encoding: br", "Range: bytes=4-11")
	if w.Code != http.StatusPartialContent || w.Body.String() != br[4:12] {
		t.Errorf("Range: status %d, body %q; want 206 %q", w.Code, w.Body, br[4:12])
	}
	if got := w.Header().Get("Content-Encoding"); got != "br" {
		t.Errorf("Range: Content-Encoding %q, want br", got)
	}
	w = get(t, site, "GET", "/web/main.wasm", "Accept-Encoding: br", "Range: bytes=4-11", "If-Range: "+etags[""])
	if w.Code != http.StatusOK {
		t.Errorf("If-Range with another encoding's tag: status %d, want the whole 200", w.Code)
	}
}

func TestETagFollowsContent(t *testing.T) {
	dir, site := newTestSite(t)
	name := filepath.Join(dir, "web", "collection.json")
	before := get(t, site, "GET", "/web/collection.json").Header().Get("ETag")
	if again := get(t, site, "GET", "/web/collection.json").Header().Get("ETag"); again != before {
		t.Fatalf("ETag changed between two requests: %s, %s", before, again)
	}
	if err := os.WriteFile(name, []byte(`{"name":"rebuilt"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	// Some file systems keep coarse times; make sure the time moves too.
	later := time.Now().Add(2 * time.Second)
	if err := os.Chtimes(name, later, later); err != nil {
		t.Fatal(err)
	}
	w := get(t, site, "GET", "/web/collection.json", "If-None-Match: "+before)
	if w.Code != http.StatusOK || w.Body.String() != `{"name":"rebuilt"}` {
		t.Fatalf("after a rebuild, the old ETag got status %d, body %q", w.Code, w.Body)
	}
	if after := w.Header().Get("ETag"); after == before || after == "" {
		t.Errorf("ETag %q after the rebuild, was %q", after, before)
	}
}

func TestMethodNotAllowed(t *testing.T) {
	_, site := newTestSite(t)
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"} {
		w := get(t, site, m, "/")
		if w.Code != http.StatusMethodNotAllowed {
			t.Errorf("%s: status %d, want 405", m, w.Code)
		}
		if got := w.Header().Get("Allow"); got != "GET, HEAD" {
			t.Errorf("%s: Allow %q", m, got)
		}
	}
}

func TestNewRefusesWhatIsNotASite(t *testing.T) {
	tmp := t.TempDir()
	empty := filepath.Join(tmp, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(tmp, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	indexDir := filepath.Join(tmp, "indexdir")
	if err := os.MkdirAll(filepath.Join(indexDir, "index.html"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		dir     string
		notSite bool
	}{
		{filepath.Join(tmp, "missing"), true},
		{empty, true},
		{indexDir, true}, // index.html is a folder
		{file, false},
	} {
		_, err := New(tt.dir)
		if err == nil {
			t.Errorf("New(%s) succeeded", tt.dir)
			continue
		}
		if !strings.Contains(err.Error(), tt.dir) {
			t.Errorf("New(%s): error %q does not name the folder", tt.dir, err)
		}
		if errors.Is(err, ErrNotSite) != tt.notSite {
			t.Errorf("New(%s): errors.Is(%q, ErrNotSite) = %v", tt.dir, err, !tt.notSite)
		}
	}
}

func TestAccessLog(t *testing.T) {
	var log bytes.Buffer
	dir, site := newTestSite(t, WithAccessLog(&log))
	get(t, site, "GET", "/web/main.wasm?v=1", "Accept-Encoding: br")
	get(t, site, "GET", "/nope")
	get(t, site, "HEAD", "/")
	get(t, site, "POST", "/")

	lines := strings.Split(strings.TrimSuffix(log.String(), "\n"), "\n")
	br := strconv.Itoa(len(readFile(t, dir, "web/main.wasm.br")))
	page := strconv.Itoa(len(readFile(t, dir, "404.html")))
	want := [][]string{ // fields after the time; the duration is checked apart
		{"192.0.2.1:1234", "GET", "/web/main.wasm", "200", br, "br"},
		{"192.0.2.1:1234", "GET", "/nope", "404", page, "-"},
		{"192.0.2.1:1234", "HEAD", "/", "200", "0", "-"},
		{"192.0.2.1:1234", "POST", "/", "405"},
	}
	if len(lines) != len(want) {
		t.Fatalf("%d log lines, want %d:\n%s", len(lines), len(want), log.String())
	}
	for i, line := range lines {
		f := strings.Fields(line)
		if len(f) != 8 {
			t.Errorf("line %q has %d fields, want 8", line, len(f))
			continue
		}
		if _, err := time.Parse(time.RFC3339, f[0]); err != nil {
			t.Errorf("line %q: time: %v", line, err)
		}
		if _, err := time.ParseDuration(f[6]); err != nil {
			t.Errorf("line %q: duration: %v", line, err)
		}
		got := append(f[1:6], f[7])
		for j, w := range want[i] {
			if got[j] != w {
				t.Errorf("line %q: field %d is %q, want %q", line, j+1, got[j], w)
			}
		}
	}
}

func TestURL(t *testing.T) {
	for _, tt := range []struct {
		addr net.Addr
		want string
	}{
		{&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 41234}, "http://localhost:41234"},
		{&net.TCPAddr{IP: net.IPv6unspecified, Port: 8000}, "http://localhost:8000"},
		{&net.TCPAddr{IP: net.IPv4zero, Port: 8000}, "http://localhost:8000"},
		{&net.TCPAddr{Port: 8000}, "http://localhost:8000"},
		{&net.TCPAddr{IP: net.IPv6loopback, Port: 8000}, "http://localhost:8000"},
		{&net.TCPAddr{IP: net.IPv4(192, 0, 2, 7), Port: 80}, "http://192.0.2.7:80"},
		{&net.TCPAddr{IP: net.ParseIP("2001:db8::1"), Port: 80}, "http://[2001:db8::1]:80"},
	} {
		if got := URL(tt.addr); got != tt.want {
			t.Errorf("URL(%v) = %q, want %q", tt.addr, got, tt.want)
		}
	}
}

func TestFolderGoneAfterStart(t *testing.T) {
	dir, site := newTestSite(t)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	w := get(t, site, "GET", "/")
	if w.Code != http.StatusServiceUnavailable {
		t.Errorf("status %d, want 503 while the folder is gone", w.Code)
	}
	if w.Header().Get("Content-Security-Policy") == "" {
		t.Error("no security headers on the 503")
	}
}
