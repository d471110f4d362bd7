package ui

import (
	"runtime"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// rootPrefix is the path the site is served under ("" at the root). The
// handler puts it in the environment on both sides.
//
// In the browser it is read once: app.Getenv is three calls into
// JavaScript, and every link a render builds asks for the prefix; on the
// search page that was a seventh of the work of a keystroke (a CPU profile
// of typing, make bench's profile). The server side reads the environment
// each time, which tests may change.
func rootPrefix() string {
	if !app.IsClient {
		return strings.TrimRight(app.Getenv("GOAPP_ROOT_PREFIX"), "/")
	}
	if !clientPrefix.read {
		clientPrefix.value = strings.TrimRight(app.Getenv("GOAPP_ROOT_PREFIX"), "/")
		clientPrefix.read = true
	}
	return clientPrefix.value
}

// clientPrefix is rootPrefix in the browser, where the UI runs on one
// goroutine.
var clientPrefix struct {
	value string
	read  bool
}

// absPath prefixes path with the root prefix on both sides, for attributes
// go-app does not resolve itself (a form's action, history entries).
func absPath(path string) string { return rootPrefix() + path }

// absoluteURL makes an app path into a full URL of this site, for exports
// and citations; prerendered, it is the path.
func absoluteURL(path string) string {
	if !app.IsClient {
		return path
	}
	return app.Window().Get("location").Get("origin").String() + absPath(path)
}

// document is the page's document.
func document() app.Value { return app.Window().Get("document") }

// markLive tells tests and styles that the wasm app has taken over the
// prerendered page.
func markLive() {
	if app.IsClient {
		document().Get("documentElement").Call("setAttribute", "data-live", "true")
	}
}

// replaceURL changes the address bar without a navigation.
func replaceURL(u string) {
	if app.IsClient {
		app.Window().Get("history").Call("replaceState", nil, "", u)
	}
}

func focus(id string) {
	if !app.IsClient {
		return
	}
	if node := app.Window().GetElementByID(id); node.Truthy() {
		node.Call("focus")
	}
}

// idleGC is how long the reader must have stopped typing before the
// garbage collector is run for them.
const idleGC = 1500 * time.Millisecond

var gcTimer *time.Timer

// collectWhenIdle runs the garbage collector once no search has been typed
// for idleGC. In the browser Go's collector has no thread of its own: its
// marking runs inside whatever task allocated last, a keystroke's, and on
// the throttled profile (4x slower CPU) a collection was the longest task
// of typing, 100-250 ms. The site starts Go with GOGC=300 (site/appjs.go)
// so that the heap grows further between collections and a burst of keys
// seldom reaches one; this cleans up after the burst, while the reader
// reads.
func collectWhenIdle() {
	if !app.IsClient {
		return
	}
	if gcTimer == nil {
		gcTimer = time.AfterFunc(idleGC, runtime.GC)
		return
	}
	gcTimer.Reset(idleGC)
}
