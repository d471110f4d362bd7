// Package bundle is the seam between the build and the browser: what the
// browser loads for a collection, the files it travels in, and the
// manifest that names them.
//
// The build derives a Bundle from a collection (cmd/broadsheet/internal/
// derive: the search index, the events the articles' text dates, the
// entities), Encode turns it into files named by their content and a
// Manifest, and the site build puts the manifest into app.js (Env). In
// the browser the wasm reads the manifest back and Open loads the files.
// Nothing else names a data file, so a change of what is shipped, or of
// how it is cut into files, happens here and in derive.
//
// The collection travels as JSON (data.Collection.Encode); the index, the
// events and the entities as data files (app/datafile), each checked at
// the boundary against the collection it was built for.
//
// bundle tops the floor of the pure packages, app/ but app/ui: the text
// pipeline (text), the index and its queries (search), dates, events and
// histograms (timeline), entities and facets (entity), the data files'
// container (datafile), messages (i18n), the reading list (saved) and
// citations (cite). They are what the browser and the build share: pure
// Go that builds and tests natively and under Node, importing the model
// (data) and each other, never go-app, syscall/js or anything of cmd/.
package bundle

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"broadsheet/app/entity"
	"broadsheet/app/search"
	"broadsheet/app/timeline"
	"broadsheet/data"
)

// Bundle is everything the browser loads for a collection.
type Bundle struct {
	Collection *data.Collection
	Index      *search.Index
	// Events are the dates the articles' text mentions; none when their
	// file could not be had.
	Events *timeline.Events
	// Entities are the people, places, organisations, countries and
	// metadata values, with related articles; nil when their file could
	// not be had (the app then shows no facets).
	Entities *entity.Index
	// Fetch gets more of the bundle's files: the index's shards, which a
	// query names when it needs them (search.Results.Missing). nil when
	// the bundle was built whole, at build time.
	Fetch Fetcher
}

// Env is the environment variable, set in app.js by the site build, that
// carries the manifest to the wasm as JSON.
const Env = "BROADSHEET_BUNDLE"

// Manifest names the files of a bundle, by path under the site's web/
// folder. Every name carries a hash of the file's content, so that a file
// can be cached for good and an unchanged file keeps its name.
type Manifest struct {
	Collection string `json:"collection"`
	// Index is the search index's head, which names its shards (under
	// web/t/, web/w/ and web/k/).
	Index    string `json:"index"`
	Events   string `json:"events"`
	Entities string `json:"entities"`
	// Quick is the folder of the quick search's files ("quick/<hash>/"),
	// read by web/quick-search.js before the wasm has loaded, never by
	// the app; empty when the site has none.
	Quick string `json:"quick,omitempty"`
}

// Files are the data files the app loads first, in a stable order; the
// index's shards come after, named by its head.
func (m Manifest) Files() []string {
	return []string{m.Collection, m.Index, m.Events, m.Entities}
}

// ParseManifest reads a manifest as Env carries it.
func ParseManifest(s string) (Manifest, error) {
	var m Manifest
	if s == "" {
		return m, errors.New("no manifest of the data files (" + Env + " is not set: rebuild the site with broadsheet build)")
	}
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return m, fmt.Errorf("the manifest of the data files: %w", err)
	}
	for _, f := range m.Files() {
		if f == "" {
			return m, errors.New("the manifest of the data files names no file for a part of the bundle (rebuild the site)")
		}
	}
	return m, nil
}

// FormatManifest is the manifest as Env carries it. (A function, not a
// String method: the wasm keeps every method of a type it reflects on.)
func FormatManifest(m Manifest) string {
	b, _ := json.Marshal(m) // a struct of strings always marshals
	return string(b)
}

// Encode writes the bundle's files and names them: the manifest, and the
// files by name. It is a function rather than a method so that the wasm,
// which only reads bundles, links none of it.
func Encode(b *Bundle) (Manifest, map[string][]byte, error) {
	coll, err := b.Collection.Encode()
	if err != nil {
		return Manifest{}, nil, err
	}
	index := b.Index.Files()
	if index == nil {
		return Manifest{}, nil, errors.New("bundle: the index was opened, not built: nothing to encode")
	}
	events, err := timeline.EncodeEvents(b.Collection, b.Events.All)
	if err != nil {
		return Manifest{}, nil, err
	}
	if b.Entities == nil {
		return Manifest{}, nil, errors.New("bundle: no entities to encode")
	}
	entities := b.Entities.Encode()
	m := Manifest{
		Collection: name("collection", coll, ".json"),
		Index:      name("index", index.Head, ".bin"),
		Events:     name("events", events, ".bin"),
		Entities:   name("entities", entities, ".bin"),
	}
	files := map[string][]byte{m.Collection: coll, m.Index: index.Head, m.Events: events, m.Entities: entities}
	for name, shard := range index.Shards {
		files[name] = shard
	}
	return m, files, nil
}

// name is a file's name with a hash of its content: a new build that
// changes a file changes its name, and one that does not keeps it.
func name(kind string, b []byte, ext string) string {
	return kind + "." + Hash(b) + ext
}

// Hash is the short content hash in the names of shipped files.
func Hash(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])[:12]
}

// Fetcher gets a file of the bundle by its name under web/. Open calls it
// for every file at once, from several goroutines: on a slow link each
// round trip counts.
type Fetcher func(name string) ([]byte, error)

// parts decode the files Manifest.Files lists, in its order, into a
// bundle. Without the collection and its index there is no search; the
// events and the entities are extra.
var parts = [...]struct {
	required bool
	decode   func(b *Bundle, file []byte) error
}{
	{true, func(b *Bundle, file []byte) (err error) {
		b.Collection, err = data.Decode(file)
		return err
	}},
	{true, func(b *Bundle, file []byte) (err error) {
		b.Index, err = search.Open(b.Collection, file)
		return err
	}},
	{false, func(b *Bundle, file []byte) (err error) {
		b.Events, err = timeline.DecodeEvents(b.Collection, file)
		return err
	}},
	{false, func(b *Bundle, file []byte) (err error) {
		b.Entities, err = entity.Decode(b.Collection, file)
		return err
	}},
}

// A FileError is a file of the bundle that could not be fetched or read.
type FileError struct {
	Name     string // under web/
	Fetching bool   // the file could not be had, rather than read
	Err      error
}

func (e *FileError) Error() string {
	if e.Fetching {
		return "loading " + e.Name + ": " + e.Err.Error()
	}
	return e.Name + ": " + e.Err.Error()
}

func (e *FileError) Unwrap() error { return e.Err }

// Open loads the bundle that m names: the collection and the head of its
// index (its shards come as queries need them, through the bundle's
// Fetch), the events and the entities. The collection and the index's
// head are required: without them Open fails. A file of the events or the entities
// that cannot be had or read is reported in problems, and the bundle
// works without it: the timeline shows no events, the search page no
// facets.
func Open(m Manifest, fetch Fetcher) (b *Bundle, problems []error, err error) {
	names := m.Files()
	files := make([][]byte, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			files[i], errs[i] = fetch(n)
		}()
	}
	wg.Wait()
	b = &Bundle{}
	for i, p := range parts {
		fe := &FileError{Name: names[i], Fetching: errs[i] != nil, Err: errs[i]}
		if !fe.Fetching {
			fe.Err = p.decode(b, files[i])
		}
		switch {
		case fe.Err == nil:
		case p.required:
			return nil, nil, fe
		default:
			problems = append(problems, fe)
		}
	}
	if b.Events == nil {
		b.Events = timeline.NewEvents(b.Collection, nil)
	}
	// The index's shards are fetched as queries need them.
	b.Fetch = fetch
	return b, problems, nil
}
