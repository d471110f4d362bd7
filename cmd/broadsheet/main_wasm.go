//go:build js && wasm

// In the browser, broadsheet loads the collection file the build wrote
// beside app.wasm, indexes it and runs the app over the prerendered page.
package main

import (
	"errors"
	"fmt"
	"syscall/js"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "broadsheet/app"
	"broadsheet/app/search"
	"broadsheet/app/timeline"
	"broadsheet/data"
)

func main() {
	web := app.Getenv("GOAPP_STATIC_RESOURCES_URL") + "/"
	// The names come from site.EnvCollection and site.EnvIndex; the site
	// package itself is server-only.
	c, ix, err := load(web+app.Getenv("BROADSHEET_COLLECTION"), web+app.Getenv("BROADSHEET_INDEX"))
	if err != nil {
		// The prerendered page stays readable; say why search is missing.
		js.Global().Get("console").Call("error", "broadsheet: "+err.Error())
		if label := js.Global().Get("document").Call("getElementById", "app-wasm-loader-label"); label.Truthy() {
			label.Set("textContent", "Search could not start: "+err.Error())
		}
		select {}
	}
	lib := ui.NewLibrary(c, ix)
	// Events are extra: without them the timeline shows no events, and
	// everything else works.
	if ev, err := loadEvents(c, web+app.Getenv("BROADSHEET_EVENTS")); err != nil {
		js.Global().Get("console").Call("error", "broadsheet: "+err.Error())
	} else {
		lib.SetEvents(ev)
	}
	ui.Routes(lib)
	app.RunWhenOnBrowser()
}

func load(collectionURL, indexURL string) (*data.Collection, *search.Index, error) {
	b, err := fetchBytes(collectionURL)
	if err != nil {
		return nil, nil, fmt.Errorf("loading %s: %w", collectionURL, err)
	}
	c, err := data.Decode(b)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", collectionURL, err)
	}
	b, err = fetchBytes(indexURL)
	if err != nil {
		return nil, nil, fmt.Errorf("loading %s: %w", indexURL, err)
	}
	ix, err := search.Load(c, b)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", indexURL, err)
	}
	return c, ix, nil
}

// loadEvents fetches the events the build extracted (site.EnvEvents).
func loadEvents(c *data.Collection, url string) (*timeline.Events, error) {
	b, err := fetchBytes(url)
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", url, err)
	}
	ev, err := timeline.DecodeEvents(c, b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", url, err)
	}
	return ev, nil
}

// fetchBytes GETs url with the browser's fetch (net/http would add
// megabytes to app.wasm) and waits for the whole body.
func fetchBytes(url string) ([]byte, error) {
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	var onBody, onResponse, onError js.Func
	onError = js.FuncOf(func(this js.Value, args []js.Value) any {
		done <- result{err: errors.New(args[0].Call("toString").String())}
		return nil
	})
	onBody = js.FuncOf(func(this js.Value, args []js.Value) any {
		arr := js.Global().Get("Uint8Array").New(args[0])
		b := make([]byte, arr.Get("length").Int())
		js.CopyBytesToGo(b, arr)
		done <- result{b: b}
		return nil
	})
	onResponse = js.FuncOf(func(this js.Value, args []js.Value) any {
		resp := args[0]
		if !resp.Get("ok").Bool() {
			done <- result{err: errors.New("HTTP " + resp.Get("status").Call("toString").String())}
			return nil
		}
		resp.Call("arrayBuffer").Call("then", onBody).Call("catch", onError)
		return nil
	})
	defer onError.Release()
	defer onBody.Release()
	defer onResponse.Release()
	js.Global().Call("fetch", url).Call("then", onResponse).Call("catch", onError)
	r := <-done
	return r.b, r.err
}
