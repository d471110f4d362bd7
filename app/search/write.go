package search

// An index file, as MarshalBinary writes it and Load reads it back, is a
// data file (app/datafile: magic, header, sections, checksum, trailer) of
// kind "search index", built for the collection it indexes, of N articles.
// Its sections are
//
//	lengths
//	terms
//	postings
//	keys
//
// The lengths are N uvarints, the number of words in each article's body,
// in the collection's order (article numbers count from 0 in that order).
//
// The terms are
//
//	uvarint  number of terms, T
//	T        entries in byte order of the term, the output of text.Fold
//	         for one word:
//	  string   the term, front-coded against the previous term
//	           (datafile.AppendFrontCoded)
//	  uvarint  document frequency df: the number of articles with the term
//	  uvarint  length in bits of the term's posting list; only when
//	           df > 4 (shortList): a shorter list is found by reading it
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
// The keys are
//
//	uvarint  number of keys, K
//	K        entries, one for each term whose loose key (text.Key)
//	         differs from the term, in term order:
//	  uvarint  the term's number minus the previous entry's (the first
//	           entry: the term's number)
//	  string   the key, front-coded against its term
//
// datafile.Read checks the envelope once, at the boundary; Load then
// checks that each section is read to its end and every number is in
// range. The query code trusts what passed, except that it never reads
// past the end of the postings nor takes an article number ≥ N.

import (
	"encoding/binary"
	"slices"
	"strings"

	"broadsheet/app/datafile"
	"broadsheet/app/text"
	"broadsheet/data"
)

// fileKind is the index file's kind; its version goes up whenever what
// the sections hold changes.
var fileKind = datafile.Kind{Name: "search index", Version: 2, Sections: 4}

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
	var counts [][2]uint32                // by term id, for the current article: title, body
	var touched []int32                   // term ids with counts, in first-seen order
	words := make([]int, len(c.Articles)) // in each body
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
			words[i]++
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

	var lengths []byte
	for _, n := range words {
		lengths = binary.AppendUvarint(lengths, uint64(n))
	}
	var postings bitWriter
	bitLen := make([]int, len(terms))
	for i, t := range terms {
		start := postings.len()
		postings.list(&lists[ids[t]], len(c.Articles))
		bitLen[i] = postings.len() - start
	}
	termList := binary.AppendUvarint(nil, uint64(len(terms)))
	prev := ""
	for i, t := range terms {
		termList = datafile.AppendFrontCoded(termList, prev, t)
		df := lists[ids[t]].df
		termList = binary.AppendUvarint(termList, uint64(df))
		if df > shortList {
			termList = binary.AppendUvarint(termList, uint64(bitLen[i]))
		}
		prev = t
	}
	keyList := binary.AppendUvarint(nil, uint64(len(keys)))
	last := 0
	for _, k := range keys {
		keyList = binary.AppendUvarint(keyList, uint64(k.term-last))
		keyList = datafile.AppendFrontCoded(keyList, terms[k.term], k.key)
		last = k.term
	}
	return datafile.Write(fileKind, len(c.Articles), c.Fingerprint(), lengths, termList, postings.flush(), keyList)
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

// shortList is the document frequency up to which a posting list's length
// is not stored: Load finds the end by reading its few entries. Most terms
// are that rare, and the byte each would cost is 1% of the index.
const shortList = 4
