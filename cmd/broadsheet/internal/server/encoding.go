//go:build !(js && wasm)

package server

import (
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// codings are the content codings a build may leave beside a file, as
// siblings named file+ext, in the order preferred when a client accepts
// several equally: brotli is smaller than gzip for the same text.
var codings = []struct{ name, ext string }{
	{"br", ".br"},
	{"gzip", ".gz"},
}

// A variant is the precompressed sibling chosen for a response.
type variant struct {
	coding string // Content-Encoding value
	name   string // file name in the site folder
	f      *os.File
	info   fs.FileInfo
}

// negotiate looks for the precompressed siblings of name and opens the one
// the Accept-Encoding header prefers. It reports whether name has any
// sibling at all (the response then varies by Accept-Encoding even when it is
// sent unencoded); v is nil when the file itself is to be sent.
func negotiate(root *os.Root, name, acceptEncoding string) (v *variant, hasSiblings bool) {
	var available []string
	for _, c := range codings {
		if info, err := root.Stat(name + c.ext); err == nil && info.Mode().IsRegular() {
			available = append(available, c.name)
		}
	}
	if len(available) == 0 {
		return nil, false
	}
	coding := chooseCoding(acceptEncoding, available)
	for _, c := range codings {
		if c.name != coding {
			continue
		}
		if f, info, ok := openRegular(root, name+c.ext); ok {
			return &variant{coding: c.name, name: name + c.ext, f: f, info: info}, true
		}
	}
	return nil, true
}

// chooseCoding picks, among the available codings (listed in order of
// preference), the one the Accept-Encoding header value rates highest, or ""
// for the unencoded file. A coding rated q=0 is never chosen; ties go to the
// earlier coding. Identity competes on its rating only when the header rates
// it (by name or through *); otherwise it is what is left when no coding
// fits. A request with no Accept-Encoding gets the unencoded file, as
// clients that send none (curl, scripts) expect, though RFC 9110 would allow
// any coding.
//
// When even identity is refused (identity;q=0 or *;q=0) and no coding fits,
// the unencoded file is sent anyway: a response the client may reject beats
// a 406 for a static page.
func chooseCoding(acceptEncoding string, available []string) string {
	q := parseAcceptEncoding(acceptEncoding)
	rate := func(coding string) (float64, bool) {
		if v, ok := q[coding]; ok {
			return v, true
		}
		v, ok := q["*"]
		return v, ok
	}
	best, bestQ := "", 0.0
	for _, c := range available {
		if v, _ := rate(c); v > bestQ {
			best, bestQ = c, v
		}
	}
	if v, rated := rate("identity"); rated && v > bestQ {
		return ""
	}
	return best
}

// parseAcceptEncoding reads an Accept-Encoding header value into a map from
// lower-cased coding to its q-value. An element whose q-value does not parse
// is dropped; the first mention of a coding wins; x-gzip counts as gzip.
func parseAcceptEncoding(header string) map[string]float64 {
	q := make(map[string]float64)
	for elem := range strings.SplitSeq(header, ",") {
		coding, params, _ := strings.Cut(elem, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding == "" {
			continue
		}
		if coding == "x-gzip" {
			coding = "gzip"
		}
		v, ok := 1.0, true
		for p := range strings.SplitSeq(params, ";") {
			k, val, _ := strings.Cut(p, "=")
			if strings.EqualFold(strings.TrimSpace(k), "q") {
				f, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
				ok = err == nil && f >= 0 && f <= 1
				v = f
			}
		}
		if _, seen := q[coding]; ok && !seen {
			q[coding] = v
		}
	}
	return q
}
