//go:build js && wasm

// In the browser, broadsheet loads the bundle the build wrote beside
// app.wasm (the manifest in app.js names its files) and runs the app over
// the prerendered page.
package main

import (
	"errors"
	"syscall/js"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"broadsheet/app/bundle"
	"broadsheet/app/ui"
)

func main() {
	web := app.Getenv("GOAPP_STATIC_RESOURCES_URL") + "/"
	m, err := bundle.ParseManifest(app.Getenv(bundle.Env))
	var b *bundle.Bundle
	if err == nil {
		var problems []error
		b, problems, err = bundle.Open(m, func(name string) ([]byte, error) { return fetchBytes(web + name) })
		// Events and entities are extra: without them the timeline shows
		// no events and the search page no facets, and everything else
		// works.
		for _, p := range problems {
			logError(p)
		}
	}
	if err != nil {
		// The prerendered page stays readable; say why search is missing.
		logError(err)
		if label := js.Global().Get("document").Call("getElementById", "app-wasm-loader-label"); label.Truthy() {
			label.Set("textContent", "Search could not start: "+err.Error())
		}
		select {}
	}
	ui.InitLang()
	ui.Routes(ui.NewLibrary(b))
	app.RunWhenOnBrowser()
}

func logError(err error) {
	js.Global().Get("console").Call("error", "broadsheet: "+err.Error())
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
