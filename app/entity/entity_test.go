package entity

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"broadsheet/app/datafile"
	"broadsheet/data"
	"broadsheet/data/corpus"
)

// fixture builds the index of testdata/facets.tsv: articles whose titles
// are their slugs, with the listed values as metadata, and a few mentions
// and related articles so that the file has some of everything.
func fixture(t testing.TB) (*data.Collection, *Index) {
	t.Helper()
	c := &data.Collection{Name: "facets"}
	var entities []Entity
	ids := map[string]ID{}
	var anns []Annotations
	for _, row := range corpus.Table(t, "facets.tsv", 2) {
		c.Articles = append(c.Articles, data.Article{Slug: row[0], Title: row[0], Body: "Рахмон and Rahmon."})
		var a Annotations
		for _, v := range strings.Split(row[1], "; ") {
			kind, name, _ := strings.Cut(v, ":")
			k, err := ParseKind(kind)
			if err != nil {
				t.Fatal(err)
			}
			id, ok := ids[v]
			if !ok {
				id = ID(len(entities))
				ids[v] = id
				entities = append(entities, Entity{Kind: k, Origin: Metadata, Name: name})
			}
			a.Meta = append(a.Meta, id)
		}
		anns = append(anns, a)
	}
	rahmon := ids["person:Emomali Rahmon"]
	anns[0].Mentions = []Mention{{Entity: rahmon, Start: 11, End: 17}, {Entity: rahmon, Start: 0, End: 6}, {Entity: ids["place:Dushanbe"], Title: true, Start: 0, End: 6}}
	anns[0].Related = []Related{{Article: 1, Because: []Ref{Ref(rahmon), TermRef(0)}}, {Article: 6}}
	anns[6].Related = []Related{{Article: 0, Because: []Ref{TermRef(1)}}}
	ix, err := New(c, entities, []string{"likes", "Article 179"}, anns)
	if err != nil {
		t.Fatal(err)
	}
	return c, ix
}

// selection reads "kind:name; kind:name" (or -) into IDs.
func selection(t testing.TB, ix *Index, s string) []ID {
	t.Helper()
	if s == "-" {
		return nil
	}
	var sel []ID
	for _, v := range strings.Split(s, "; ") {
		kind, name, _ := strings.Cut(v, ":")
		k, err := ParseKind(kind)
		if err != nil {
			t.Fatal(err)
		}
		id, ok := ix.Lookup(k, name)
		if !ok {
			t.Fatalf("no %s %q", k, name)
		}
		sel = append(sel, id)
	}
	return sel
}

func positions(t testing.TB, c *data.Collection, s string) []int {
	t.Helper()
	var out []int
	switch s {
	case "*":
		for i := range c.Articles {
			out = append(out, i)
		}
	case "-":
		out = []int{}
	default:
		for _, slug := range strings.Fields(s) {
			i := slices.IndexFunc(c.Articles, func(a data.Article) bool { return a.Slug == slug })
			if i < 0 {
				t.Fatalf("no article %q", slug)
			}
			out = append(out, i)
		}
	}
	return out
}

func formatFacets(fs []Facet) string {
	var kinds []string
	for _, f := range fs {
		var vs []string
		for _, v := range f.Values {
			star := ""
			if v.Selected {
				star = "*"
			}
			vs = append(vs, fmt.Sprintf("%s%s %d", v.Name, star, v.Articles))
		}
		kinds = append(kinds, f.Kind.String()+" "+strings.Join(vs, ", "))
	}
	return strings.Join(kinds, " | ")
}

func TestFacets(t *testing.T) {
	c, ix := fixture(t)
	for _, row := range corpus.Table(t, "facets-counts.tsv", 4) {
		limit, _ := strconv.Atoi(row[2])
		got := formatFacets(ix.Facets(positions(t, c, row[0]), selection(t, ix, row[1]), limit))
		if got != row[3] {
			t.Errorf("matches %s, selection %s, limit %s:\n got %s\nwant %s", row[0], row[1], row[2], got, row[3])
		}
	}
}

func TestFilter(t *testing.T) {
	c, ix := fixture(t)
	all := positions(t, c, "*")
	for _, row := range corpus.Table(t, "facets-filter.tsv", 2) {
		sel := selection(t, ix, row[0])
		var want []int
		if row[1] != "-" {
			want = positions(t, c, row[1])
		}
		got := ix.Filter(all, sel)
		if len(got) == 0 {
			got = nil
		}
		if !slices.Equal(got, want) {
			t.Errorf("selection %s: got %v, want %v", row[0], got, want)
		}
		match := ix.Matcher(sel)
		for _, i := range all {
			if match(i) != slices.Contains(want, i) {
				t.Errorf("selection %s: Matcher(%d) = %v, Filter disagrees", row[0], i, match(i))
			}
		}
	}
}

func TestLookupAndReason(t *testing.T) {
	_, ix := fixture(t)
	for _, name := range []string{"Emomali Rahmon", "Эмомали Рахмон", "EMOMALI RAKHMON"} {
		if id, ok := ix.Lookup(Person, name); !ok || ix.Entities[id].Name != "Emomali Rahmon" {
			t.Errorf("Lookup(person, %q) = %d, %v", name, id, ok)
		}
	}
	if _, ok := ix.Lookup(Country, "Emomali Rahmon"); ok {
		t.Error("Lookup found a person as a country")
	}
	r := ix.Articles[0].Related
	if got := ix.Reason(r[0]); got != "also mentions Emomali Rahmon, likes" {
		t.Errorf("reason %q", got)
	}
	if got := ix.Reason(r[1]); got != "" {
		t.Errorf("reason with no shared things %q, want none", got)
	}
	// Mentions come title first, then body, in text order.
	ms := ix.Articles[0].Mentions
	if !ms[0].Title || ms[1].Start != 0 || ms[2].Start != 11 {
		t.Errorf("mentions out of order: %+v", ms)
	}
}

func TestRoundTrip(t *testing.T) {
	c, ix := fixture(t)
	b := ix.Encode()
	got, err := Decode(c, b)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Entities, ix.Entities) || !slices.Equal(got.Terms, ix.Terms) || !slices.Equal(got.values, ix.values) {
		t.Fatal("entities, terms or values differ after a round trip")
	}
	for i := range ix.Articles {
		a, g := ix.Articles[i], got.Articles[i]
		if !slices.Equal(a.Mentions, g.Mentions) || !slices.Equal(a.Meta, g.Meta) || len(a.Related) != len(g.Related) {
			t.Fatalf("article %d differs after a round trip:\n%+v\n%+v", i, a, g)
		}
		for j := range a.Related {
			if a.Related[j].Article != g.Related[j].Article || !slices.Equal(a.Related[j].Because, g.Related[j].Because) {
				t.Fatalf("article %d, related %d differs", i, j)
			}
		}
	}
	if !bytes.Equal(got.Encode(), b) {
		t.Error("re-encoding the decoded index gives other bytes")
	}
}

func TestDecodeCorrupt(t *testing.T) {
	c, ix := fixture(t)
	good := ix.Encode()
	sections, err := datafile.Read(fileKind, good, len(c.Articles), c.Fingerprint())
	if err != nil {
		t.Fatal(err)
	}
	// with writes the file anew with section i replaced: damage that
	// passes the envelope's checks, as a bug in the writer would make.
	with := func(i int, section []byte) []byte {
		s := slices.Clone(sections)
		s[i] = section
		return datafile.Write(fileKind, len(c.Articles), c.Fingerprint(), s...)
	}
	other := &data.Collection{Articles: slices.Clone(c.Articles)}
	other.Articles[0].Slug = "another"
	for _, tc := range []struct {
		name string
		c    *data.Collection
		b    []byte
		want string
	}{
		{"empty", c, nil, "not an entities file"},
		{"the first version", c, []byte("broadsheet entities 1\n" + strings.Repeat("x", 40)), "not an entities file, or of another version"},
		{"search index", c, datafile.Write(datafile.Kind{Name: "search index", Version: 2, Sections: 4}, len(c.Articles), c.Fingerprint(), nil, nil, nil, nil), "not an entities file but a search index"},
		{"truncated", c, good[:len(good)-10], "truncated"},
		{"flipped byte", c, func() []byte { b := slices.Clone(good); b[len(b)/2] ^= 1; return b }(), "checksum mismatch"},
		{"other collection", other, good, "built for another collection"},
		{"fewer articles", &data.Collection{Articles: c.Articles[:3]}, good, "built for another collection"},
		{"huge count", c, with(0, slices.Concat([]byte{0xff, 0xff, 0xff, 0x7f}, sections[0][1:])), "entities section, byte 4: number 268435455 out of range"},
		{"unknown kind", c, with(0, slices.Concat(sections[0][:1], []byte{0xf0}, sections[0][2:])), "entity 0 has kind 15"},
		{"extra bytes", c, with(2, slices.Concat(sections[2], []byte{0})), fmt.Sprintf("articles section, byte %d: 1 bytes left over", len(sections[2]))},
		// The first article's three mentions (two counts, three bytes each)
		// replaced by one.
		{"mention of no entity", c, with(2, slices.Concat([]byte{0, 1, 99, 0, 1}, sections[2][11:])), "articles section, byte 3: number 99 out of range"},
		{"mention past its text", c, with(2, slices.Concat([]byte{0, 1, 0, 0, 99}, sections[2][11:])), "at 0..99, outside its text (18 runes)"},
	} {
		_, err := Decode(tc.c, tc.b)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "entities file: ") || !strings.Contains(err.Error(), "rebuild the site") {
			t.Errorf("%s: got %v, want an error about %q", tc.name, err, tc.want)
		}
	}
	// Every single-byte change and every cut is caught, never a panic.
	for i := range good {
		b := slices.Clone(good)
		b[i] ^= 0x40
		if _, err := Decode(c, b); err == nil {
			t.Fatalf("changing byte %d went unnoticed", i)
		}
		if _, err := Decode(c, good[:i]); err == nil {
			t.Fatalf("cutting at byte %d went unnoticed", i)
		}
	}
	// Damage that passes the checksum (a file written wrongly) is caught
	// by the range checks: change each byte of each section and write the
	// file anew.
	for i, section := range sections {
		for j := range section {
			s := slices.Clone(section)
			s[j] ^= 0x40
			Decode(c, with(i, s)) // must not panic; it may decode to another valid index
		}
	}
}

func TestNewErrors(t *testing.T) {
	c := &data.Collection{Articles: []data.Article{{Slug: "a", Title: "Rahmon", Body: "Body"}}}
	rahmon := Entity{Kind: Person, Origin: Gazetteer, Name: "Rahmon"}
	for _, tc := range []struct {
		name     string
		entities []Entity
		anns     []Annotations
		want     string
	}{
		{"count", nil, nil, "0 annotations for 1 articles"},
		{"unknown entity", []Entity{rahmon}, []Annotations{{Mentions: []Mention{{Entity: 1, Start: 0, End: 1}}}}, "mention of entity 1, of 1"},
		{"past the end", []Entity{rahmon}, []Annotations{{Mentions: []Mention{{Entity: 0, Title: true, Start: 0, End: 7}}}}, "outside its text (6 runes)"},
		{"same key", []Entity{rahmon, {Kind: Person, Origin: Heuristic, Name: "Рахмон"}}, []Annotations{{}}, "are one person"},
		{"no letters", []Entity{{Kind: Tag, Origin: Metadata, Name: "!!"}}, []Annotations{{}}, "has no letters or digits"},
		{"related to itself", nil, []Annotations{{Related: []Related{{Article: 0}}}}, "related article 0, of 1"},
		{"unknown term", nil, []Annotations{{Related: []Related{{Article: 0, Because: []Ref{TermRef(0)}}}}}, "term 0, of 0"},
	} {
		_, err := New(c, tc.entities, nil, tc.anns)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestKinds(t *testing.T) {
	for k := range NumKinds {
		got, err := ParseKind(Kind(k).String())
		if err != nil || got != Kind(k) {
			t.Errorf("ParseKind(%q) = %v, %v", Kind(k), got, err)
		}
	}
	if _, err := ParseKind("city"); err == nil {
		t.Error("ParseKind(city) did not fail")
	}
}
