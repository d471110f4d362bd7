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
//	string   the term, front-coded against the previous term (below)
//	uvarint  document frequency df: the number of articles with the term
//	uvarint  length in bits of the term's posting list; only when
//	         df > 4 (shortList): a shorter list is found by reading it
//
// A front-coded string is
//
//	uvarint  shared<<4 | n: shared is how many bytes it has in common
//	         with the string it is coded against, n the number of bytes
//	         that follow, or 15 if they are 15 or more
//	uvarint  the number of bytes that follow, minus 15; only when n is 15
//	bytes    the rest of the string
//
// The postings are the T posting lists, in term order, as one bit stream
// (most significant bit first, padded with zeros to a whole byte at the
// end): each list starts at the bit where the one before it ended. A list
// has one entry per article with the term, in article order:
//
//	Rice(k)  gap − 1
//	code     where the term stands:
//	           0     once in the body
//	           10    once in the title
//	           110   once in each
//	           111   gamma(title count + 1), gamma(body count + 1)
//
// gap is the article number minus the previous entry's; for the first
// entry, the article number plus one. A Rice code with parameter k writes
// v>>k in unary (that many 0s, then a 1) and then the k low bits of v; k
// is not stored but computed from N and the document frequency (see
// riceParam), so that a list of rare words spends about log2(N/df) + 1.5
// bits on a gap. An Elias gamma code writes v ≥ 1 as len(v)−1 in unary,
// then the bits of v after its leading 1.
//
// The keys are K entries, one for each term whose loose key (text.Key)
// differs from the term, in term order:
//
//	uvarint  the term's number minus the previous entry's (the first
//	         entry: the term's number)
//	string   the key, front-coded against its term
//
// The trailer is
//
//	uint32   offset of the lengths
//	uint32   offset of the terms
//	uint32   offset of the postings
//	uint32   offset of the keys
//	uint32   CRC-32 (IEEE) of every byte before this one
//	"\nbroadsheet search index end\n"       29 bytes
//
// Every uint32 is little-endian. Load checks the magic, the trailer and the
// checksum once, at the boundary, and that each section ends where the
// next begins; the query code trusts what passed, except that it never
// reads past the end of the postings nor takes an article number ≥ N.

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

// postingList is one term's list while the index is being written:
// (article, title count, body count) entries as uvarints, turned into the
// final bit stream once the document frequency, and with it the Rice
// parameter, is known.
type postingList struct {
	buf []byte
	df  int
}

// encode writes the index of c. Titles and bodies go through text's
// tokenizer, the same pipeline that parses queries.
func encode(c *data.Collection) []byte {
	ids := map[string]int32{}
	var lists []postingList
	var counts [][2]uint32 // by term id, for the current article: title, body
	var touched []int32    // term ids with counts, in first-seen order
	lengths := make([]int, len(c.Articles))
	for i := range c.Articles {
		a := &c.Articles[i]
		count := func(term string, field int) {
			id, ok := ids[term]
			if !ok {
				// A clone: the term may be a substring of the body, which
				// the map would otherwise keep alive.
				id = int32(len(lists))
				ids[strings.Clone(term)] = id
				lists = append(lists, postingList{})
				counts = append(counts, [2]uint32{})
			}
			if counts[id] == [2]uint32{} {
				touched = append(touched, id)
			}
			counts[id][field]++
		}
		for t := range text.EachToken(a.Title) {
			count(t.Term, 0)
		}
		for t := range text.EachToken(a.Body) {
			count(t.Term, 1)
			lengths[i]++
		}
		for _, id := range touched {
			l := &lists[id]
			l.buf = binary.AppendUvarint(l.buf, uint64(i))
			l.buf = binary.AppendUvarint(l.buf, uint64(counts[id][0]))
			l.buf = binary.AppendUvarint(l.buf, uint64(counts[id][1]))
			l.df++
			counts[id] = [2]uint32{}
		}
		touched = touched[:0]
	}

	terms := make([]string, 0, len(ids))
	for t := range ids {
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

	var b []byte
	b = append(b, magic...)
	b = binary.AppendUvarint(b, uint64(len(c.Articles)))
	b = binary.AppendUvarint(b, uint64(len(terms)))
	b = binary.AppendUvarint(b, uint64(len(keys)))
	b = binary.LittleEndian.AppendUint32(b, c.Fingerprint())

	offLengths := len(b)
	for _, n := range lengths {
		b = binary.AppendUvarint(b, uint64(n))
	}
	var postings bitWriter
	bitLen := make([]int, len(terms))
	for i, t := range terms {
		start := postings.len()
		postings.list(&lists[ids[t]], len(c.Articles))
		bitLen[i] = postings.len() - start
	}
	offTerms := len(b)
	prev := ""
	for i, t := range terms {
		b = appendFrontCoded(b, prev, t)
		df := lists[ids[t]].df
		b = binary.AppendUvarint(b, uint64(df))
		if df > shortList {
			b = binary.AppendUvarint(b, uint64(bitLen[i]))
		}
		prev = t
	}
	offPostings := len(b)
	b = append(b, postings.flush()...)
	offKeys := len(b)
	last := 0
	for _, k := range keys {
		b = binary.AppendUvarint(b, uint64(k.term-last))
		b = appendFrontCoded(b, terms[k.term], k.key)
		last = k.term
	}

	for _, off := range []int{offLengths, offTerms, offPostings, offKeys} {
		b = binary.LittleEndian.AppendUint32(b, uint32(off))
	}
	b = binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
	return append(b, trailerMagic...)
}

// list appends a list's entries as the format describes.
func (w *bitWriter) list(l *postingList, n int) {
	k := riceParam(n, l.df)
	last := -1
	for buf := l.buf; len(buf) > 0; {
		var e [3]uint64
		for j := range e {
			v, m := binary.Uvarint(buf)
			e[j], buf = v, buf[m:]
		}
		doc, title, body := int(e[0]), e[1], e[2]
		w.rice(uint64(doc-last-1), k)
		last = doc
		switch {
		case title == 0 && body == 1:
			w.write(0b0, 1)
		case title == 1 && body == 0:
			w.write(0b10, 2)
		case title == 1 && body == 1:
			w.write(0b110, 3)
		default:
			w.write(0b111, 3)
			w.gamma(title + 1)
			w.gamma(body + 1)
		}
	}
}

// appendFrontCoded appends s front-coded against prev.
func appendFrontCoded(b []byte, prev, s string) []byte {
	shared := 0
	for shared < len(prev) && shared < len(s) && prev[shared] == s[shared] {
		shared++
	}
	n := len(s) - shared
	b = binary.AppendUvarint(b, uint64(shared)<<4|uint64(min(n, 15)))
	if n >= 15 {
		b = binary.AppendUvarint(b, uint64(n-15))
	}
	return append(b, s[shared:]...)
}

// shortList is the document frequency up to which a posting list's length
// is not stored: Load finds the end by reading its few entries. Most terms
// are that rare, and the byte each would cost is 1% of the index.
const shortList = 4
