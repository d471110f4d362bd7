package search

// An index file, as MarshalBinary writes it and Load reads it back, is:
//
//	"broadsheet search index 1\n"            magic, 26 bytes
//	header
//	lengths
//	terms
//	postings
//	keys
//	trailer
//
// The header is
//
//	uvarint  number of articles, N
//	uvarint  number of terms, T
//	uvarint  number of keys, K
//	uint32   fingerprint of the collection: CRC-32 (IEEE) of its slugs,
//	         each followed by "\n"
//
// The lengths are N uvarints, the number of words in each article's body,
// in the collection's order (article numbers count from 0 in that order).
//
// The terms are T entries in byte order of the term, the output of
// text.Fold for one word. Each entry is
//
//	uvarint  bytes shared with the previous term (front coding)
//	uvarint  number of bytes that follow
//	bytes    the rest of the term
//	uvarint  document frequency: the number of articles with the term
//	uvarint  length in bytes of the term's posting list
//
// The postings are the T posting lists, in term order, one after another.
// A posting list has one entry per article with the term, in article
// order:
//
//	uvarint  delta<<2 | fields
//	uvarint  count in the title   only when fields == 3
//	uvarint  count in the body    only when fields == 3
//
// delta is the article number minus the previous entry's (for the first
// entry, the article number itself). fields says where the term occurs:
// 0 once in the body, 1 once in the title, 2 once in each, 3 as the two
// counts that follow say. Most words of most articles are 0, so most
// entries are one or two bytes.
//
// The keys are K entries for the terms whose loose key (text.Key) differs
// from the term, in byte order of the key, then term number:
//
//	uvarint  bytes shared with the previous key
//	uvarint  number of bytes that follow
//	bytes    the rest of the key
//	uvarint  the term's number in the term list
//
// The trailer is
//
//	uint32   offset of the lengths
//	uint32   offset of the terms
//	uint32   offset of the postings
//	uint32   offset of the keys
//	uint32   CRC-32 (IEEE) of every byte before this one
//	"\nbroadsheet search index end\n"       30 bytes
//
// Every uint32 is little-endian. Load checks the magic, the trailer and the
// checksum once, at the boundary, and that each section ends where the
// next begins; the query code trusts what passed.

import (
	"encoding/binary"
	"hash/crc32"
	"slices"
	"strings"

	"broadsheet/app/text"
	"broadsheet/data"
)

const (
	magic        = "broadsheet search index 1\n"
	trailerMagic = "\nbroadsheet search index end\n"
	trailerSize  = 5*4 + len(trailerMagic)
)

// The fields of a posting entry, its low two bits.
const (
	fieldsBody     = 0 // once in the body
	fieldsTitle    = 1 // once in the title
	fieldsBoth     = 2 // once in each
	fieldsExplicit = 3 // counts follow
)

// postingList is one term's list while the index is being written: the
// entries are encoded as the articles go by, so the writer holds little
// more than the finished file.
type postingList struct {
	buf  []byte
	last int // article number of the last entry, -1 before the first
	df   int
}

func (p *postingList) add(doc, inTitle, inBody int) {
	delta := doc
	if p.last >= 0 {
		delta = doc - p.last
	}
	p.last = doc
	p.df++
	switch {
	case inTitle == 0 && inBody == 1:
		p.buf = binary.AppendUvarint(p.buf, uint64(delta)<<2|fieldsBody)
	case inTitle == 1 && inBody == 0:
		p.buf = binary.AppendUvarint(p.buf, uint64(delta)<<2|fieldsTitle)
	case inTitle == 1 && inBody == 1:
		p.buf = binary.AppendUvarint(p.buf, uint64(delta)<<2|fieldsBoth)
	default:
		p.buf = binary.AppendUvarint(p.buf, uint64(delta)<<2|fieldsExplicit)
		p.buf = binary.AppendUvarint(p.buf, uint64(inTitle))
		p.buf = binary.AppendUvarint(p.buf, uint64(inBody))
	}
}

// encode writes the index of c. Titles and bodies go through text's
// tokenizer, the same pipeline that parses queries.
func encode(c *data.Collection) []byte {
	lists := map[string]*postingList{}
	lengths := make([]int, len(c.Articles))
	type counts struct{ title, body int }
	doc := map[string]*counts{}
	var pool []counts // reused from article to article
	for i := range c.Articles {
		a := &c.Articles[i]
		clear(doc)
		pool = pool[:0]
		count := func(term string, title bool) {
			n := doc[term]
			if n == nil {
				if len(pool) == cap(pool) {
					pool = make([]counts, 0, max(64, 2*cap(pool)))
				}
				pool = append(pool, counts{})
				n = &pool[len(pool)-1]
				doc[term] = n
			}
			if title {
				n.title++
			} else {
				n.body++
			}
		}
		for t := range text.EachToken(a.Title) {
			count(t.Term, true)
		}
		for t := range text.EachToken(a.Body) {
			count(t.Term, false)
			lengths[i]++
		}
		for term, n := range doc {
			l := lists[term]
			if l == nil {
				l = &postingList{last: -1}
				lists[term] = l
			}
			l.add(i, n.title, n.body)
		}
	}

	terms := make([]string, 0, len(lists))
	for t := range lists {
		terms = append(terms, t)
	}
	slices.Sort(terms)

	type keyEntry struct {
		key  string
		term int
	}
	var keys []keyEntry
	for i, t := range terms {
		if k := text.Key(t); k != t {
			keys = append(keys, keyEntry{k, i})
		}
	}
	slices.SortFunc(keys, func(a, b keyEntry) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return a.term - b.term
	})

	var b []byte
	b = append(b, magic...)
	b = binary.AppendUvarint(b, uint64(len(c.Articles)))
	b = binary.AppendUvarint(b, uint64(len(terms)))
	b = binary.AppendUvarint(b, uint64(len(keys)))
	b = binary.LittleEndian.AppendUint32(b, fingerprint(c))

	offLengths := len(b)
	for _, n := range lengths {
		b = binary.AppendUvarint(b, uint64(n))
	}
	offTerms := len(b)
	prev := ""
	for _, t := range terms {
		b = appendFrontCoded(b, prev, t)
		l := lists[t]
		b = binary.AppendUvarint(b, uint64(l.df))
		b = binary.AppendUvarint(b, uint64(len(l.buf)))
		prev = t
	}
	offPostings := len(b)
	for _, t := range terms {
		b = append(b, lists[t].buf...)
	}
	offKeys := len(b)
	prev = ""
	for _, k := range keys {
		b = appendFrontCoded(b, prev, k.key)
		b = binary.AppendUvarint(b, uint64(k.term))
		prev = k.key
	}

	for _, off := range []int{offLengths, offTerms, offPostings, offKeys} {
		b = binary.LittleEndian.AppendUint32(b, uint32(off))
	}
	b = binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
	return append(b, trailerMagic...)
}

// appendFrontCoded appends s as the bytes it shares with prev, then the
// rest.
func appendFrontCoded(b []byte, prev, s string) []byte {
	n := 0
	for n < len(prev) && n < len(s) && prev[n] == s[n] {
		n++
	}
	b = binary.AppendUvarint(b, uint64(n))
	b = binary.AppendUvarint(b, uint64(len(s)-n))
	return append(b, s[n:]...)
}

// fingerprint identifies a collection by its slugs, so that an index is
// never used with articles it was not built from.
func fingerprint(c *data.Collection) uint32 {
	h := crc32.NewIEEE()
	for i := range c.Articles {
		h.Write([]byte(c.Articles[i].Slug))
		h.Write([]byte{'\n'})
	}
	return h.Sum32()
}
