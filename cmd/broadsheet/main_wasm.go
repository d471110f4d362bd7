//go:build js && wasm

// In the browser, broadsheet loads the collection file the build wrote
// beside app.wasm, indexes it and runs the app over the prerendered page.
package main

import (
	"errors"
	"fmt"
	"sync"
	"syscall/js"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"broadsheet/app/entity"
	"broadsheet/app/search"
	"broadsheet/app/timeline"
	"broadsheet/app/ui"
	"broadsheet/data"
)

func main() {
	web := app.Getenv("GOAPP_STATIC_RESOURCES_URL") + "/"
	// The names come from site.EnvCollection, EnvIndex, EnvEvents and
	// EnvEntities (the site package itself is server-only). All four files
	// are fetched at once: on a slow link each round trip counts.
	files := map[string]string{}
	for _, env := range []string{"BROADSHEET_COLLECTION", "BROADSHEET_INDEX", "BROADSHEET_EVENTS", "BROADSHEET_ENTITIES"} {
		files[env] = web + app.Getenv(env)
	}
	got := fetchAll(files)

	c, ix, err := load(got["BROADSHEET_COLLECTION"], got["BROADSHEET_INDEX"])
	if err != nil {
		// The prerendered page stays readable; say why search is missing.
		js.Global().Get("console").Call("error", "broadsheet: "+err.Error())
		if label := js.Global().Get("document").Call("getElementById", "app-wasm-loader-label"); label.Truthy() {
			label.Set("textContent", "Search could not start: "+err.Error())
		}
		select {}
	}
	lib := ui.NewLibrary(c, ix)
	// Events and entities are extra: without them the timeline shows no
	// events and the search page no facets, and everything else works.
	if f := got["BROADSHEET_EVENTS"]; f.err != nil {
		logError(f.url, f.err)
	} else if ev, err := timeline.DecodeEvents(c, f.b); err != nil {
		logError(f.url, err)
	} else {
		lib.SetEvents(ev)
	}
	if f := got["BROADSHEET_ENTITIES"]; f.err != nil {
		logError(f.url, f.err)
	} else if eix, err := entity.Decode(c, f.b); err != nil {
		logError(f.url, err)
	} else {
		lib.SetEntities(eix)
	}
	ui.InitLang()
	ui.Routes(lib)
	app.RunWhenOnBrowser()
}

func logError(url string, err error) {
	js.Global().Get("console").Call("error", "broadsheet: "+url+": "+err.Error())
}

func load(cf, xf fetched) (*data.Collection, *search.Index, error) {
	if cf.err != nil {
		return nil, nil, fmt.Errorf("loading %s: %w", cf.url, cf.err)
	}
	c, err := data.Decode(cf.b)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", cf.url, err)
	}
	if xf.err != nil {
		return nil, nil, fmt.Errorf("loading %s: %w", xf.url, xf.err)
	}
	ix, err := search.Load(c, xf.b)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", xf.url, err)
	}
	return c, ix, nil
}

// fetched is one file's body, or why it could not be had.
type fetched struct {
	url string
	b   []byte
	err error
}

// fetchAll fetches the files concurrently and waits for all of them.
func fetchAll(urls map[string]string) map[string]fetched {
	out := make(map[string]fetched, len(urls))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for k, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b, err := fetchBytes(u)
			mu.Lock()
			out[k] = fetched{url: u, b: b, err: err}
			mu.Unlock()
		}()
	}
	wg.Wait()
	return out
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
