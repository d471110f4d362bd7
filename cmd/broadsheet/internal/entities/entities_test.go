package entities

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"broadsheet/app/entity"
	"broadsheet/data"
	"broadsheet/data/corpus"
	"broadsheet/data/folder"
)

// article finds the seed article whose slug starts with prefix.
func article(t *testing.T, c *data.Collection, prefix string) int {
	t.Helper()
	for i, a := range c.Articles {
		if strings.HasPrefix(a.Slug, prefix) {
			return i
		}
	}
	t.Fatalf("no article %s…", prefix)
	return -1
}

// mentions counts the mentions of each entity in article i, by "kind name".
func mentions(ix *entity.Index, i int) map[string]int {
	out := map[string]int{}
	for _, m := range ix.Articles[i].Mentions {
		e := ix.Entities[m.Entity]
		out[e.Kind.String()+" "+e.Name]++
	}
	return out
}

func TestGazetteerParses(t *testing.T) {
	g, err := parseGazetteer(gazetteerText)
	if err != nil {
		t.Fatal(err)
	}
	// No spelling may belong to two entries: the first would always win.
	owner := map[string]int{}
	for _, as := range g.byFirst {
		for _, a := range as {
			var words []string
			for _, w := range a.words {
				words = append(words, w.key)
			}
			k := strings.Join(words, " ")
			if prev, ok := owner[k]; ok && prev != a.known {
				t.Errorf("spelling %q is both %s (line %d) and %s (line %d)", k,
					g.known[prev].name, g.known[prev].line, g.known[a.known].name, g.known[a.known].line)
			}
			owner[k] = a.known
		}
	}
	t.Logf("%d entries, %d spellings", len(g.known), len(owner))
}

func TestGazetteerErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"city | Dushanbe", `gazetteer.txt:1: kind "city"`},
		{"place | Mary | Мары | context", "gazetteer.txt:1: \"Mary\" needs its context"},
		{"place | Mary | | in=Turkmenia", "gazetteer.txt:1: in=Turkmenia: no such country"},
		{"country | Chad\ncountry | Chad", "gazetteer.txt:2: country \"Chad\" already on line 1"},
		{"person | Rahmon | | often", `gazetteer.txt:1: unknown option "often"`},
		{"person", "gazetteer.txt:1: want kind | name"},
	} {
		_, err := parseGazetteer(tc.src)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %q", tc.src, err, tc.want)
		}
	}
}

// TestGazetteerMatches runs the gazetteer alone on short texts: each must
// give exactly the one match of the fixture, or none.
func TestGazetteerMatches(t *testing.T) {
	x, err := NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range corpus.Table(t, "gazetteer.tsv", 3) {
		a := articleScan{fields: [2]field{newField(""), newField(row[0])}}
		var got []string
		for _, m := range x.article("t", &a, nil) {
			if m.origin == entity.Gazetteer {
				got = append(got, m.kind.String()+" "+m.name)
			}
		}
		want := []string{row[1] + " " + row[2]}
		if row[1] == "-" {
			want = nil
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: got %q, want %q", row[0], got, want)
		}
	}
}

func TestSeedEntities(t *testing.T) {
	c := corpus.Seed(t)
	ix, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range corpus.Table(t, "seed-expected.tsv", 4) {
		i := article(t, c, row[0])
		kind, _ := entity.ParseKind(row[1])
		name, absent := strings.CutPrefix(row[2], "!")
		id, found := ix.Lookup(kind, name)
		has := found && slices.Contains(ix.Values(i), id)
		switch {
		case absent && has:
			t.Errorf("%s: %s %q found, want none", row[0], kind, name)
		case !absent && !has:
			t.Errorf("%s: no %s %q; has %v", row[0], kind, name, mentions(ix, i))
		case !absent && ix.Entities[id].Origin.String() != row[3]:
			t.Errorf("%s: %s %q from the %s, want the %s", row[0], kind, name, ix.Entities[id].Origin, row[3])
		case !absent && ix.Entities[id].Name != name:
			t.Errorf("%s: %s %q shown as %q", row[0], kind, name, ix.Entities[id].Name)
		}
	}
}

func TestSeedSurnames(t *testing.T) {
	c := corpus.Seed(t)
	ix, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range corpus.Table(t, "seed-surnames.tsv", 3) {
		i := article(t, c, row[0])
		want, _ := strconv.Atoi(row[2])
		if got := mentions(ix, i)["person "+row[1]]; got != want {
			t.Errorf("%s: %d mentions of %s, want %d", row[0], got, row[1], want)
		}
	}
}

// TestSeedHeuristicPrecision lists every person the capitalized-name
// heuristic found on the seed and the runs it turned down. A name not in
// seed-expected.tsv is a false positive.
func TestSeedHeuristicPrecision(t *testing.T) {
	c := corpus.Seed(t)
	x, err := NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	x.Trace = func(slug, run, why string) { t.Logf("turned down in %.24s…: %q, %s", slug, run, why) }
	ix, err := x.Build(c)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, row := range corpus.Table(t, "seed-expected.tsv", 4) {
		if row[3] == "heuristic" && !strings.HasPrefix(row[2], "!") {
			want[row[2]] = true
		}
	}
	var found, wrong []string
	for _, e := range ix.Entities {
		if e.Origin == entity.Heuristic {
			found = append(found, e.Name)
			if !want[e.Name] {
				wrong = append(wrong, e.Name)
			}
		}
	}
	t.Logf("heuristic found %d people: %s", len(found), strings.Join(found, ", "))
	t.Logf("false positives: %q", wrong)
	if len(wrong) > 0 {
		t.Errorf("%d false positives: %q", len(wrong), wrong)
	}
	if len(found)-len(wrong) != len(want) {
		t.Errorf("found %d of the %d people expected", len(found)-len(wrong), len(want))
	}
}

// TestSpellings: Farhod Odinaev is one person in Latin letters, in
// Cyrillic (with a Russian case ending for his surname alone) and in the
// seed's mixed spelling; and Rahmon and Tajikistan likewise.
func TestSpellings(t *testing.T) {
	c, err := folder.ReadDir("testdata/spellings")
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		kind     entity.Kind
		spelling string // looked up
		name     string // shown
		articles []string
		mentions int
	}{
		{entity.Person, "Фарҳод Одинаев", "Farhod Odinaev", []string{"cyrillic", "latin", "mixed"}, 5},
		{entity.Person, "Farҳod Odinaev", "Farhod Odinaev", []string{"cyrillic", "latin", "mixed"}, 5},
		{entity.Person, "Эмомали Рахмон", "Emomali Rahmon", []string{"cyrillic", "mixed"}, 2},
		{entity.Country, "Таджикистан", "Tajikistan", []string{"cyrillic", "latin"}, 4},
		{entity.Source, "Radio Ozodi", "Radio Ozodi", []string{"cyrillic", "latin", "mixed"}, 0},
		{entity.Author, "STAFF", "Staff", []string{"cyrillic", "latin", "mixed"}, 0},
		{entity.Tag, "likes", "likes", []string{"cyrillic", "latin", "mixed"}, 0},
		{entity.Language, "en", "en", []string{"latin", "mixed"}, 0},
	} {
		id, ok := ix.Lookup(tc.kind, tc.spelling)
		if !ok {
			t.Errorf("no %s %q", tc.kind, tc.spelling)
			continue
		}
		if got := ix.Entities[id].Name; got != tc.name {
			t.Errorf("%s %q shown as %q, want %q", tc.kind, tc.spelling, got, tc.name)
		}
		var slugs []string
		n := 0
		for _, i := range ix.ArticlesOf(id) {
			slugs = append(slugs, c.Articles[i].Slug)
			for _, m := range ix.Articles[i].Mentions {
				if m.Entity == id {
					n++
				}
			}
		}
		slices.Sort(slugs)
		if !slices.Equal(slugs, tc.articles) || n != tc.mentions {
			t.Errorf("%s %q: in %q with %d mentions, want %q with %d", tc.kind, tc.spelling, slugs, n, tc.articles, tc.mentions)
		}
	}
}

// TestMentionOffsets checks that every mention's offsets cut out of its
// text a spelling of its entity's name.
func TestMentionOffsets(t *testing.T) {
	c := corpus.Seed(t)
	ix, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range c.Articles {
		title, body := []rune(a.Title), []rune(a.Body)
		for _, m := range ix.Articles[i].Mentions {
			s := body
			if m.Title {
				s = title
			}
			got := string(s[m.Start:m.End])
			if got == "" || !isUpperWord(got) && ix.Entities[m.Entity].Kind != entity.Country {
				t.Errorf("%s: mention of %s at %d..%d is %q", a.Slug, ix.Entities[m.Entity].Name, m.Start, m.End, got)
			}
		}
	}
}

func TestSeedRelated(t *testing.T) {
	c := corpus.Seed(t)
	ix, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range c.Articles {
		for _, r := range ix.Articles[i].Related {
			t.Logf("%.28s… → %.28s…: %s", a.Slug, c.Articles[r.Article].Slug, ix.Reason(r))
		}
	}
	for _, row := range corpus.Table(t, "seed-related.tsv", 3) {
		i := article(t, c, row[0])
		want := strings.Fields(row[1])
		rel := ix.Articles[i].Related
		if len(rel) < len(want) {
			t.Errorf("%s: %d related, want at least %d", row[0], len(rel), len(want))
			continue
		}
		var got []string
		for _, r := range rel[:len(want)] {
			for _, w := range want {
				if strings.HasPrefix(c.Articles[r.Article].Slug, w) {
					got = append(got, w)
				}
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: first related are %v, want %v", row[0], got, want)
		}
		if b := ix.Because(rel[0]); !slices.Contains(b, row[2]) {
			t.Errorf("%s: first reason %q, want it to list %s", row[0], b, row[2])
		}
	}
	// Every article relates to some other, and never to itself.
	for i := range c.Articles {
		if len(ix.Articles[i].Related) == 0 {
			t.Errorf("%s: no related articles", c.Articles[i].Slug)
		}
	}
}

// TestRoundTrip encodes what Build made and decodes it: the very same
// index comes back.
func TestRoundTrip(t *testing.T) {
	for _, name := range []string{"seed", "spellings"} {
		c := corpus.Seed(t)
		if name == "spellings" {
			var err error
			if c, err = folder.ReadDir("testdata/spellings"); err != nil {
				t.Fatal(err)
			}
		}
		ix, err := Build(c)
		if err != nil {
			t.Fatal(err)
		}
		got, err := entity.Decode(c, ix.Encode())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !slices.Equal(got.Entities, ix.Entities) || !slices.Equal(got.Terms, ix.Terms) {
			t.Errorf("%s: entities or terms differ after a round trip", name)
		}
		for i := range ix.Articles {
			a, b := ix.Articles[i], got.Articles[i]
			if !slices.Equal(a.Mentions, b.Mentions) || !slices.Equal(a.Meta, b.Meta) || len(a.Related) != len(b.Related) {
				t.Fatalf("%s: article %d differs after a round trip", name, i)
			}
			for j := range a.Related {
				if a.Related[j].Article != b.Related[j].Article || !slices.Equal(a.Related[j].Because, b.Related[j].Because) {
					t.Errorf("%s: article %d, related %d differs after a round trip", name, i, j)
				}
			}
		}
	}
}

func isUpperWord(s string) bool {
	for _, r := range s {
		return r >= 'A' && r <= 'Z' || r >= 'А' && r <= 'Я' || r == 'Ҳ' || r == 'Қ'
	}
	return false
}
