//go:build !(js && wasm)

// Package server serves a built Broadsheet site: the folder that
// "broadsheet build" writes. It is a static file server that behaves like
// the static hosts the site is also meant for (clean URLs, a 404 page,
// precompressed siblings) and is hardened for being exposed: it reads only
// inside the folder (through os.Root, so no path or symlink leads out of it),
// never lists a folder, never serves a dotfile, answers only GET and HEAD,
// and sets the security headers a go-app WebAssembly app needs and no more.
//
// Ranges, conditional requests and Last-Modified come from
// http.ServeContent; this package adds the choice of file, the choice of
// encoding, and the headers around them.
package server

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// ErrNotSite is wrapped by the error New returns when the folder is missing
// or holds no index.html: the site has not been built there.
var ErrNotSite = errors.New("not a built site")

// A Site serves the files of one built site folder. It is safe for
// concurrent use; create it with New.
type Site struct {
	dir   string // absolute
	etags etagCache
	log   *accessLog // nil: no access log
}

// An Option changes how New sets up a Site.
type Option func(*Site)

// WithAccessLog writes one line per request to w (see Site.ServeHTTP).
func WithAccessLog(w io.Writer) Option {
	return func(s *Site) { s.log = &accessLog{w: w} }
}

// New returns a Site serving the folder dir. The folder must exist and hold
// an index.html; otherwise the error names the folder and wraps ErrNotSite.
//
// The folder is opened anew for every request rather than held open, so a
// rebuild that replaces the folder is picked up without a restart.
func New(dir string, opts ...Option) (*Site, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("site folder %s: %w", dir, err)
	}
	root, err := os.OpenRoot(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("site folder %s does not exist: %w", abs, ErrNotSite)
	}
	if err != nil {
		return nil, fmt.Errorf("site folder %s: %w", abs, err)
	}
	defer root.Close()
	if info, err := root.Stat("index.html"); err != nil || !info.Mode().IsRegular() {
		return nil, fmt.Errorf("site folder %s has no index.html: %w", abs, ErrNotSite)
	}
	s := &Site{dir: abs}
	for _, opt := range opts {
		opt(s)
	}
	return s, nil
}

// Dir returns the absolute path of the folder s serves.
func (s *Site) Dir() string { return s.dir }

// ServeHTTP answers GET and HEAD with the file the URL path maps to (see
// candidates), in the best precompressed encoding the client accepts, or
// with 404.html and status 404. Paths that try to leave the folder or are
// otherwise malformed get 400; dotfiles get the 404 page.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.log != nil {
		lw := &loggedResponse{ResponseWriter: w}
		start := time.Now()
		defer func() { s.log.write(start, r, lw) }()
		w = lw
	}
	setSecurityHeaders(w.Header())

	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := requestName(r.URL)
	if !ok {
		http.Error(w, "400 bad request: invalid path", http.StatusBadRequest)
		return
	}

	root, err := os.OpenRoot(s.dir)
	if err != nil {
		// The folder is gone, most likely in the middle of a rebuild.
		http.Error(w, "503 site folder unavailable", http.StatusServiceUnavailable)
		return
	}
	defer root.Close()

	if !isHidden(name) {
		for _, c := range candidates(name, strings.HasSuffix(r.URL.Path, "/")) {
			if f, info, ok := openRegular(root, c); ok {
				defer f.Close()
				s.serveFile(w, r, root, c, f, info, http.StatusOK)
				return
			}
		}
	}
	s.serveNotFound(w, r, root)
}

// requestName turns a request's URL path into a slash-separated name inside
// the site folder ("" for the folder itself), or reports false for a path
// that must not be mapped at all: one with "." or ".." segments (also when
// percent-encoded, since u.Path is already decoded), empty segments, an
// encoded slash (%2f would let one segment hide a path), a backslash (a
// separator on Windows, and in some URL parsers), or a NUL byte.
//
// The query string plays no part: "/?q=likes" is the index page.
func requestName(u *url.URL) (string, bool) {
	p := u.Path
	if !strings.HasPrefix(p, "/") ||
		strings.ContainsAny(p, "\\\x00") ||
		strings.Contains(strings.ToLower(u.EscapedPath()), "%2f") {
		return "", false
	}
	name := strings.TrimSuffix(p[1:], "/")
	if name == "" {
		return "", true
	}
	if !fs.ValidPath(name) {
		return "", false
	}
	return name, true
}

// isHidden reports whether any segment of name starts with a dot: .git,
// .env and the like are never served, even when a build leaves them behind.
func isHidden(name string) bool {
	for seg := range strings.SplitSeq(name, "/") {
		if strings.HasPrefix(seg, ".") {
			return true
		}
	}
	return false
}

// candidates lists, in order, the files a clean URL may name, the way static
// hosts map them: "/timeline" is timeline.html (or a file named exactly
// "timeline", or timeline/index.html); "/timeline/" is only
// timeline/index.html; "/" is index.html. A folder itself is never a
// candidate, so no folder is ever listed.
func candidates(name string, trailingSlash bool) []string {
	switch {
	case name == "":
		return []string{"index.html"}
	case trailingSlash:
		return []string{name + "/index.html"}
	}
	return []string{name, name + ".html", name + "/index.html"}
}

// openRegular opens name inside root if it is a regular file. root refuses
// any name, and any symlink on the way, that leads out of the folder. The
// Stat before Open keeps a FIFO or device in the folder from blocking or
// being read.
func openRegular(root *os.Root, name string) (*os.File, fs.FileInfo, bool) {
	if info, err := root.Stat(name); err != nil || !info.Mode().IsRegular() {
		return nil, nil, false
	}
	f, err := root.Open(name)
	if err != nil {
		return nil, nil, false
	}
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		f.Close()
		return nil, nil, false
	}
	return f, info, true
}

// serveFile sends the file name (already open as f), or the precompressed
// sibling the client prefers, with status. Headers describe the original
// file: its Content-Type and its cache policy. With status 200 the body goes
// through http.ServeContent, which answers ranges and conditional requests
// against the strong ETag of the bytes actually sent, so each encoding has
// its own ETag. Any other status (the 404 page) is sent whole.
func (s *Site) serveFile(w http.ResponseWriter, r *http.Request, root *os.Root, name string, f *os.File, info fs.FileInfo, status int) {
	h := w.Header()
	h.Set("Content-Type", contentType(name))
	h.Set("Cache-Control", cacheControl(name))

	bodyName, body, bodyInfo := name, f, info
	coding := "" // of the body sent; "" for the file itself
	if v, hasSiblings := negotiate(root, name, r.Header.Get("Accept-Encoding")); hasSiblings {
		h.Add("Vary", "Accept-Encoding")
		if v != nil {
			defer v.f.Close()
			bodyName, body, bodyInfo = v.name, v.f, v.info
			coding = v.coding
		}
	}

	if status == http.StatusOK {
		if tag := s.etags.get(bodyName, body, bodyInfo); tag != "" {
			h.Set("ETag", tag)
		}
		if coding != "" {
			w = &encodedResponse{ResponseWriter: w, coding: coding}
		}
		http.ServeContent(w, r, name, bodyInfo.ModTime(), body)
		return
	}
	if coding != "" {
		h.Set("Content-Encoding", coding)
	}
	h.Set("Content-Length", strconv.FormatInt(bodyInfo.Size(), 10))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		io.Copy(w, body)
	}
}

// serveNotFound answers 404 with the site's 404.html, or a line of text when
// the site has none.
func (s *Site) serveNotFound(w http.ResponseWriter, r *http.Request, root *os.Root) {
	if f, info, ok := openRegular(root, "404.html"); ok {
		defer f.Close()
		s.serveFile(w, r, root, "404.html", f, info, http.StatusNotFound)
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	http.Error(w, "404 page not found", http.StatusNotFound)
}

// encodedResponse adds Content-Encoding to the response http.ServeContent
// writes, once ServeContent has chosen the status. Set earlier, the header
// would make ServeContent leave out Content-Length (it assumes a handler that
// compresses on the fly), and it would stay on 412 and 416 answers that carry
// no encoded body. A 304 drops it again inside ServeContent.
type encodedResponse struct {
	http.ResponseWriter
	coding string
}

func (w *encodedResponse) WriteHeader(code int) {
	if code == http.StatusOK || code == http.StatusPartialContent {
		w.Header().Set("Content-Encoding", w.coding)
	}
	w.ResponseWriter.WriteHeader(code)
}

// ReadFrom keeps the sendfile path of the underlying ResponseWriter.
func (w *encodedResponse) ReadFrom(src io.Reader) (int64, error) {
	return io.Copy(w.ResponseWriter, src)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *encodedResponse) Unwrap() http.ResponseWriter { return w.ResponseWriter }
