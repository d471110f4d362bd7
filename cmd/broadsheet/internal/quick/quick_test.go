package quick

import (
	"encoding/json"
	"maps"
	"path"
	"slices"
	"strconv"
	"testing"

	"broadsheet/app/text"
	"broadsheet/data"
	"broadsheet/data/corpus"
)

var testOptions = Options{
	Base:  "/sub",
	Href:  func(slug string) string { return "/article/" + slug },
	Label: func(d data.Date) string { return d.String() },
	Lead:  func(body string) string { return body[:min(len(body), 20)] },
}

type entry struct {
	word          string
	title, others []int
}

func readShard(t *testing.T, b []byte) []entry {
	t.Helper()
	var raw [][]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	var out []entry
	for _, r := range raw {
		var e entry
		var tg, og []int
		if len(r) != 3 || json.Unmarshal(r[0], &e.word) != nil || json.Unmarshal(r[1], &tg) != nil || json.Unmarshal(r[2], &og) != nil {
			t.Fatalf("bad entry %s", r)
		}
		e.title, e.others = undoGaps(tg), undoGaps(og)
		out = append(out, e)
	}
	return out
}

func undoGaps(g []int) []int {
	out := make([]int, len(g))
	id := 0
	for i, d := range g {
		id += d
		out[i] = id
	}
	return out
}

// TestBuildIndexesEveryTerm reads the shards back and checks them against
// the collection: each article is listed under each of its terms, in the
// title list when the title has the term, and nowhere else.
func TestBuildIndexesEveryTerm(t *testing.T) {
	c := corpus.Seed(t)
	dir, files, err := Build(c, testOptions)
	if err != nil {
		t.Fatal(err)
	}
	var meta struct {
		Count, Block, Key int
		Terms, Keys       []string
		Fold              map[string]string
	}
	if err := json.Unmarshal(files[path.Join(dir, "meta.json")], &meta); err != nil {
		t.Fatal(err)
	}
	if meta.Count != len(c.Articles) || meta.Block != Block || meta.Key != keyRunes {
		t.Errorf("meta %+v", meta)
	}
	if meta.Fold["Р"] != "r" || meta.Fold["é"] != "e" || meta.Fold["ß"] != "ss" {
		t.Errorf("fold table: Р %q é %q ß %q", meta.Fold["Р"], meta.Fold["é"], meta.Fold["ß"])
	}

	got := map[string]map[int]bool{} // term -> id -> in the title
	for _, name := range meta.Terms {
		b, ok := files[path.Join(dir, "t", name+".json")]
		if !ok {
			t.Fatalf("meta lists shard %s, which is not written", name)
		}
		for _, e := range readShard(t, b) {
			if fileName(key(e.word)) != name {
				t.Errorf("%q is in shard %s", e.word, name)
			}
			if !slices.IsSorted(e.title) || !slices.IsSorted(e.others) {
				t.Errorf("%q: ids out of order", e.word)
			}
			got[e.word] = map[int]bool{}
			for _, id := range e.others {
				got[e.word][id] = false
			}
			for _, id := range e.title {
				got[e.word][id] = true
			}
		}
	}
	want := map[string]map[int]bool{}
	for id, a := range c.Articles {
		for _, s := range []string{a.Summary, a.Body, a.Title} {
			for tok := range text.EachToken(s) {
				if want[tok.Term] == nil {
					want[tok.Term] = map[int]bool{}
				}
				want[tok.Term][id] = s == a.Title
			}
		}
	}
	if !maps.EqualFunc(got, want, maps.Equal) {
		t.Errorf("the shards hold %d terms, the collection has %d, or their articles differ", len(got), len(want))
	}

	// The loose keys: Rahmon's key is not the word, so it has an entry.
	var found bool
	for _, name := range meta.Keys {
		for _, e := range readShard(t, files[path.Join(dir, "k", name+".json")]) {
			if e.word == text.Key("rahmon") {
				found = len(e.title)+len(e.others) > 0
			}
		}
	}
	if !found {
		t.Errorf("no loose key %q", text.Key("rahmon"))
	}

	// Rows: every article once, in collection order, with the base.
	var rows [][]string
	for n := 0; n*Block < len(c.Articles); n++ {
		var block [][]string
		if err := json.Unmarshal(files[path.Join(dir, "d", strconv.Itoa(n)+".json")], &block); err != nil {
			t.Fatal(err)
		}
		rows = append(rows, block...)
	}
	if len(rows) != len(c.Articles) {
		t.Fatalf("%d rows for %d articles", len(rows), len(c.Articles))
	}
	for i, r := range rows {
		if a := c.Articles[i]; r[0] != "/sub/article/"+a.Slug || r[1] != a.Title {
			t.Errorf("row %d: %q", i, r[:2])
		}
	}
}

func TestBuildIsStable(t *testing.T) {
	c := corpus.Seed(t)
	dir1, files1, err := Build(c, testOptions)
	if err != nil {
		t.Fatal(err)
	}
	dir2, files2, _ := Build(c, testOptions)
	if dir1 != dir2 || !maps.EqualFunc(files1, files2, slices.Equal) {
		t.Error("two builds of one collection differ")
	}
	c.Articles[0].Title += " changed"
	if dir3, _, _ := Build(c, testOptions); dir3 == dir1 {
		t.Error("a changed collection kept its folder name")
	}
}

func TestKey(t *testing.T) {
	for _, tc := range []struct{ term, key string }{
		{"r", "r"}, {"ra", "ra"}, {"rahmon", "ra"}, {"қазақ", "қа"}, {"7", "7"},
	} {
		if got := key(tc.term); got != tc.key {
			t.Errorf("key(%q) = %q, want %q", tc.term, got, tc.key)
		}
	}
}
