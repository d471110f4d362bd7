// Package entity is what the browser knows about the people,
// organisations, places and countries the articles mention, and about the
// articles' metadata: the values a reader narrows a search by (facets),
// where each name stands in an article (mentions), and which articles are
// related to which, and why.
//
// Everything here is computed at build time by the extractor in
// cmd/broadsheet/internal/entities, which reads the articles with a
// gazetteer and a capitalized-name heuristic, and shipped in one data file (write.go draws its format); the browser decodes
// it (read.go) and counts facet values on every keystroke (facet.go). The
// package is pure Go and small because it is compiled into the wasm.
package entity

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"broadsheet/app/text"
	"broadsheet/data"
)

// Kind is what a facet value is: a named thing the text mentions, or a
// field of the article's metadata.
type Kind uint8

const (
	Person Kind = iota
	Organisation
	Place // a city, region or other place that is not a country
	Country
	Source
	Author
	Tag
	Language

	NumKinds = int(Language) + 1
)

var kindNames = [NumKinds]string{"person", "organisation", "place", "country", "source", "author", "tag", "language"}

func (k Kind) String() string {
	if int(k) < NumKinds {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", k)
}

// ParseKind is the inverse of Kind.String.
func ParseKind(s string) (Kind, error) {
	for i, n := range kindNames {
		if n == s {
			return Kind(i), nil
		}
	}
	return 0, fmt.Errorf("unknown entity kind %q (want one of %s)", s, strings.Join(kindNames[:], ", "))
}

// Origin says how a value was found.
type Origin uint8

const (
	// Gazetteer: a name from the entities extractor's list of known names.
	Gazetteer Origin = iota
	// Heuristic: two or three capitalized words that look like a person's
	// name, or a surname alone that an earlier full name in the same
	// article explains.
	Heuristic
	// Metadata: the article's source, author, tags or language.
	Metadata

	numOrigins
)

var originNames = [numOrigins]string{"gazetteer", "heuristic", "metadata"}

func (o Origin) String() string {
	if o < numOrigins {
		return originNames[o]
	}
	return fmt.Sprintf("origin(%d)", o)
}

// ID numbers an entity within one Index: its position in Index.Entities.
// IDs are grouped by kind and, within a kind, in the order of the folded
// name, so that sorting IDs sorts by kind, then name.
type ID int32

// Entity is one facet value: a person, an organisation, a place, a
// country, or a source, author, tag or language.
type Entity struct {
	Kind   Kind
	Origin Origin
	// Name is how the UI shows it: for a gazetteer entry the name the
	// gazetteer gives ("Emomali Rahmon", "Tajikistan"); for a name found
	// by the heuristic, its most frequent spelling, in Latin letters
	// ("Farhod Odinaev" for Farҳod Odinaev and Фарҳод Одинаев); for
	// metadata, the value as the collection spells it most often.
	Name string
	// Key is the entity's identity within its kind: text.Key of the
	// folded Name, under which the Latin and Cyrillic spellings of one
	// name meet. Filled in by New and Decode.
	Key string
}

// Mention is one place where an article's text names an entity.
type Mention struct {
	Entity ID
	// Title says the mention is in the article's title, not its body.
	Title bool
	// Start and End are rune offsets in the title or the body, End
	// exclusive, as text.Token counts them.
	Start, End int
}

// Ref is one reason two articles are related: a shared entity (Ref ≥ 0,
// the entity's ID) or a shared term (Ref < 0, ^Ref indexes Index.Terms).
type Ref int32

// TermRef is the Ref of Terms[i].
func TermRef(i int) Ref { return Ref(^i) }

// Entity reports the entity a Ref names, if it names one.
func (r Ref) Entity() (ID, bool) { return ID(r), r >= 0 }

// Term reports the index in Index.Terms of the term a Ref names, if it
// names one.
func (r Ref) Term() (int, bool) { return int(^r), r < 0 }

// Related is an article related to another, with what they share.
type Related struct {
	// Article is the related article's position in the collection.
	Article int
	// Because lists what the two articles share, strongest first: a few
	// entities and rare terms, for a line such as "also mentions Article
	// 179, Rahmon".
	Because []Ref
}

// Annotations are what the build found in one article.
type Annotations struct {
	// Mentions are in the title first, then the body, each in text order.
	Mentions []Mention
	// Meta are the article's metadata values (source, author, tags,
	// language): facet values with no place in the text.
	Meta []ID
	// Related are the most related articles, most related first.
	Related []Related
}

// Index is a collection's entities, their mentions, the related articles
// and the facet counting over them.
type Index struct {
	Entities []Entity
	// Terms are the display forms of the shared terms that Related.Because
	// refers to ("Article 179", "criminal code"), in byte order.
	Terms []string
	// Articles are in the collection's order.
	Articles []Annotations

	fingerprint uint32
	byKey       map[string]ID // kind's name + ":" + key

	// Facet values of article i: values[valueEnd[i-1]:valueEnd[i]], sorted
	// (so grouped by kind), each once.
	values   []ID
	valueEnd []uint32
	kindOf   []Kind // by ID

	// Scratch for Facets and Matcher, reused from keystroke to keystroke.
	mu       sync.Mutex
	counts   []int32 // by ID
	selected []bool  // by ID
}

// New builds an Index from what the build found in c: Annotations for each
// article, in collection order, whose IDs index entities and whose term
// Refs index terms. It orders entities and terms as the Index keeps them
// (renumbering what refers to them), fills in the keys and checks every
// reference and offset. An entity's Name must fold to something, and no
// two entities of one kind may share a key.
func New(c *data.Collection, entities []Entity, terms []string, articles []Annotations) (*Index, error) {
	if len(articles) != len(c.Articles) {
		return nil, fmt.Errorf("entities: %d annotations for %d articles", len(articles), len(c.Articles))
	}
	for i, e := range entities {
		if int(e.Kind) >= NumKinds || e.Origin >= numOrigins {
			return nil, fmt.Errorf("entities: entity %d (%q): kind %d, origin %d", i, e.Name, e.Kind, e.Origin)
		}
	}
	type sortKey struct {
		folded string
		old    int
	}
	order := make([]sortKey, len(entities))
	for i, e := range entities {
		order[i] = sortKey{text.Fold(e.Name), i}
	}
	slices.SortFunc(order, func(a, b sortKey) int {
		ea, eb := &entities[a.old], &entities[b.old]
		return cmp.Or(cmp.Compare(ea.Kind, eb.Kind), strings.Compare(a.folded, b.folded), strings.Compare(ea.Name, eb.Name))
	})
	newID := make([]ID, len(entities))
	ix := &Index{Entities: make([]Entity, len(entities)), Articles: make([]Annotations, len(articles))}
	for to, o := range order {
		newID[o.old] = ID(to)
		ix.Entities[to] = Entity{Kind: entities[o.old].Kind, Origin: entities[o.old].Origin, Name: entities[o.old].Name}
	}

	termOrder := make([]int, len(terms))
	for i := range termOrder {
		termOrder[i] = i
	}
	// sort.SliceStable rather than slices.SortStableFunc here and below:
	// the wasm already has sort's one copy of the code, while each generic
	// instantiation adds its own.
	sort.SliceStable(termOrder, func(i, j int) bool { return terms[termOrder[i]] < terms[termOrder[j]] })
	newTerm := make([]int, len(terms))
	ix.Terms = make([]string, len(terms))
	for to, from := range termOrder {
		newTerm[from] = to
		ix.Terms[to] = terms[from]
	}

	entityOK := func(id ID) bool { return id >= 0 && int(id) < len(entities) }
	for i, a := range articles {
		out := Annotations{
			Mentions: make([]Mention, len(a.Mentions)),
			Meta:     make([]ID, len(a.Meta)),
			Related:  make([]Related, len(a.Related)),
		}
		for j, m := range a.Mentions {
			if !entityOK(m.Entity) {
				return nil, fmt.Errorf("entities: article %q: mention of entity %d, of %d", c.Articles[i].Slug, m.Entity, len(entities))
			}
			m.Entity = newID[m.Entity]
			out.Mentions[j] = m
		}
		ms := out.Mentions
		sort.SliceStable(ms, func(i, j int) bool {
			if ms[i].Title != ms[j].Title {
				return ms[i].Title
			}
			return ms[i].Start < ms[j].Start
		})
		for j, id := range a.Meta {
			if !entityOK(id) {
				return nil, fmt.Errorf("entities: article %q: metadata entity %d, of %d", c.Articles[i].Slug, id, len(entities))
			}
			out.Meta[j] = newID[id]
		}
		slices.Sort(out.Meta)
		out.Meta = slices.Compact(out.Meta)
		for j, r := range a.Related {
			rr := Related{Article: r.Article, Because: make([]Ref, len(r.Because))}
			for k, ref := range r.Because {
				if id, ok := ref.Entity(); ok {
					if !entityOK(id) {
						return nil, fmt.Errorf("entities: article %q: related because of entity %d, of %d", c.Articles[i].Slug, id, len(entities))
					}
					rr.Because[k] = Ref(newID[id])
				} else {
					t, _ := ref.Term()
					if t >= len(terms) {
						return nil, fmt.Errorf("entities: article %q: related because of term %d, of %d", c.Articles[i].Slug, t, len(terms))
					}
					rr.Because[k] = TermRef(newTerm[t])
				}
			}
			out.Related[j] = rr
		}
		ix.Articles[i] = out
	}
	if err := ix.prepare(c); err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	return ix, nil
}

// prepare checks what New and Decode have in common and derives the
// lookup tables: keys, each article's facet values, each ID's kind.
func (ix *Index) prepare(c *data.Collection) error {
	ix.fingerprint = c.Fingerprint()
	ix.byKey = make(map[string]ID, len(ix.Entities))
	ix.kindOf = make([]Kind, len(ix.Entities))
	for i := range ix.Entities {
		e := &ix.Entities[i]
		e.Key = text.Key(text.Fold(e.Name))
		if e.Key == "" {
			return fmt.Errorf("entity %d (%s %q) has no letters or digits", i, e.Kind, e.Name)
		}
		k := e.Kind.String() + ":" + e.Key
		if j, dup := ix.byKey[k]; dup {
			return fmt.Errorf("entities %d and %d are one %s: %q and %q", j, i, e.Kind, ix.Entities[j].Name, e.Name)
		}
		ix.byKey[k] = ID(i)
		ix.kindOf[i] = e.Kind
	}
	n := len(ix.Entities)
	ix.valueEnd = make([]uint32, len(ix.Articles))
	for i := range ix.Articles {
		a := &ix.Articles[i]
		art := &c.Articles[i]
		var titleLen, bodyLen int = -1, -1
		start := len(ix.values)
		for _, m := range a.Mentions {
			if m.Entity < 0 || int(m.Entity) >= n {
				return fmt.Errorf("article %q: mention of entity %d, of %d", art.Slug, m.Entity, n)
			}
			limit := &bodyLen
			field := art.Body
			if m.Title {
				limit, field = &titleLen, art.Title
			}
			if *limit < 0 {
				*limit = utf8.RuneCountInString(field)
			}
			if m.Start < 0 || m.Start >= m.End || m.End > *limit {
				return fmt.Errorf("article %q: mention of %q at %d..%d, outside its text (%d runes)", art.Slug, ix.Entities[m.Entity].Name, m.Start, m.End, *limit)
			}
			ix.values = append(ix.values, m.Entity)
		}
		for _, id := range a.Meta {
			if id < 0 || int(id) >= n {
				return fmt.Errorf("article %q: metadata entity %d, of %d", art.Slug, id, n)
			}
			ix.values = append(ix.values, id)
		}
		ix.values = ix.values[:start+sortUnique(ix.values[start:])]
		ix.valueEnd[i] = uint32(len(ix.values))
		for _, r := range a.Related {
			if r.Article < 0 || r.Article >= len(ix.Articles) || r.Article == i {
				return fmt.Errorf("article %q: related article %d, of %d", art.Slug, r.Article, len(ix.Articles))
			}
			for _, ref := range r.Because {
				if id, ok := ref.Entity(); ok && int(id) >= n {
					return fmt.Errorf("article %q: related because of entity %d, of %d", art.Slug, id, n)
				}
				if t, ok := ref.Term(); ok && t >= len(ix.Terms) {
					return fmt.Errorf("article %q: related because of term %d, of %d", art.Slug, t, len(ix.Terms))
				}
			}
		}
	}
	ix.values = ix.values[:len(ix.values):len(ix.values)]
	ix.counts = make([]int32, n)
	ix.selected = make([]bool, n)
	return nil
}

// sortUnique sorts an article's few values in place by insertion, drops
// repeats and returns how many are left. (Hand-written: a generic sort
// would add its own copy of sorting code to the wasm.)
func sortUnique(vs []ID) int {
	for i := 1; i < len(vs); i++ {
		for j := i; j > 0 && vs[j] < vs[j-1]; j-- {
			vs[j], vs[j-1] = vs[j-1], vs[j]
		}
	}
	n := 0
	for i, v := range vs {
		if i == 0 || v != vs[n-1] {
			vs[n] = v
			n++
		}
	}
	return n
}

// Lookup finds the entity of a kind by name, in any spelling that has its
// key: Lookup(Country, "Таджикистан") finds Tajikistan, Lookup(Person,
// "Farhod Odinayev") finds Farhod Odinaev.
func (ix *Index) Lookup(k Kind, name string) (ID, bool) {
	id, ok := ix.byKey[k.String()+":"+text.Key(text.Fold(name))]
	return id, ok
}

// Values returns the facet values of the article at position i, sorted by
// ID (so grouped by kind), each once. The slice is the Index's own.
func (ix *Index) Values(i int) []ID {
	from := uint32(0)
	if i > 0 {
		from = ix.valueEnd[i-1]
	}
	return ix.values[from:ix.valueEnd[i]:ix.valueEnd[i]]
}

// ArticlesOf returns the positions of the articles that have the value id,
// in collection order.
func (ix *Index) ArticlesOf(id ID) []int {
	var out []int
	for i := range ix.Articles {
		vs := ix.Values(i)
		if j := sort.Search(len(vs), func(j int) bool { return vs[j] >= id }); j < len(vs) && vs[j] == id {
			out = append(out, i)
		}
	}
	return out
}

// Because gives the display forms of what a related article shares with
// the one it is related to: entity names and terms, strongest first.
func (ix *Index) Because(r Related) []string {
	out := make([]string, 0, len(r.Because))
	for _, ref := range r.Because {
		if id, ok := ref.Entity(); ok {
			out = append(out, ix.Entities[id].Name)
		} else {
			t, _ := ref.Term()
			out = append(out, ix.Terms[t])
		}
	}
	return out
}

// Reason is the line a related article is shown with: "also mentions
// Article 179, Rahmon".
func (ix *Index) Reason(r Related) string {
	b := ix.Because(r)
	if len(b) == 0 {
		return ""
	}
	return "also mentions " + strings.Join(b, ", ")
}
