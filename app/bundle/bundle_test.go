package bundle

import (
	"errors"
	"strings"
	"testing"
	"time"

	"broadsheet/app/entity"
	"broadsheet/app/search"
	"broadsheet/app/timeline"
	"broadsheet/data"
)

// tiny is a bundle of three articles, one event and one person, made by
// hand (the extractors are the build's, not this package's).
func tiny(t *testing.T) *Bundle {
	t.Helper()
	day := func(d int) data.Date {
		return data.Date{Start: time.Date(2025, 5, d, 0, 0, 0, 0, time.UTC), Precision: data.PrecisionDay}
	}
	c := &data.Collection{Name: "Tiny", Articles: []data.Article{
		{Slug: "c", Title: "Rahmon speaks", Body: "On May 2 Rahmon spoke.", Date: day(3)},
		{Slug: "b", Title: "Likes decriminalised", Body: "The law changed.", Date: day(2)},
		{Slug: "a", Title: "Рахмон", Body: "Text.", Date: day(1)},
	}}
	ev := []timeline.Event{{Article: "c", Date: day(2), Sentence: timeline.Sentence{Start: 0, End: 22}, PhraseStart: 0, PhraseEnd: 8}}
	eix, err := entity.New(c, []entity.Entity{{Kind: entity.Person, Origin: entity.Gazetteer, Name: "Rahmon"}}, nil,
		[]entity.Annotations{{Mentions: []entity.Mention{{Entity: 0, Title: true, Start: 0, End: 6}}}, {}, {}})
	if err != nil {
		t.Fatal(err)
	}
	return &Bundle{Collection: c, Index: search.New(c), Events: timeline.NewEvents(c, ev), Entities: eix}
}

// files fetches from what Encode wrote, failing for the names in missing.
func files(all map[string][]byte, missing ...string) Fetcher {
	return func(name string) ([]byte, error) {
		for _, m := range missing {
			if strings.HasPrefix(name, m) {
				return nil, errors.New("HTTP 404")
			}
		}
		b, ok := all[name]
		if !ok {
			return nil, errors.New("HTTP 404")
		}
		return b, nil
	}
}

func TestEncodeOpen(t *testing.T) {
	b := tiny(t)
	m, all, err := Encode(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 4+3 {
		t.Errorf("%d files, want the collection, the index's head and its three shards, the events and the entities", len(all))
	}
	for _, name := range m.Files() {
		if _, ok := all[name]; !ok {
			t.Errorf("the manifest names %q, which Encode did not write", name)
		}
	}
	// The manifest goes through app.js as a string and comes back.
	back, err := ParseManifest(FormatManifest(m))
	if err != nil || back != m {
		t.Fatalf("manifest round trip: %+v, %v; want %+v", back, err, m)
	}
	got, problems, err := Open(back, files(all))
	if err != nil || len(problems) > 0 {
		t.Fatalf("Open: %v, problems %v", err, problems)
	}
	if r, err := got.Index.RunFetching(search.Request{Query: "Рахмон"}, search.Fetch(got.Fetch)); err != nil || r.Count != 2 {
		t.Errorf("Рахмон finds %d articles in the opened bundle, want 2", r.Count)
	}
	if len(got.Events.All) != 1 || got.Events.Text(&got.Events.All[0]) != "On May 2 Rahmon spoke." {
		t.Errorf("events: %+v", got.Events.All)
	}
	if got.Entities == nil || len(got.Entities.Entities) != 1 {
		t.Errorf("entities: %+v", got.Entities)
	}
	// Names change with content, and only then.
	m2, _, _ := Encode(tiny(t))
	if m2 != m {
		t.Errorf("two encodings of one bundle name their files differently: %+v, %+v", m, m2)
	}
}

// TestOpenWithout: the events and entities are extra, the collection and
// index are not; each failure names its file.
func TestOpenWithout(t *testing.T) {
	m, all, err := Encode(tiny(t))
	if err != nil {
		t.Fatal(err)
	}
	b, problems, err := Open(m, files(all, "events.", "entities."))
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 2 || !strings.Contains(problems[0].Error(), "loading "+m.Events+": HTTP 404") {
		t.Errorf("problems %v, want the events and entities files named", problems)
	}
	if b.Entities != nil || b.Events == nil || len(b.Events.All) != 0 {
		t.Errorf("without their files: entities %v, events %v; want none and empty", b.Entities, b.Events)
	}
	if r, err := b.Index.RunFetching(search.Request{Query: "likes"}, search.Fetch(b.Fetch)); err != nil || r.Count != 1 {
		t.Errorf("search without events and entities: %d, %v", r.Count, err)
	}
	for _, missing := range []string{"collection.", "index."} {
		if _, _, err := Open(m, files(all, missing)); err == nil || !strings.Contains(err.Error(), missing) {
			t.Errorf("without the %s file: error %v, want one naming it", strings.TrimSuffix(missing, "."), err)
		}
	}
	// A damaged index is an error of the index file, not a panic.
	bad := map[string][]byte{}
	for k, v := range all {
		bad[k] = v
	}
	bad[m.Index] = append([]byte(nil), all[m.Index][:len(all[m.Index])/2]...)
	if _, _, err := Open(m, files(bad)); err == nil || !strings.Contains(err.Error(), m.Index) || !search.IsCorrupt(errors.Unwrap(err)) {
		t.Errorf("a truncated index: %v", err)
	}
}

func TestParseManifest(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", "not set"},
		{"{", "manifest"},
		{`{"collection": "c.json"}`, "names no file"},
	} {
		if _, err := ParseManifest(tc.in); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseManifest(%q): %v, want an error about %q", tc.in, err, tc.want)
		}
	}
}
