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

// entry is a decoded posting, for comparing lists.
type entry struct{ doc, title, body uint32 }

func decodeList(ix *Index, term string) []entry {
	i, ok := ix.termIndex(term)
	if !ok {
		return nil
	}
	var out []entry
	r := ix.postingsOf(i)
	for p, ok := r.read(); ok; p, ok = r.read() {
		out = append(out, entry{p.doc, p.title, p.body})
	}
	return out
}

func TestIndexRoundTrip(t *testing.T) {
	c := tiny()
	b := encode(c)
	ix, err := Load(c, b)
	if err != nil {
		t.Fatal(err)
	}
	var terms []string
	for i := range ix.termEnd {
		terms = append(terms, ix.term(i))
	}
	if want := []string{"likes", "rahmon", "rakhmon", "signs", "telegram"}; !reflect.DeepEqual(terms, want) {
		t.Errorf("terms = %q, want %q", terms, want)
	}
	if want := []uint32{2, 1, 3}; !reflect.DeepEqual(ix.bodyLen, want) {
		t.Errorf("body lengths = %v, want %v", ix.bodyLen, want)
	}
	lists := map[string][]entry{
		"likes":    {{0, 0, 2}, {1, 1, 0}, {2, 0, 1}},
		"rahmon":   {{0, 1, 0}},
		"rakhmon":  {{1, 0, 1}, {2, 0, 1}}, // Рахмон folds to rakhmon
		"signs":    {{0, 1, 0}},
		"telegram": {{2, 1, 1}},
	}
	for term, want := range lists {
		if got := decodeList(ix, term); !reflect.DeepEqual(got, want) {
			t.Errorf("postings of %s = %v, want %v", term, got, want)
		}
		i, _ := ix.termIndex(term)
		if int(ix.df[i]) != len(want) {
			t.Errorf("df of %s = %d, want %d", term, ix.df[i], len(want))
		}
	}
	// Both spellings of the name have the key rakmon. Terms that are
	// their own key are not stored.
	keys := map[string]bool{}
	for j := range ix.keyEnd {
		k, term := ix.key(j), ix.term(int(ix.keyTerm[j]))
		if k == term {
			t.Errorf("key %s stored for itself", k)
		}
		keys[k+"="+term] = true
	}
	if !keys["rakmon=rahmon"] || !keys["rakmon=rakhmon"] {
		t.Errorf("keys = %v, want rakmon for rahmon and rakhmon", keys)
	}
	if got, _ := ix.MarshalBinary(); !bytes.Equal(got, b) {
		t.Error("MarshalBinary does not return the bytes loaded")
	}
	if !bytes.Equal(encode(c), b) {
		t.Error("encoding the same collection twice gives different bytes")
	}
	// A datafile of four sections; the lengths are the body lengths, the
	// terms and keys open with their counts.
	sections, err := datafile.Read(fileKind, b, 3, c.Fingerprint())
	if err != nil {
		t.Fatal(err)
	}
	if got := sections[0]; !bytes.Equal(got, []byte{2, 1, 3}) {
		t.Errorf("lengths section % x, want 02 01 03", got)
	}
	if got := sections[1][0]; got != 5 {
		t.Errorf("terms section opens with %d, want 5 terms", got)
	}
	if got := sections[3][0]; int(got) != len(ix.keyEnd) {
		t.Errorf("keys section opens with %d, want %d keys", got, len(ix.keyEnd))
	}
}

func TestIndexCorruption(t *testing.T) {
	c := tiny()
	good := encode(c)
	check := func(name string, b []byte, want string) {
		t.Helper()
		ix, err := Load(c, b)
		if err == nil {
			t.Errorf("%s: loaded, want an error", name)
			return
		}
		if ix != nil || !IsCorrupt(err) || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "search index: ") {
			t.Errorf("%s: error %q, want one about %q", name, err, want)
		}
	}
	check("empty", nil, "not a search index")
	check("the first version", append([]byte("broadsheet search index 1\n"), good...), "not a search index, or of another version")
	check("JSON", []byte(`{"name":"tiny","articles":[]}`+strings.Repeat(" ", 100)), "not a search index")
	for n := range len(good) {
		check("truncated", good[:n], "")
	}
	for i := range good {
		b := bytes.Clone(good)
		b[i] ^= 0x20
		check("flipped byte", b, "")
	}
	other := tiny()
	other.Articles[2].Slug = "d"
	check("other collection", encode(other), "another collection")
	check("entities file", datafile.Write(datafile.Kind{Name: "entities file", Version: 2, Sections: 3}, 3, c.Fingerprint(), nil, nil, nil), "not a search index but an entities file")
	check("another version", datafile.Write(datafile.Kind{Name: "search index", Version: 1, Sections: 4}, 3, c.Fingerprint(), nil, nil, nil, nil), "not a search index, or of another version")

	// Sections that pass the envelope's checks but do not hold an index:
	// what a bug in the writer would produce.
	sections, err := datafile.Read(fileKind, good, 3, c.Fingerprint())
	if err != nil {
		t.Fatal(err)
	}
	with := func(i int, section []byte) []byte {
		s := slices.Clone(sections)
		s[i] = section
		return datafile.Write(fileKind, 3, c.Fingerprint(), s...)
	}
	check("length left over", with(0, []byte{2, 1, 3, 0}), "lengths section, byte 3: 1 bytes left over")
	check("lengths cut short", with(0, []byte{2, 1}), "lengths section, byte 2: bad number")
	check("df past the articles", with(1, []byte{1, 5, 'l', 'i', 'k', 'e', 's', 4}), "terms section, byte 8: number 4 out of range (at most 3)")
	unordered := bytes.Clone(sections[1])
	unordered[bytes.Index(unordered, []byte("rahmon"))] = 'a' // aahmon, before likes
	check("terms out of order", with(1, unordered), "term 1 out of order")
	check("postings cut short", with(2, sections[2][:len(sections[2])-1]), "postings section")
	check("postings too long", with(2, append(slices.Clone(sections[2]), 0)), "posting lists end at bit")
	check("key of no term", with(3, []byte{1, 5, 0}), "keys section, byte 2: number 5 out of range (at most 4)")

	// Every byte of every section changed, the envelope written anew: it
	// is caught by the range checks or loads as another index, never a
	// panic.
	for i, section := range sections {
		for j := range section {
			for _, v := range []byte{0, 0x7f, 0xff} {
				s := bytes.Clone(section)
				s[j] = v
				if ix, err := Load(c, with(i, s)); err == nil {
					ix.Search("likes rahmon") // may find less, must not crash
				}
			}
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
