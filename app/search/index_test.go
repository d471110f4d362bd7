package search

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"broadsheet/app/datafile"
	"broadsheet/data"
)

// tiny is a collection small enough to check its index entry by entry.
func tiny() *data.Collection {
	month := func(y int, m time.Month) data.Date {
		return data.Date{Start: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), Precision: data.PrecisionMonth}
	}
	return &data.Collection{Name: "tiny", Articles: []data.Article{
		{Slug: "a", Title: "Rahmon signs", Body: "Likes likes", Date: month(2025, 5)},
		{Slug: "b", Title: "Likes", Body: "Rakhmon", Date: month(2025, 4)},
		{Slug: "c", Title: "Telegram", Body: "Рахмон likes Telegram", Date: month(2025, 3)},
	}}
}

// entry is a decoded posting, for comparing lists: the article, whether
// the term is in its title, and its impact level.
type entry struct {
	doc   uint32
	title bool
	level int
}

func decodeList(ix *Index, term string) []entry {
	i, ok := ix.termIndex(term, nil)
	if !ok {
		return nil
	}
	var out []entry
	r, _ := ix.lex.postings(i, ix.Len(), nil)
	for p, ok := r.read(); ok; p, ok = r.read() {
		level := -1
		for l := range impactLevels {
			if impactRatio(l) == p.ratio {
				level = l
			}
		}
		out = append(out, entry{p.doc, p.title, level})
	}
	return out
}

// levelOf is the impact level of a term counted tf times (titleBoost a
// title) in a body of n words, the average being avg.
func levelOf(tf, n, avg float64) int {
	norm := bm25K1 * (1 - bm25B + bm25B*n/avg)
	return impactLevel(tf * (bm25K1 + 1) / (tf + norm))
}

func TestIndexRoundTrip(t *testing.T) {
	c := tiny()
	f := Write(c)
	ix := New(c)
	var terms []string
	for i := range ix.lex.nterms {
		terms = append(terms, ix.lex.term(i))
	}
	if want := []string{"likes", "rahmon", "rakhmon", "signs", "telegram"}; !reflect.DeepEqual(terms, want) {
		t.Errorf("terms = %q, want %q", terms, want)
	}
	const avg = 2 // bodies of 2, 1 and 3 words
	lists := map[string][]entry{
		"likes":    {{0, false, levelOf(2, 2, avg)}, {1, true, levelOf(titleBoost, 1, avg)}, {2, false, levelOf(1, 3, avg)}},
		"rahmon":   {{0, true, levelOf(titleBoost, 2, avg)}},
		"rakhmon":  {{1, false, levelOf(1, 1, avg)}, {2, false, levelOf(1, 3, avg)}}, // Рахмон folds to rakhmon
		"signs":    {{0, true, levelOf(titleBoost, 2, avg)}},
		"telegram": {{2, true, levelOf(titleBoost+1, 3, avg)}},
	}
	for term, want := range lists {
		if got := decodeList(ix, term); !reflect.DeepEqual(got, want) {
			t.Errorf("postings of %s = %v, want %v", term, got, want)
		}
		i, _ := ix.termIndex(term, nil)
		if ix.lex.df(i) != len(want) {
			t.Errorf("df of %s = %d, want %d", term, ix.lex.df(i), len(want))
		}
	}
	// Both spellings of the name have the key rakmon. Terms that are
	// their own key are not stored.
	keys := map[string]bool{}
	for j := range ix.lex.nkeys {
		k, term := ix.lex.keyAt(j)
		if k == ix.lex.term(term) {
			t.Errorf("key %s stored for itself", k)
		}
		keys[k+"="+ix.lex.term(term)] = true
	}
	if !keys["rakmon=rahmon"] || !keys["rakmon=rakhmon"] {
		t.Errorf("keys = %v, want rakmon for rahmon and rakhmon", keys)
	}
	// One of each shard, named by its content; the same on every build.
	if len(f.Shards) != 3 {
		t.Errorf("%d shards, want a term chunk, a word piece and a key chunk", len(f.Shards))
	}
	again := Write(c)
	if !bytes.Equal(again.Head, f.Head) || !reflect.DeepEqual(again.Shards, f.Shards) {
		t.Error("writing the same collection twice gives other files")
	}
	for name, b := range f.Shards {
		k := map[string]*datafile.Kind{"t": &termKind, "w": &wordKind, "k": &keyKind}[name[:1]]
		if want := shardName(k, hashOf(b)); name != want {
			t.Errorf("shard %s is named %s", want, name)
		}
	}
}

func TestNewMatchesLoad(t *testing.T) {
	c := tiny()
	ix := New(c)
	r := ix.Search("Рахмон")
	if r.Count != 3 {
		t.Errorf("Рахмон finds %d articles, want all 3 (Rahmon, Rakhmon, Рахмон)", r.Count)
	}
}

// TestIndexCorruption: a damaged head or shard is an error naming the
// file's kind, and never a panic; a shard of another index is refused.
func TestIndexCorruption(t *testing.T) {
	c := tiny()
	f := Write(c)
	if _, err := Open(c, f.Head[:len(f.Head)-3]); err == nil || !IsCorrupt(err) || !strings.Contains(err.Error(), "search head") {
		t.Errorf("a truncated head: %v", err)
	}
	other := tiny()
	other.Articles[2].Slug = "d"
	if _, err := Open(other, f.Head); err == nil || !strings.Contains(err.Error(), "another collection") {
		t.Errorf("the head of another collection: %v", err)
	}
	for name, b := range f.Shards {
		for i := range b {
			ix, err := Open(c, f.Head)
			if err != nil {
				t.Fatal(err)
			}
			d := bytes.Clone(b)
			d[i] ^= 0x20
			if err := ix.Add(name, d); err == nil {
				t.Fatalf("%s with byte %d changed was added", name, i)
			}
		}
		ix, _ := Open(c, f.Head)
		if err := ix.Add("t/000000000000.bin", b); err == nil || !strings.Contains(err.Error(), "not a shard of this index") {
			t.Errorf("a shard under another name: %v", err)
		}
	}
	// A shard whose envelope is right but whose content is not (what a bug
	// in the writer would make) is caught by the range checks, or read as
	// another shard, never a panic.
	for name, b := range f.Shards {
		kind := map[string]datafile.Kind{"t": termKind, "w": wordKind, "k": keyKind}[name[:1]]
		sections, err := datafile.Read(kind, b, 3, c.Fingerprint())
		if err != nil {
			t.Fatal(err)
		}
		for s := range sections {
			for j := range sections[s] {
				for _, v := range []byte{0, 0x7f, 0xff} {
					ss := slices.Clone(sections)
					ss[s] = bytes.Clone(sections[s])
					ss[s][j] = v
					ix, _ := Open(c, f.Head)
					if ix.Add(name, datafile.Write(kind, 3, c.Fingerprint(), ss...)) == nil {
						ix.Search("likes rahmon")
					}
				}
			}
		}
	}
}
