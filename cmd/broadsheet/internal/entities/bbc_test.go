package entities

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"broadsheet/app/entity"
	"broadsheet/app/text"
	"broadsheet/data"
	"broadsheet/data/corpus"
)

var bbcBuild struct {
	sync.Once
	ix  *entity.Index
	err error
}

// bbcIndex builds the entities of the BBC feed once for the tests that
// read them (a second or two); -short leaves them out.
func bbcIndex(t *testing.T) (*data.Collection, *entity.Index) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: building the BBC feed's entities takes a second or two")
	}
	c := corpus.BBCOrSkip(t)
	bbcBuild.Do(func() { bbcBuild.ix, bbcBuild.err = Build(c) })
	if bbcBuild.err != nil {
		t.Fatal(bbcBuild.err)
	}
	return c, bbcBuild.ix
}

// TestBBCNames: the people, places and bodies of 2022's news are found,
// from the gazetteer or by the heuristic, in about as many articles as
// they are in (testdata/bbc-expected.tsv); what the feed capitalizes but
// no person is called is not a person, and no person found is named by a
// month, a weekday or "The".
func TestBBCNames(t *testing.T) {
	_, ix := bbcIndex(t)
	for _, row := range corpus.Table(t, "bbc-expected.tsv", 4) {
		kind, err := entity.ParseKind(row[0])
		if err != nil {
			t.Fatal(err)
		}
		name, absent := strings.CutPrefix(row[1], "!")
		id, found := ix.Lookup(kind, name)
		if absent {
			if found {
				t.Errorf("%s %q found (%s, in %d articles), want none", kind, name, ix.Entities[id].Origin, len(ix.ArticlesOf(id)))
			}
			continue
		}
		least, err := strconv.Atoi(row[3])
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case !found:
			t.Errorf("no %s %q", kind, name)
		case ix.Entities[id].Origin.String() != row[2]:
			t.Errorf("%s %q from the %s, want the %s", kind, name, ix.Entities[id].Origin, row[2])
		case len(ix.ArticlesOf(id)) < least:
			t.Errorf("%s %q in %d articles, want at least %d", kind, name, len(ix.ArticlesOf(id)), least)
		}
	}
	notNames := map[string]bool{}
	for _, w := range strings.Fields(`january february march april june july august september october november december
		monday tuesday wednesday thursday friday saturday sunday the`) {
		notNames[w] = true
	}
	people := 0
	for _, e := range ix.Entities {
		if e.Kind != entity.Person {
			continue
		}
		people++
		for _, w := range strings.Fields(strings.ToLower(e.Name)) {
			if notNames[w] {
				t.Errorf("person %q (%s): %q names no one", e.Name, e.Origin, w)
			}
		}
	}
	if people < 2000 {
		t.Errorf("%d people found, want at least 2,000", people)
	}
}

// TestBBCRelated: nearly every article of the feed has related articles,
// and every related article is another one, listed once, with at most
// maxReasons reasons and at least one, each something both articles have:
// an entity of both, or a term both say.
func TestBBCRelated(t *testing.T) {
	c, ix := bbcIndex(t)
	terms := make([]map[string]bool, len(c.Articles))
	for i, a := range c.Articles {
		terms[i] = map[string]bool{}
		for tok := range text.EachToken(a.Title + "\n" + a.Body) {
			terms[i][tok.Term] = true
		}
	}
	// A broken build breaks thousands of pairs: the first twenty tell.
	wrong := 0
	errorf := func(format string, args ...any) {
		if wrong++; wrong <= 20 {
			t.Errorf(format, args...)
		}
	}
	withRelated := 0
	for i, a := range ix.Articles {
		if len(a.Related) > 0 {
			withRelated++
		}
		seen := map[int]bool{}
		for _, r := range a.Related {
			where := c.Articles[i].Slug + " → " + c.Articles[r.Article].Slug
			if r.Article == i || seen[r.Article] {
				errorf("%s: related to itself or twice", where)
			}
			seen[r.Article] = true
			if len(r.Because) == 0 || len(r.Because) > maxReasons {
				errorf("%s: %d reasons, want 1 to %d", where, len(r.Because), maxReasons)
			}
			for _, ref := range r.Because {
				if id, ok := ref.Entity(); ok {
					if !slices.Contains(ix.Values(i), id) || !slices.Contains(ix.Values(r.Article), id) {
						errorf("%s: the reason %q is not a value of both", where, ix.Entities[id].Name)
					}
					continue
				}
				k, _ := ref.Term()
				for tok := range text.EachToken(ix.Terms[k]) {
					if !terms[i][tok.Term] || !terms[r.Article][tok.Term] {
						errorf("%s: the reason %q is not said by both", where, ix.Terms[k])
					}
				}
			}
		}
	}
	if wrong > 20 {
		t.Errorf("and %d more", wrong-20)
	}
	if withRelated*10 < len(c.Articles)*9 {
		t.Errorf("%d of %d articles have related articles, want nine in ten", withRelated, len(c.Articles))
	}
}
