package search

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"reflect"
	"strings"
	"testing"
	"time"

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
	// The file opens with the magic and the header.
	head := append([]byte(magic), 3, 5, byte(len(ix.keyEnd)))
	head = binary.LittleEndian.AppendUint32(head, c.Fingerprint())
	if !bytes.HasPrefix(b, head) {
		t.Errorf("file starts % x, want % x", b[:len(head)], head)
	}
	if !strings.HasSuffix(string(b), trailerMagic) {
		t.Error("file does not end with the trailer magic")
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
		if ix != nil || !IsCorrupt(err) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %q, want one about %q", name, err, want)
		}
	}
	check("empty", nil, "not a search index")
	check("wrong magic", append([]byte("broadsheet search index 0\n"), good[len(magic):]...), "not a search index")
	check("JSON", []byte(`{"name":"tiny","articles":[]}`+strings.Repeat(" ", 100)), "not a search index")
	for n := len(magic); n < len(good); n++ {
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

	// A body whose checksum is right but whose contents are not: what a
	// bug in the writer would produce. It is caught, never a panic.
	body := good[:len(good)-trailerSize]
	for i := len(magic); i < len(body); i++ {
		b := bytes.Clone(body)
		b[i] = 0xff
		b = append(b, good[len(body):len(body)+16]...)
		b = binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
		b = append(b, trailerMagic...)
		if ix, err := Load(c, b); err == nil {
			ix.Search("likes rahmon") // may find less, must not crash
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
