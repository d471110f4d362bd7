package site

import (
	"bytes"
	"fmt"
)

// go-app's app.js registers the service worker first thing, so on a first
// visit the worker's precache downloads app.wasm while the page is still
// downloading it: a reader on a slow link pays for it twice. patchAppJS
// moves the registration to after the page's own download of the wasm
// (or after the page decided not to load it), and the worker precaches
// with cache "no-cache": what the page already fetched revalidates with a
// 304 instead of coming down again.
//
// It also starts Go with GOGC=300: the collector then runs at a heap four
// times the live data instead of twice. In the browser a collection has no
// thread of its own and runs inside the task that allocated, a keystroke's,
// so fewer of them fall in the middle of typing; the search page collects
// when the reader pauses (ui.collectWhenIdle). Setting it here rather than
// with runtime/debug keeps 10 KB of brotli out of app.wasm.
//
// It edits go-app v10.1.11's script by exact text; if a go-app upgrade
// changes that text, the build fails here rather than silently losing the
// fix.
func patchAppJS(js []byte) ([]byte, error) {
	edits := []struct{ old, new string }{
		{"goappInitServiceWorker();\n", ""},
		{"    const go = new Go();\n", "    const go = new Go();\n    go.env = { GOGC: \"300\" };\n"},
		// The page chose not to load the wasm (?wasm=false, crawlers).
		{"  if (!goappCanLoadWebAssembly()) {\n    loader.remove();\n",
			"  if (!goappCanLoadWebAssembly()) {\n    loader.remove();\n    goappInitServiceWorker();\n"},
		// The wasm has arrived (and is in the HTTP cache). Its memory is
		// exposed for make bench's measure of what the app holds.
		{"    go.run(wasm.instance);\n    loader.remove();\n",
			"    go.run(wasm.instance);\n    loader.remove();\n    window.goappWasmMemory = wasm.instance.exports.mem;\n    goappInitServiceWorker();\n"},
		// It could not: still register, so the failure is not repeated offline.
		{"    console.error(\"loading wasm failed: \", err);\n",
			"    console.error(\"loading wasm failed: \", err);\n    goappInitServiceWorker();\n"},
	}
	for _, e := range edits {
		if bytes.Count(js, []byte(e.old)) != 1 {
			return nil, fmt.Errorf("app.js: go-app's script changed, cannot find %q once", e.old)
		}
		js = bytes.Replace(js, []byte(e.old), []byte(e.new), 1)
	}
	return js, nil
}
