// Package derive makes, at build time, everything the browser loads for a
// collection: the bundle (app/bundle) and the quick search's shards. It
// is the one place where the build-time extractors meet: the site build
// and `broadsheet export` both go through it, so they ship and export the
// same index and the same events.
//
// It stands on the build-time floor, cmd/broadsheet/internal/: the work
// only the native binary does — ingest (foreign formats into a collection
// folder), events and entities (extraction from the articles' text),
// quick (the pre-wasm search's shards), derive, site (the static site) —
// and the server and wasmsize. Nothing on this floor reaches app.wasm:
// Go's internal/ rule keeps it to the binary, whose wasm build imports
// none of it, and a test (wasmsize) fails if any of it shows up there.
package derive

import (
	"sync"

	"broadsheet/app/bundle"
	"broadsheet/app/search"
	"broadsheet/app/timeline"
	"broadsheet/cmd/broadsheet/internal/entities"
	"broadsheet/cmd/broadsheet/internal/events"
	"broadsheet/cmd/broadsheet/internal/quick"
	"broadsheet/data"
)

// Bundle indexes c and reads its events and entities. The three are
// independent and run side by side, one core each.
func Bundle(c *data.Collection) (*bundle.Bundle, error) {
	b := &bundle.Bundle{Collection: c}
	var (
		wg  sync.WaitGroup
		err error
	)
	wg.Add(2)
	go func() {
		defer wg.Done()
		b.Index = search.New(c)
	}()
	go func() {
		defer wg.Done()
		// The dates the articles' text mentions, read here (natively) so
		// the wasm never carries the extractor.
		b.Events = timeline.NewEvents(c, events.Extract(c))
	}()
	b.Entities, err = entities.Build(c)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	return b, nil
}

// Files encodes b and writes the quick search for it: the manifest, the
// bundle's files (what the app needs offline) and the quick search's
// (read by web/quick-search.js in the seconds before the wasm, never by
// the app), by their paths under web/.
func Files(b *bundle.Bundle, q quick.Options) (m bundle.Manifest, files, quickFiles map[string][]byte, err error) {
	if m, files, err = bundle.Encode(b); err != nil {
		return m, nil, nil, err
	}
	dir, quickFiles, err := quick.Build(b.Collection, q)
	if err != nil {
		return m, nil, nil, err
	}
	m.Quick = dir + "/"
	return m, files, quickFiles, nil
}
