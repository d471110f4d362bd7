package search

// Open reads the head that write.go describes, and Add each shard as it
// arrives. Each file is checked once, here: its envelope (datafile.Read),
// that it is the shard the head named and holds what the head says, and
// that every section is read to its end with every number in range. After
// that the query code reads posting lists without checking them again,
// but never past their end (see postings.go).

import (
	"errors"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"

	"broadsheet/app/datafile"
	"broadsheet/data"
)

// Index is what queries run against: the head of an index, the shards
// that have arrived, and the collection itself (for titles, bodies and
// dates). A query that needs a shard that has not arrived says so in its
// results (Results.Missing); the caller fetches it, Adds it and asks again.
type Index struct {
	articles []data.Article
	fp       uint32

	// Per article, in collection order.
	fresh  []float32 // 1 for the newest article, towards 0 for the oldest
	byDate []uint32  // rank by date, newest 0, undated last

	mu  sync.RWMutex // Add writes the lexicon, queries read it
	lex lexicon

	files    *Files // what New wrote, for the site build to ship; nil when opened
	inFlight map[string]*arrival

	words wordCache
}

// lexicon is the index's terms, keys and postings as far as they have
// arrived: the head's directories, and each shard once Added.
type lexicon struct {
	nterms, nkeys int
	// symbols are the impact symbols by the rank their code gives.
	symbols []impactSymbol
	terms   directory
	words   directory
	keys    directory
	chunks  []*termChunk // by place in terms; nil until Added
	pieces  []*strList
	keyCks  []*strList
	byName  map[string]shardRef
}

// impactSymbol is what a posting's code stands for.
type impactSymbol struct {
	ratio float32 // the term's count over the article's length norm (impactRatio)
	title bool    // the term is in the article's title
}

// directory lists the shards of one kind, in order: the first term (or
// key) and its number, and the shard's file name.
type directory struct {
	kind   *datafile.Kind
	first  []string
	number []int // and the total after the last shard
	names  []string
}

// shardOf returns the shard that holds number i.
func (d *directory) shardOf(i int) int {
	return sort.Search(len(d.first), func(s int) bool { return d.number[s+1] > i })
}

// overlapping returns the shards whose strings may begin with prefix: from
// the last that starts at or before it to the last that starts with it or
// before it.
func (d *directory) overlapping(prefix string) (first, last int) {
	n := len(d.first)
	first = max(sort.Search(n, func(s int) bool { return d.first[s] > prefix })-1, 0)
	last = max(sort.Search(n, func(s int) bool { return d.first[s] > prefix && !strings.HasPrefix(d.first[s], prefix) })-1, 0)
	return first, last
}

// strList is a run of sorted strings with a number each, decoded: string
// i of the list (number first+i overall) is text[end[i-1]:end[i]]. A word
// piece is one (the numbers are document frequencies), a key chunk is one
// (the numbers are terms), and a term chunk's terms are one.
type strList struct {
	first int
	text  string
	end   []uint32
	num   []uint32
}

func (l *strList) at(i int) string {
	start := uint32(0)
	if i > 0 {
		start = l.end[i-1]
	}
	return l.text[start:l.end[i]]
}

// termChunk is a term chunk, decoded: its terms with their document
// frequencies, and term i's list is bits postEnd[i-1] to postEnd[i] of
// postings.
type termChunk struct {
	strList
	postEnd  []uint32
	postings []byte
}

// Open reads the head of an index written for c. The index answers
// queries at once, with what the shards that have arrived hold; Add gives
// it the others.
func Open(c *data.Collection, head []byte) (*Index, error) {
	n := len(c.Articles)
	sections, err := datafile.Read(headKind, head, n, c.Fingerprint())
	if err != nil {
		return nil, err
	}
	ix := &Index{articles: c.Articles, fp: c.Fingerprint()}
	l := &ix.lex
	d := datafile.NewDecoder(headKind)
	d.Section("counts", sections[0])
	l.nterms = d.Count(1 << 31)
	l.nkeys = d.Count(1 << 31)
	d.Section("impacts", sections[1])
	for range d.Count(2 * impactLevels) {
		s := int(d.Byte())
		if d.Err() == nil && s >= 2*impactLevels {
			d.Fail("impact symbol " + strconv.Itoa(s))
		}
		l.symbols = append(l.symbols, impactSymbol{ratio: impactRatio(s % impactLevels), title: s >= impactLevels})
	}
	l.terms.read(d, "terms", sections[2], &termKind, l.nterms)
	l.words.read(d, "words", sections[3], &wordKind, l.nterms)
	l.keys.read(d, "keys", sections[4], &keyKind, l.nkeys)
	if err := d.End(); err != nil {
		return nil, err
	}
	l.chunks = make([]*termChunk, len(l.terms.first))
	l.pieces = make([]*strList, len(l.words.first))
	l.keyCks = make([]*strList, len(l.keys.first))
	l.byName = map[string]shardRef{}
	for _, dir := range []*directory{&l.terms, &l.words, &l.keys} {
		for i, name := range dir.names {
			l.byName[name] = shardRef{dir, i}
		}
	}
	ix.derive()
	return ix, nil
}

// read decodes a directory section; total is how many terms (or keys)
// its shards hold between them.
func (dir *directory) read(d *datafile.Decoder, name string, b []byte, k *datafile.Kind, total int) {
	dir.kind = k
	d.Section(name, b)
	n := d.Count(d.Left() / (hashBytes + 2))
	var prev []byte
	number := 0
	for s := range n {
		prev = d.FrontCoded(prev)
		number += d.Count(total)
		h := d.Bytes(hashBytes)
		if d.Err() != nil {
			return
		}
		if s > 0 && (number <= dir.number[s-1] || string(prev) <= dir.first[s-1]) {
			d.Fail("shard " + strconv.Itoa(s) + " out of order")
			return
		}
		dir.first = append(dir.first, string(prev))
		dir.number = append(dir.number, number)
		dir.names = append(dir.names, shardName(k, h))
	}
	if n > 0 && number >= total || n == 0 && total > 0 || n > 0 && dir.number[0] != 0 {
		d.Fail("the shards do not cover the terms")
		return
	}
	dir.number = append(dir.number, total)
}

// Shards lists every shard the head names, for a caller that wants the
// whole index at once.
func (ix *Index) Shards() []string {
	l := &ix.lex
	return append(append(append([]string(nil), l.terms.names...), l.words.names...), l.keys.names...)
}

// Add gives the index a shard the head named, as name.
func (ix *Index) Add(name string, b []byte) error {
	l := &ix.lex
	ref, ok := l.byName[name]
	if !ok {
		return errors.New(name + ": not a shard of this index")
	}
	dir, i := ref.dir, ref.i
	sections, err := datafile.Read(*dir.kind, b, len(ix.articles), ix.fp)
	if err != nil {
		return err
	}
	d := datafile.NewDecoder(*dir.kind)
	from, to := dir.number[i], dir.number[i+1]
	var list *strList
	var chunk *termChunk
	switch dir.kind {
	case &termKind:
		chunk = decodeTermChunk(d, sections, from, to, len(ix.articles))
		list = &chunk.strList
	case &wordKind:
		list = decodeStrings(d, "words", sections[0], from, to, len(ix.articles), nil)
	default:
		list = decodeStrings(d, "keys", sections[0], from, to, l.nterms-1, nil)
	}
	if err := d.End(); err != nil {
		return err
	}
	if list.at(0) != dir.first[i] {
		d.Fail("not the shard the head names")
		return d.Err()
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	switch dir.kind {
	case &termKind:
		l.chunks[i] = chunk
	case &wordKind:
		l.pieces[i] = list
	default:
		l.keyCks[i] = list
	}
	return nil
}

// shardRef is a shard's place in the head.
type shardRef struct {
	dir *directory
	i   int
}

// decodeStrings reads a list of strings numbered from up to to, each with
// a number up to max and, for each, what more the shard says (more, if
// not nil). The strings must be in order.
func decodeStrings(d *datafile.Decoder, section string, b []byte, from, to, max int, more func(i int, num uint32)) *strList {
	d.Section(section, b)
	if d.Count(1<<31) != from || d.Count(d.Left()/2) != to-from {
		d.Fail("not the shard the head names")
	}
	l := &strList{first: from, end: make([]uint32, to-from), num: make([]uint32, to-from)}
	var text, prev []byte
	for i := range l.end {
		if d.Err() != nil {
			break
		}
		last := string(prev)
		prev = d.FrontCoded(prev)
		if i > 0 && string(prev) < last {
			d.Fail("out of order at " + strconv.Itoa(from+i))
		}
		text = append(text, prev...)
		l.end[i] = uint32(len(text))
		l.num[i] = uint32(d.Count(max))
		if more != nil {
			more(i, l.num[i])
		}
	}
	l.text = string(text)
	return l
}

func decodeTermChunk(d *datafile.Decoder, sections [][]byte, from, to, n int) *termChunk {
	c := &termChunk{postEnd: make([]uint32, to-from)}
	c.strList = *decodeStrings(d, "terms", sections[0], from, to, n, func(i int, df uint32) {
		c.postEnd[i] = math.MaxUint32 // to be read
		if df > shortList {
			c.postEnd[i] = uint32(d.Count(8 * len(sections[1])))
		}
	})
	d.Section("postings", sections[1])
	c.postings = d.Bytes(d.Left())
	end := 0 // in bits
	for i := range c.postEnd {
		if d.Err() != nil {
			break
		}
		if c.postEnd[i] == math.MaxUint32 {
			// A short list: its end is where its last entry ends.
			pr := c.postingsFrom(i, end, n, nil)
			for range c.num[i] {
				if _, ok := pr.read(); !ok {
					d.Fail("posting list damaged")
					break
				}
			}
			end = int(pr.r.pos)
		} else {
			end += int(c.postEnd[i])
		}
		c.postEnd[i] = uint32(end)
	}
	if d.Err() == nil && (end+7)/8 != len(c.postings) {
		d.Fail("posting lists end at bit " + strconv.Itoa(end) + " of " + strconv.Itoa(len(c.postings)) + " bytes")
	}
	return c
}

// New indexes a collection, with every shard. The collection must not
// change afterwards.
func New(c *data.Collection) *Index {
	f := Write(c)
	ix, err := Open(c, f.Head)
	if err == nil {
		for name, b := range f.Shards {
			if err = ix.Add(name, b); err != nil {
				break
			}
		}
	}
	if err != nil {
		panic("search: reading back a fresh index: " + err.Error())
	}
	ix.files = &f
	return ix
}

// Files are the files New wrote for the index, to ship; nil for an index
// that was opened.
func (ix *Index) Files() *Files { return ix.files }

// Len is the number of articles.
func (ix *Index) Len() int { return len(ix.articles) }

// BM25's parameters: k1 bounds what repeating a word adds; b is how much a
// long body is discounted.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// derive computes what the files do not store because the collection
// gives it: the order of dates.
func (ix *Index) derive() {
	n := len(ix.articles)
	order := make([]uint32, n)
	for i := range order {
		order[i] = uint32(i)
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := &ix.articles[order[i]].Date, &ix.articles[order[j]].Date
		if a.IsZero() != b.IsZero() {
			return b.IsZero()
		}
		return b.Before(*a)
	})
	ix.byDate = make([]uint32, n)
	ix.fresh = make([]float32, n)
	for rank, doc := range order {
		ix.byDate[doc] = uint32(rank)
		ix.fresh[doc] = 1 - float32(rank)/float32(max(n, 1))
	}
}

// IsCorrupt reports whether err says that a data file, the index or
// another, cannot be used (and the site wants rebuilding), rather than
// that it could not be had.
func IsCorrupt(err error) bool { return datafile.IsCorrupt(err) }
