package search

// Load reads the index file that write.go describes. The file is checked
// once, here: magic, trailer, checksum, fingerprint of the collection, and
// that every section ends where the next begins. After that, the query
// code reads posting lists without checking them again, but never past
// their end (see postings.go).

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"sort"

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

// An errCorrupt reports why a file is not a usable index.
type errCorrupt struct{ why string }

func (e *errCorrupt) Error() string {
	return "search index: " + e.why + " (rebuild the site with broadsheet build)"
}

// Load decodes an index that MarshalBinary wrote for c.
func Load(c *data.Collection, b []byte) (*Index, error) {
	if len(b) < len(magic)+trailerSize || string(b[:len(magic)]) != magic {
		return nil, &errCorrupt{"not a search index, or of another version"}
	}
	tr := b[len(b)-trailerSize:]
	if string(tr[5*4:]) != trailerMagic {
		return nil, &errCorrupt{"file is truncated (no trailer)"}
	}
	sum := binary.LittleEndian.Uint32(tr[4*4:])
	if crc32.ChecksumIEEE(b[:len(b)-trailerSize+4*4]) != sum {
		return nil, &errCorrupt{"checksum mismatch: the file is damaged"}
	}
	var off [5]int
	for i := range 4 {
		off[i] = int(binary.LittleEndian.Uint32(tr[i*4:]))
	}
	off[4] = len(b) - trailerSize

	ix := &Index{raw: b, articles: c.Articles}
	d := decoder{b: b[:off[4]], pos: len(magic)}
	n := d.count(len(b))
	nterms := d.count(len(b))
	nkeys := d.count(len(b))
	fp := d.uint32()
	switch {
	case d.err != nil:
	case n != len(c.Articles) || fp != c.Fingerprint():
		return nil, &errCorrupt{fmt.Sprintf("built for another collection (%d articles; this one has %d)", n, len(c.Articles))}
	}

	d.section("lengths", off[0])
	ix.bodyLen = make([]uint32, n)
	for i := range ix.bodyLen {
		ix.bodyLen[i] = uint32(d.count(1 << 31))
	}

	d.section("terms", off[1])
	ix.termEnd = make([]uint32, nterms)
	ix.df = make([]uint32, nterms)
	ix.postEnd = make([]uint32, nterms) // list lengths for now; MaxUint32: to be read
	var terms []byte
	var prev []byte
	for i := range nterms {
		prev = d.frontCoded(prev)
		terms = append(terms, prev...)
		ix.termEnd[i] = uint32(len(terms))
		df := d.count(n)
		ix.df[i] = uint32(df)
		ix.postEnd[i] = math.MaxUint32
		if df > shortList {
			ix.postEnd[i] = uint32(d.count(len(b)))
		}
	}
	ix.termText = string(terms)

	d.section("postings", off[2])
	ix.postings = d.bytes(off[3] - off[2])
	if len(ix.postings) >= 1<<29 {
		d.fail("posting lists too long to address in bits")
	}
	end := 0 // in bits
	for i := range nterms {
		if d.err != nil {
			break
		}
		if ix.postEnd[i] == math.MaxUint32 {
			// A short list: its end is where its last entry ends.
			pr := ix.postingsFrom(i, end)
			for range ix.df[i] {
				if _, ok := pr.read(); !ok {
					d.fail(fmt.Sprintf("posting list of term %d is damaged", i))
					break
				}
			}
			end = int(pr.r.pos)
		} else {
			end += int(ix.postEnd[i])
		}
		if end > 8*len(ix.postings) {
			d.fail(fmt.Sprintf("posting list of term %d runs past the postings", i))
			break
		}
		ix.postEnd[i] = uint32(end)
	}
	if d.err == nil && (end+7)/8 != len(ix.postings) {
		d.fail(fmt.Sprintf("posting lists end at bit %d of %d bytes", end, len(ix.postings)))
	}

	d.section("keys", off[3])
	type keyEntry struct {
		key  string
		term uint32
	}
	keys := make([]keyEntry, nkeys)
	var term int
	for j := range nkeys {
		term += d.count(nterms - 1 - term)
		if d.err != nil {
			break
		}
		keys[j] = keyEntry{string(d.frontCoded([]byte(ix.term(term)))), uint32(term)}
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
	d.section("trailer", off[4])
	if d.err != nil {
		return nil, d.err
	}
	for i := 1; i < nterms; i++ {
		if ix.term(i-1) >= ix.term(i) {
			return nil, &errCorrupt{fmt.Sprintf("term %d out of order", i)}
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

// decoder reads the sections of an index. Its first error sticks: later
// reads return zeros, so Load checks once, at the end.
type decoder struct {
	b   []byte
	pos int
	err error
}

func (d *decoder) fail(why string) {
	if d.err == nil {
		d.err = &errCorrupt{why}
	}
	d.pos = len(d.b)
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.pos:])
	if n <= 0 {
		d.fail(fmt.Sprintf("bad number at byte %d", d.pos))
		return 0
	}
	d.pos += n
	return v
}

// count reads a uvarint that must not exceed limit.
func (d *decoder) count(limit int) int {
	v := d.uvarint()
	if v > uint64(max(limit, 0)) {
		d.fail(fmt.Sprintf("number %d out of range at byte %d", v, d.pos))
		return 0
	}
	return int(v)
}

func (d *decoder) uint32() uint32 {
	if d.err != nil || len(d.b)-d.pos < 4 {
		d.fail("header is truncated")
		return 0
	}
	v := binary.LittleEndian.Uint32(d.b[d.pos:])
	d.pos += 4
	return v
}

func (d *decoder) bytes(n int) []byte {
	if d.err != nil || n > len(d.b)-d.pos {
		d.fail(fmt.Sprintf("section runs past the end at byte %d", d.pos))
		return nil
	}
	b := d.b[d.pos : d.pos+n : d.pos+n]
	d.pos += n
	return b
}

// frontCoded reads a string front-coded against prev, reusing prev's
// storage.
func (d *decoder) frontCoded(prev []byte) []byte {
	v := d.uvarint()
	shared, n := int(v>>4), int(v&15)
	if shared > len(prev) {
		d.fail(fmt.Sprintf("front coding shares %d bytes of %d at byte %d", shared, len(prev), d.pos))
		return prev[:0]
	}
	if n == 15 {
		n += d.count(len(d.b))
	}
	rest := d.bytes(n)
	return append(prev[:shared], rest...)
}

// section checks that the section about to be read starts at off: the
// previous one ended exactly there.
func (d *decoder) section(name string, off int) {
	if d.err == nil && d.pos != off {
		d.fail(fmt.Sprintf("%s section at byte %d, trailer says %d", name, d.pos, off))
	}
}

// Errors are of one kind; IsCorrupt lets callers tell them from others.
func IsCorrupt(err error) bool {
	var e *errCorrupt
	return errors.As(err, &e)
}
