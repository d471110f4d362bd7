// Package entities finds, at build time, the people, organisations, places
// and countries each article mentions, reads the facets of the articles'
// metadata, and relates every article to the few others that share most of
// its rare terms and names. Its result is an entity.Index, which the site
// writes as a data file for the wasm to decode; nothing here is compiled
// into the wasm.
//
// Names are found in three passes over each article's title and body, on
// the words of the text pipeline (app/text), so that offsets are the
// search index's and Latin and Cyrillic spellings of a name meet:
//
//  1. The gazetteer (gazetteer.txt): countries of the world with their
//     demonyms (Tajik counts as Tajikistan), Central Asian cities and
//     regions, well-known people and organisations, in Latin and Cyrillic
//     spellings. A country is counted only where the text names it or its
//     people; a city does not add its country (a flight from Abu Dhabi is
//     not news about the United Arab Emirates).
//  2. The capitalized-name heuristic (names.go): two or three capitalized
//     words that are not a title, a month, an organisation's or place's
//     name, nor the first words of a heading run into the text.
//  3. Surnames alone ("Balayeva said") attach to a person named in full
//     elsewhere in the same article.
package entities

import (
	"slices"
	"strings"
	"sync"

	"broadsheet/app/entity"
	"broadsheet/app/text"
	"broadsheet/data"
)

// Extractor holds the gazetteer and the word lists. It is safe for
// concurrent use.
type Extractor struct {
	gaz *gazetteer
	// Trace, when set, hears about the capitalized runs the heuristic
	// turned down and why; tests log them.
	Trace func(slug, run, why string)
}

var defaultGazetteer = sync.OnceValues(func() (*gazetteer, error) { return parseGazetteer(gazetteerText) })

// NewExtractor returns an Extractor with the built-in gazetteer.
func NewExtractor() (*Extractor, error) {
	g, err := defaultGazetteer()
	if err != nil {
		return nil, err
	}
	return &Extractor{gaz: g}, nil
}

// Build finds the entities of every article of c, its metadata facets and
// its related articles.
func Build(c *data.Collection) (*entity.Index, error) {
	x, err := NewExtractor()
	if err != nil {
		return nil, err
	}
	return x.Build(c)
}

// A found is one mention the passes made.
type found struct {
	kind   entity.Kind
	origin entity.Origin
	key    string // identity within the kind: text.Key of the folded name
	name   string // the gazetteer's name; for the heuristic, set later
	known  int    // the gazetteer entry, or -1
	field  int    // 0 title, 1 body
	i, j   int    // token span
	start  int    // rune offsets in the field
	end    int
}

// field is an article's title or body while the passes run.
type field struct {
	toks    []token
	covered []bool // by a mention found so far
}

// Build finds the entities of every article of c, its metadata facets and
// its related articles.
func (x *Extractor) Build(c *data.Collection) (*entity.Index, error) {
	arts := make([]articleScan, len(c.Articles))
	for i := range c.Articles {
		a := &c.Articles[i]
		arts[i].fields = [2]field{newField(a.Title), newField(a.Body)}
	}
	lower := lowerCaseTerms(arts)
	for i := range arts {
		arts[i].found = x.article(c.Articles[i].Slug, &arts[i], lower)
	}

	var b builder
	b.ids = map[string]entity.ID{}
	anns := make([]entity.Annotations, len(c.Articles))
	for i := range arts {
		for _, f := range arts[i].found {
			spelling := f.name
			if f.origin == entity.Heuristic {
				// A surname alone is no spelling of the full name.
				spelling = ""
				if f.j-f.i >= 2 {
					spelling = displayName(arts[i].fields[f.field].toks, f.i, f.j)
				}
			}
			id := b.add(f.kind, f.origin, f.key, spelling)
			anns[i].Mentions = append(anns[i].Mentions, entity.Mention{Entity: id, Title: f.field == 0, Start: f.start, End: f.end})
		}
		a := &c.Articles[i]
		meta := func(k entity.Kind, v string) {
			v = strings.Join(strings.Fields(v), " ")
			if key := text.Key(text.Fold(v)); key != "" {
				anns[i].Meta = append(anns[i].Meta, b.add(k, entity.Metadata, key, v))
			}
		}
		meta(entity.Source, a.Source)
		meta(entity.Author, a.Author)
		for _, t := range a.Tags {
			meta(entity.Tag, t)
		}
		meta(entity.Language, strings.ToLower(a.Language))
	}
	entities := b.entities()

	terms, related := relate(c, arts, anns, entities)
	for i := range anns {
		anns[i].Related = related[i]
	}
	return entity.New(c, entities, terms, anns)
}

type articleScan struct {
	fields [2]field
	found  []found
}

func newField(s string) field {
	toks := scan(s)
	return field{toks: toks, covered: make([]bool, len(toks))}
}

// lowerCaseTerms are the terms the collection writes in lower case
// somewhere: words, not names, wherever else they are capitalized.
func lowerCaseTerms(arts []articleScan) map[string]bool {
	lower := map[string]bool{}
	for i := range arts {
		for _, f := range arts[i].fields {
			for _, t := range f.toks {
				if !t.cap && t.letters && !lower[t.Term] {
					lower[t.Term] = true
				}
			}
		}
	}
	return lower
}

// builder numbers entities as the articles find them and collects each
// one's spellings.
type builder struct {
	ids  map[string]entity.ID
	accs []entityAcc
}

type entityAcc struct {
	kind      entity.Kind
	origin    entity.Origin
	spellings map[string]int
	first     []string // spellings in the order met, for ties
}

func (b *builder) add(k entity.Kind, o entity.Origin, key, spelling string) entity.ID {
	id, ok := b.ids[k.String()+":"+key]
	if !ok {
		id = entity.ID(len(b.accs))
		b.ids[k.String()+":"+key] = id
		b.accs = append(b.accs, entityAcc{kind: k, origin: o, spellings: map[string]int{}})
	}
	acc := &b.accs[id]
	if o == entity.Gazetteer && acc.origin != entity.Gazetteer {
		// A heuristic name that the gazetteer also knows is the
		// gazetteer's, spelled its way.
		acc.origin = o
		clear(acc.spellings)
		acc.first = nil
	}
	if o == acc.origin && spelling != "" {
		if acc.spellings[spelling] == 0 {
			acc.first = append(acc.first, spelling)
		}
		acc.spellings[spelling]++
	}
	return id
}

// entities names each entity by its most frequent spelling, the first met
// among equals. For a heuristic name the spellings are already in Latin
// letters (displayName).
func (b *builder) entities() []entity.Entity {
	out := make([]entity.Entity, len(b.accs))
	for i, acc := range b.accs {
		best := acc.first[0]
		for _, s := range acc.first[1:] {
			if acc.spellings[s] > acc.spellings[best] {
				best = s
			}
		}
		out[i] = entity.Entity{Kind: acc.kind, Origin: acc.origin, Name: best}
	}
	return out
}

// displayName writes the words toks[i:j] in Latin letters, with single
// spaces or the hyphens they had: "Farҳod Odinaev" → "Farhod Odinaev",
// "Фарҳод Одинаев" → "Farhod Odinayev".
func displayName(toks []token, i, j int) string {
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i {
			if strings.ContainsAny(toks[k].gap, "-‐–") {
				b.WriteByte('-')
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(text.Latin(toks[k].surface))
	}
	return b.String()
}

// article runs the three passes over one article.
func (x *Extractor) article(slug string, a *articleScan, lower map[string]bool) []found {
	g := x.gaz
	var out []found

	// 1. The gazetteer. A place that needs its country's context keeps
	// its match only if the article names that country.
	named := map[string]bool{}
	for f := range a.fields {
		toks := a.fields[f].toks
		for i := 0; i < len(toks); {
			al, n := g.match(toks, i)
			if al == nil {
				i++
				continue
			}
			k := &g.known[al.known]
			out = append(out, found{kind: k.kind, origin: entity.Gazetteer, key: text.Key(text.Fold(k.name)), name: k.name, known: al.known,
				field: f, i: i, j: i + n, start: toks[i].Start, end: toks[i+n-1].End})
			if k.kind == entity.Country {
				named[k.name] = true
			}
			i += n
		}
	}
	out = slices.DeleteFunc(out, func(m found) bool {
		k := &g.known[m.known]
		return k.context && !named[k.country]
	})
	a.cover(out)

	// 2. Capitalized runs, except in a title whose every word is
	// capitalized ("TikToker Arrested for Insulting Uzbek Citizens"):
	// there capitals say nothing.
	for f := range a.fields {
		if f == 0 && titleCase(a.fields[f].toks) {
			continue
		}
		for _, span := range x.names(slug, &a.fields[f], lower) {
			toks := a.fields[f].toks
			name := text.Fold(joinSurfaces(toks, span[0], span[1]))
			out = append(out, found{kind: entity.Person, origin: entity.Heuristic, key: text.Key(name), known: -1,
				field: f, i: span[0], j: span[1], start: toks[span[0]].Start, end: toks[span[1]-1].End})
		}
	}
	a.cover(out)

	// 3. Surnames alone.
	surnames := a.surnames(out, x.gaz)
	a.cover(surnames)
	return append(out, surnames...)
}

// titleCase reports whether a title capitalizes its words (all but a few
// short function words) rather than only its first word and its names.
func titleCase(toks []token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if !t.letters || functionWords[t.Term] {
			continue
		}
		words++
		if t.cap {
			caps++
		}
	}
	return words >= 3 && caps*10 >= words*8
}

func joinSurfaces(toks []token, i, j int) string {
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].surface)
	}
	return b.String()
}

// cover marks the words of the mentions found as taken.
func (a *articleScan) cover(ms []found) {
	for _, m := range ms {
		for k := m.i; k < m.j; k++ {
			a.fields[m.field].covered[k] = true
		}
	}
}
