//go:build !(js && wasm)

package server

import (
	"net/http"
	"path"
	"regexp"
)

// contentSecurityPolicy allows exactly what a go-app WebAssembly app served
// from one origin needs, and nothing from anywhere else. It assumes the app
// has no inline <script> or on* attribute and no style="" attribute: go-app's
// Elem.Style sets the style attribute, which style-src 'self' blocks, so
// components style themselves through classes in the site's CSS files.
const contentSecurityPolicy = "" +
	// Anything not named below may load only from this origin.
	"default-src 'self'; " +
	// wasm_exec.js, app.js and the service worker come from this origin;
	// 'wasm-unsafe-eval' lets WebAssembly.instantiateStreaming compile
	// app.wasm without also allowing JavaScript eval().
	"script-src 'self' 'wasm-unsafe-eval'; " +
	// Stylesheets are files (app.css, web/*.css); no inline styles.
	"style-src 'self'; " +
	// Icons and images are files; data: covers icons that CSS or go-app
	// embed as data URLs.
	"img-src 'self' data:; " +
	// fetch() of app.wasm and web/collection.json, and the service worker's
	// cache fills, all go to this origin.
	"connect-src 'self'; " +
	// manifest.webmanifest, for installing the app.
	"manifest-src 'self'; " +
	// app-worker.js is registered as a service worker from this origin.
	"worker-src 'self'; " +
	// An injected <base> cannot redirect the app's relative URLs elsewhere.
	"base-uri 'self'; " +
	// The search form may submit only to this site.
	"form-action 'self'; " +
	// No plugins (<object>, <embed>).
	"object-src 'none'; " +
	// No site may frame these pages (clickjacking); X-Frame-Options says the
	// same to browsers that predate frame-ancestors.
	"frame-ancestors 'none'"

// securityHeaders are set on every response, errors and 304s included.
//
// Referrer-Policy is no-referrer: the site needs no Referer from anyone, and
// its URLs carry what a reader searched for (/?q=...) and which articles they
// read, which the news sites an article links to have no business seeing.
// strict-origin-when-cross-origin would hide the path too but still announce
// the archive's origin.
var securityHeaders = [][2]string{
	{"Content-Security-Policy", contentSecurityPolicy},
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "no-referrer"},
	{"X-Frame-Options", "DENY"},
	{"Cross-Origin-Opener-Policy", "same-origin"},
}

func setSecurityHeaders(h http.Header) {
	for _, kv := range securityHeaders {
		h.Set(kv[0], kv[1])
	}
}

// contentTypes maps the extensions a built site holds to their media types.
// The table is ours rather than the host's mime.types, so a response does not
// change with the machine it is served from; anything not listed is sent as
// application/octet-stream (and nosniff keeps browsers from guessing).
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".map":         "application/json",
	".webmanifest": "application/manifest+json",
	".wasm":        "application/wasm", // instantiateStreaming requires it
	".txt":         "text/plain; charset=utf-8",
	".xml":         "application/xml",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/x-icon",
	".woff2":       "font/woff2",
	".woff":        "font/woff",
	".ttf":         "font/ttf",
	".pdf":         "application/pdf",
}

func contentType(name string) string {
	if t, ok := contentTypes[path.Ext(name)]; ok {
		return t
	}
	return "application/octet-stream"
}

// hashedName matches file names that carry a content hash before the
// extension, as in app.3f2a9c1b.wasm: such a URL names one content forever.
var hashedName = regexp.MustCompile(`\.[0-9a-f]{8,}\.`)

const (
	cacheForever = "public, max-age=31536000, immutable"
	// no-cache still lets the browser keep the file, but it must revalidate
	// (If-None-Match against the ETag) before each use.
	cacheRevalidate = "no-cache"
)

// cacheControl gives the Cache-Control for the file name. Only content-hashed
// names may be cached without asking. Pages and the fixed entry points (the
// loader, the service worker, the manifest) must always be revalidated, even
// if a name happened to look hashed, or a new build would never reach a
// returning reader; so must any other unhashed file, such as web/app.wasm
// when the build does not hash it.
func cacheControl(name string) string {
	base := path.Base(name)
	switch {
	case path.Ext(base) == ".html",
		base == "app.js", base == "app-worker.js", base == "manifest.webmanifest":
		return cacheRevalidate
	case hashedName.MatchString(base):
		return cacheForever
	}
	return cacheRevalidate
}
