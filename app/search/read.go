package search

// Load reads the index file that write.go describes. The file is checked
// once, here: its envelope by datafile.Read (magic, trailer, checksum,
// kind, collection), then every section to its end and every number in
// range. After that, the query code reads posting lists without checking
// them again, but never past their end (see postings.go).

import (
	"fmt"
	"math"
	"sort"

	"broadsheet/app/datafile"
	"broadsheet/data"
)

// Index is what queries run against: the term list, the posting lists and
// the key table of a collection, and the collection itself (for titles,
// bodies and dates).
type Index struct {
	raw      []byte // the encoded index, as MarshalBinary returns it
	articles []data.Article

	// Per article, in collection order.
	bodyLen []uint32  // words in the body
	norm    []float32 // BM25's length normalization, k1·(1−b+b·len/avg)
	fresh   []float32 // 1 for the newest article, towards 0 for the oldest
	byDate  []uint32  // rank by date, newest 0, undated last

	// Terms, sorted: term i is termText[termEnd[i-1]:termEnd[i]].
	termText string
	termEnd  []uint32
	df       []uint32
	postEnd  []uint32 // term i's list is bits postEnd[i-1] to postEnd[i] of postings
	postings []byte

	// Keys, sorted: key j is keyText[keyEnd[j-1]:keyEnd[j]], of term keyTerm[j].
	keyText string
	keyEnd  []uint32
	keyTerm []uint32

	words wordCache
}

// Load decodes an index that MarshalBinary wrote for c.
func Load(c *data.Collection, b []byte) (*Index, error) {
	sections, err := datafile.Read(fileKind, b, len(c.Articles), c.Fingerprint())
	if err != nil {
		return nil, err
	}
	n := len(c.Articles)
	ix := &Index{raw: b, articles: c.Articles}
	d := datafile.NewDecoder(fileKind)

	d.Section("lengths", sections[0])
	ix.bodyLen = make([]uint32, n)
	for i := range ix.bodyLen {
		ix.bodyLen[i] = uint32(d.Count(1 << 31))
	}

	d.Section("terms", sections[1])
	nterms := d.Count(d.Left() / 2) // a term takes two bytes or more
	ix.termEnd = make([]uint32, nterms)
	ix.df = make([]uint32, nterms)
	ix.postEnd = make([]uint32, nterms) // list lengths for now; MaxUint32: to be read
	var terms []byte
	var prev []byte
	for i := range nterms {
		prev = d.FrontCoded(prev)
		terms = append(terms, prev...)
		ix.termEnd[i] = uint32(len(terms))
		df := d.Count(n)
		ix.df[i] = uint32(df)
		ix.postEnd[i] = math.MaxUint32
		if df > shortList {
			ix.postEnd[i] = uint32(d.Count(8 * len(sections[2])))
		}
	}
	ix.termText = string(terms)

	d.Section("postings", sections[2])
	ix.postings = d.Bytes(d.Left())
	if len(ix.postings) >= 1<<29 {
		d.Fail("posting lists too long to address in bits")
	}
	end := 0 // in bits
	for i := range nterms {
		if d.Err() != nil {
			break
		}
		if ix.postEnd[i] == math.MaxUint32 {
			// A short list: its end is where its last entry ends.
			pr := ix.postingsFrom(i, end)
			for range ix.df[i] {
				if _, ok := pr.read(); !ok {
					d.Fail(fmt.Sprintf("posting list of term %d is damaged", i))
					break
				}
			}
			end = int(pr.r.pos)
		} else {
			end += int(ix.postEnd[i])
		}
		if end > 8*len(ix.postings) {
			d.Fail(fmt.Sprintf("posting list of term %d runs past the postings", i))
			break
		}
		ix.postEnd[i] = uint32(end)
	}
	if d.Err() == nil && (end+7)/8 != len(ix.postings) {
		d.Fail(fmt.Sprintf("posting lists end at bit %d of %d bytes", end, len(ix.postings)))
	}

	d.Section("keys", sections[3])
	type keyEntry struct {
		key  string
		term uint32
	}
	nkeys := d.Count(d.Left() / 2) // an entry takes two bytes or more
	keys := make([]keyEntry, nkeys)
	var term int
	for j := range nkeys {
		term += d.Count(nterms - 1 - term)
		if d.Err() != nil {
			break
		}
		keys[j] = keyEntry{string(d.FrontCoded([]byte(ix.term(term)))), uint32(term)}
	}
	if err := d.End(); err != nil {
		return nil, err
	}
	// Sorted by key, for lookups by key and by a key's prefix.
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].key != keys[j].key {
			return keys[i].key < keys[j].key
		}
		return keys[i].term < keys[j].term
	})
	ix.keyEnd = make([]uint32, nkeys)
	ix.keyTerm = make([]uint32, nkeys)
	var keyText []byte
	for j, k := range keys {
		keyText = append(keyText, k.key...)
		ix.keyEnd[j] = uint32(len(keyText))
		ix.keyTerm[j] = k.term
	}
	ix.keyText = string(keyText)
	for i := 1; i < nterms; i++ {
		if ix.term(i-1) >= ix.term(i) {
			return nil, fileKind.Corrupt(fmt.Sprintf("term %d out of order", i))
		}
	}
	ix.derive()
	return ix, nil
}

// New indexes a collection. The collection must not change afterwards.
func New(c *data.Collection) *Index {
	ix, err := Load(c, encode(c))
	if err != nil {
		panic("search: reading back a fresh index: " + err.Error())
	}
	return ix
}

// MarshalBinary returns the encoded index, for the browser to Load beside
// the collection it was built from.
func (ix *Index) MarshalBinary() ([]byte, error) { return ix.raw, nil }

// Len is the number of articles.
func (ix *Index) Len() int { return len(ix.articles) }

// BM25's parameters: k1 bounds what repeating a word adds; b is how much a
// long body is discounted.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// derive computes what the file does not store because the collection
// gives it: normalization by length, and the order of dates.
func (ix *Index) derive() {
	n := len(ix.articles)
	total := 0.0
	for _, l := range ix.bodyLen {
		total += float64(l)
	}
	avg := max(total/float64(max(n, 1)), 1)
	ix.norm = make([]float32, n)
	for i, l := range ix.bodyLen {
		ix.norm[i] = float32(bm25K1 * (1 - bm25B + bm25B*float64(l)/avg))
	}
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

func (ix *Index) term(i int) string {
	start := uint32(0)
	if i > 0 {
		start = ix.termEnd[i-1]
	}
	return ix.termText[start:ix.termEnd[i]]
}

// postingStart is the bit where term i's list starts.
func (ix *Index) postingStart(i int) int {
	if i == 0 {
		return 0
	}
	return int(ix.postEnd[i-1])
}

func (ix *Index) key(j int) string {
	start := uint32(0)
	if j > 0 {
		start = ix.keyEnd[j-1]
	}
	return ix.keyText[start:ix.keyEnd[j]]
}

// IsCorrupt reports whether err says that a data file, the index or
// another, cannot be used (and the site wants rebuilding), rather than
// that it could not be had.
func IsCorrupt(err error) bool { return datafile.IsCorrupt(err) }
