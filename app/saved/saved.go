// Package saved is the reader's own shelf: a reading list of articles and
// a list of saved searches, kept in the browser (the app stores the JSON
// that Encode writes under one localStorage key) and exported or imported
// as the same JSON. It is pure Go; the app does the storing.
package saved

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Version is the format this code writes; Decode refuses newer ones rather
// than silently dropping what it does not know.
const Version = 1

// Item is an article on the reading list.
type Item struct {
	Slug  string    `json:"slug"`
	Title string    `json:"title"`
	Added time.Time `json:"added"`
}

// Search is a saved view: the app path with its query string, exactly as
// the address bar had it ("/?q=rahmon&country=Tajikistan").
type Search struct {
	Name  string    `json:"name"`
	URL   string    `json:"url"`
	Saved time.Time `json:"saved"`
}

// Store is everything saved.
type Store struct {
	Version  int      `json:"version"`
	Reading  []Item   `json:"reading"`
	Searches []Search `json:"searches"`
}

// New is an empty store.
func New() *Store { return &Store{Version: Version} }

// Decode reads a store and checks every entry, so that a damaged one is
// found here, at the edge, and not when the page renders it.
func Decode(b []byte) (*Store, error) {
	var s Store
	dec := json.NewDecoder(strings.NewReader(string(b)))
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("saved items: not valid JSON: %w", err)
	}
	if s.Version < 1 || s.Version > Version {
		return nil, fmt.Errorf("saved items: version %d, this app reads version %d", s.Version, Version)
	}
	for i, it := range s.Reading {
		if it.Slug == "" || it.Title == "" {
			return nil, fmt.Errorf("saved items: reading list entry %d has no slug or title", i+1)
		}
	}
	for i, sr := range s.Searches {
		if !strings.HasPrefix(sr.URL, "/") || strings.HasPrefix(sr.URL, "//") {
			return nil, fmt.Errorf("saved items: saved search %d: %q is not a path of this app", i+1, sr.URL)
		}
	}
	return &s, nil
}

// Encode writes the store as indented JSON (it is also the export file).
func (s *Store) Encode() []byte {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		panic(err) // plain strings and times always encode
	}
	return b
}

// Reads reports whether slug is on the reading list.
func (s *Store) Reads(slug string) bool {
	for _, it := range s.Reading {
		if it.Slug == slug {
			return true
		}
	}
	return false
}

// AddReading puts an article on the reading list (once).
func (s *Store) AddReading(it Item) {
	if !s.Reads(it.Slug) {
		s.Reading = append(s.Reading, it)
	}
}

// RemoveReading takes an article off the list. (This and RemoveSearch
// filter by hand: slices.DeleteFunc, for the two element types, cost the
// wasm 8 KB brotli.)
func (s *Store) RemoveReading(slug string) {
	out := s.Reading[:0]
	for _, it := range s.Reading {
		if it.Slug != slug {
			out = append(out, it)
		}
	}
	s.Reading = out
}

// SaveSearch keeps a view; saving the same URL again renames it.
func (s *Store) SaveSearch(sr Search) {
	for i := range s.Searches {
		if s.Searches[i].URL == sr.URL {
			s.Searches[i].Name = sr.Name
			return
		}
	}
	s.Searches = append(s.Searches, sr)
}

// RemoveSearch forgets a saved view.
func (s *Store) RemoveSearch(url string) {
	out := s.Searches[:0]
	for _, sr := range s.Searches {
		if sr.URL != url {
			out = append(out, sr)
		}
	}
	s.Searches = out
}

// Merge adds what other has and s lacks (an import) and says how many
// entries were new.
func (s *Store) Merge(other *Store) int {
	if other == nil {
		return 0
	}
	n := 0
	for _, it := range other.Reading {
		if !s.Reads(it.Slug) {
			s.Reading = append(s.Reading, it)
			n++
		}
	}
	for _, sr := range other.Searches {
		found := false
		for _, have := range s.Searches {
			found = found || have.URL == sr.URL
		}
		if !found {
			s.Searches = append(s.Searches, sr)
			n++
		}
	}
	sort.SliceStable(s.Reading, func(i, j int) bool { return s.Reading[i].Added.After(s.Reading[j].Added) })
	sort.SliceStable(s.Searches, func(i, j int) bool { return s.Searches[i].Saved.After(s.Searches[j].Saved) })
	return n
}
