package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// rootPrefix is the path the site is served under ("" at the root). The
// handler puts it in the environment on both sides.
func rootPrefix() string {
	return strings.TrimRight(app.Getenv("GOAPP_ROOT_PREFIX"), "/")
}

// absPath prefixes path with the root prefix on both sides, for attributes
// go-app does not resolve itself (a form's action, history entries).
func absPath(path string) string { return rootPrefix() + path }

// markLive tells tests and styles that the wasm app has taken over the
// prerendered page.
func markLive() {
	if app.IsClient {
		app.Window().Get("document").Get("documentElement").Call("setAttribute", "data-live", "true")
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
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Call("focus")
	}
}
