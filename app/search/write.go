package search

// An index is written as shards that a query fetches when it needs them,
// and a head, small and fetched first, that says which shard holds what.
// Every file is a data file (app/datafile: magic, header, sections,
// checksum, trailer) built for the collection it indexes, of N articles;
// a shard is named by a hash of its content (shardName), so that it can
// be cached for good and a rebuild that does not change it keeps its name.
//
// The terms are the output of text.Fold for each word of the titles and
// bodies, in byte order; a term's number is its place in that order. They
// are cut three ways:
//
//   - term chunks ("t/…"): consecutive terms with their posting lists, a
//     chunk closing once it holds about termChunkBytes; a list larger than
//     that has a chunk of its own. A word and its prefixes are found here.
//   - word pieces ("w/…"): the same terms with their document frequency
//     only, no postings, about wordPieceBytes each. A one-letter prefix,
//     or a typo, walks every term that begins with a letter: the pieces
//     hold that list at a small part of the chunks' size.
//   - key chunks ("k/…"): the loose keys (text.Key) of the terms whose key
//     differs from the term, sorted by key, with their term's number.
//
// The head (kind "search head") has these sections:
//
//	counts
//	uvarint  number of terms, T
//	uvarint  number of key entries, K
//
//	impacts
//	uvarint  number of impact symbols, S
//	S bytes  the symbols in the order of their codes (below): the most
//	         frequent first
//
//	terms, words (one each)
//	uvarint  number of shards
//	each:    string  its first term, front-coded against the previous
//	                 shard's first term (datafile.AppendFrontCoded)
//	         uvarint its first term's number minus the previous shard's
//	         6 bytes the shard's hash (shardName)
//
//	keys
//	uvarint  number of key chunks
//	each:    string  its first key, front-coded against the previous's
//	         uvarint its first entry's number minus the previous chunk's
//	         6 bytes the chunk's hash
//
// A term chunk (kind "search terms") has two sections:
//
//	terms
//	uvarint  number of the first term
//	uvarint  number of terms in the chunk, n
//	n        entries:
//	  string   the term, front-coded against the previous (the first
//	           against "")
//	  uvarint  document frequency df: the number of articles with the term
//	  uvarint  length in bits of the term's posting list; only when
//	           df > shortList: a shorter list is found by reading it
//
//	postings
//	the n posting lists, in term order, as one bit stream (most
//	significant bit first, padded with zeros to a whole byte at the
//	end): each list starts at the bit where the one before it ended. A
//	list has one entry per article with the term, in article order:
//
//	  Rice(k)  gap − 1
//	  gamma    the rank of the entry's impact symbol in the head's list,
//	           plus one
//
// gap is the article number minus the previous entry's; for the first
// entry, the article number plus one. A Rice code with parameter k writes
// v>>k in unary (that many 0s, then a 1) and then the k low bits of v; k
// is not stored but computed from N and the document frequency (see
// riceParam), so that a list of rare words spends about log2(N/df) + 1.5
// bits on a gap. An Elias gamma code writes v ≥ 1 as len(v)−1 in unary,
// then the bits of v after its leading 1.
//
// An impact symbol is title<<5 | level: title is 1 when the term is in the
// article's title, level (0 to 31) the term's BM25 weight in the article,
// tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen)), on a logarithmic scale
// (impactLevel), where tf counts the term in the body and titleBoost times
// in the title, and len is the body's length in words. The weight is
// worked out here, where every article's length is known, so that a query
// needs no more than the lists of its terms: nothing the size of the
// collection. The common symbols get the short codes.
//
// A word piece (kind "search words") has one section:
//
//	uvarint  number of the first term
//	uvarint  number of terms, n
//	n        entries: the term, front-coded as above, and uvarint df
//
// A key chunk (kind "search keys") has one section, laid out as a word
// piece's:
//
//	uvarint  number of the first entry
//	uvarint  number of entries, n
//	n        entries, by key and then term number:
//	  string   the key, front-coded against the previous entry's key
//	  uvarint  the term's number
//
// Open checks the head, and Add each shard, once, at the boundary:
// datafile.Read the envelope, then that every section is read to its end,
// every number is in range and every shard is the one the head named. The
// query code trusts what passed, except that it never reads past the end
// of a chunk's postings nor takes an article number ≥ N.

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math"
	"slices"
	"sort"
	"strings"

	"broadsheet/app/datafile"
	"broadsheet/app/text"
	"broadsheet/data"
)

// The kinds of the index's files; a version goes up whenever what the
// sections hold changes.
var (
	headKind  = datafile.Kind{Name: "search head", Version: 1, Sections: 5}
	termKind  = datafile.Kind{Name: "search terms", Version: 1, Sections: 2}
	wordKind  = datafile.Kind{Name: "search words", Version: 1, Sections: 1}
	keyKind   = datafile.Kind{Name: "search keys", Version: 1, Sections: 1}
	shardDirs = map[*datafile.Kind]string{&termKind: "t/", &wordKind: "w/", &keyKind: "k/"}
)

// How large the shards are: a query fetches whole shards, so smaller ones
// move fewer bytes it does not need, and larger ones fewer requests and a
// smaller head.
const (
	termChunkBytes = 16 << 10
	wordPieceBytes = 4 << 10
	keyChunkBytes  = 8 << 10
)

// hashBytes is how much of a shard's SHA-256 names it: 48 bits, so that
// two of a million shards share a name once in half a billion builds.
const hashBytes = 6

// shardName is the file name of a shard of a kind with the given hash.
func shardName(k *datafile.Kind, hash []byte) string {
	return shardDirs[k] + hex.EncodeToString(hash) + ".bin"
}

func hashOf(b []byte) []byte {
	s := sha256.Sum256(b)
	return s[:hashBytes]
}

// Files are a written index: its head, and its shards by name.
type Files struct {
	Head   []byte
	Shards map[string][]byte
}

// shortList is the document frequency up to which a posting list's length
// is not stored: Add finds the end by reading its few entries. Most terms
// are that rare, and the byte each would cost is 1% of the index.
const shortList = 4

// The impact scale: a weight w in [impactMin, impactMax] has level
// round((levels−1)·log(w/impactMin)/log(impactMax/impactMin)), weights
// outside it the nearest end. Steps are 18% apart: a score is off by under
// a tenth, which moves no article past another that matched more or
// better. impactMax is just under k1+1, which no weight reaches.
const (
	impactLevels = 32
	impactMin    = 0.01
	impactMax    = 0.995 * (bm25K1 + 1)
)

func impactLevel(w float64) int {
	l := math.Round((impactLevels - 1) * math.Log(w/impactMin) / math.Log(impactMax/impactMin))
	return int(min(max(l, 0), impactLevels-1))
}

// impactRatio is what a level stands for, as the ratio of the term's
// count to the article's length norm, tf / (k1·(1 − b + b·len/avglen)),
// that gives its weight: a word's ratios over the terms it matched add up
// before BM25 saturates them, as their counts would.
func impactRatio(level int) float32 {
	// Exp and Log rather than Pow, which app.wasm has no other use for.
	w := impactMin * math.Exp(math.Log(impactMax/impactMin)*float64(level)/(impactLevels-1))
	return float32(w / (bm25K1 + 1 - w))
}

// postingList is one term's list while the index is being written:
// (article, impact symbol) entries as uvarints.
type postingList struct {
	buf []byte
	df  int
}

// Write indexes c. Titles and bodies go through text's tokenizer, the same
// pipeline that parses queries.
func Write(c *data.Collection) Files {
	n := len(c.Articles)
	ids := map[string]int32{}
	var terms []string
	var counts [][2]uint32 // by term id, for the current article: title, body
	var touched []int32    // term ids with counts, in first-seen order
	words := make([]int, n)
	type entry struct {
		term  int32
		title uint32
		body  uint32
	}
	var perArticle [][]entry // the article's terms and counts, until the lengths are known
	total := 0
	for i := range c.Articles {
		a := &c.Articles[i]
		count := func(term string, field int) {
			id, ok := ids[term]
			if !ok {
				// A clone: the term may be a substring of the body, which
				// the map would otherwise keep alive.
				id = int32(len(terms))
				term = strings.Clone(term)
				ids[term] = id
				terms = append(terms, term)
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
		es := make([]entry, len(touched))
		for j, id := range touched {
			es[j] = entry{id, counts[id][0], counts[id][1]}
			counts[id] = [2]uint32{}
		}
		perArticle = append(perArticle, es)
		touched = touched[:0]
		total += words[i]
	}

	// The impacts, now that the average length is known.
	avg := max(float64(total)/float64(max(n, 1)), 1)
	lists := make([]postingList, len(terms))
	var freq [2 * impactLevels]int
	for i, es := range perArticle {
		norm := bm25K1 * (1 - bm25B + bm25B*float64(words[i])/avg)
		for _, e := range es {
			tf := float64(titleBoost*e.title + e.body)
			sym := impactLevel(tf * (bm25K1 + 1) / (tf + norm))
			if e.title > 0 {
				sym |= impactLevels
			}
			freq[sym]++
			l := &lists[e.term]
			l.buf = binary.AppendUvarint(l.buf, uint64(i))
			l.buf = append(l.buf, byte(sym))
			l.df++
		}
		perArticle[i] = nil
	}
	symbols := make([]byte, 0, len(freq))
	for s, f := range freq {
		if f > 0 {
			symbols = append(symbols, byte(s))
		}
	}
	sort.SliceStable(symbols, func(i, j int) bool { return freq[symbols[i]] > freq[symbols[j]] })
	var rank [2 * impactLevels]uint64
	for r, s := range symbols {
		rank[s] = uint64(r)
	}

	order := make([]int32, len(terms)) // term ids in term order
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(i, j int) bool { return terms[order[i]] < terms[order[j]] })

	w := &shardWriter{n: n, fingerprint: c.Fingerprint(), shards: map[string][]byte{}}
	w.termChunks(terms, order, lists, rank)
	w.wordPieces(terms, order, lists)
	w.keyChunks(terms, order)

	var head [5][]byte
	head[0] = binary.AppendUvarint(binary.AppendUvarint(nil, uint64(len(terms))), uint64(w.keyEntries))
	head[1] = append(binary.AppendUvarint(nil, uint64(len(symbols))), symbols...)
	head[2], head[3], head[4] = w.dir[0], w.dir[1], w.dir[2]
	return Files{Head: datafile.Write(headKind, n, c.Fingerprint(), head[:]...), Shards: w.shards}
}

// shardWriter cuts the shards and keeps their directories for the head.
type shardWriter struct {
	n           int
	fingerprint uint32
	shards      map[string][]byte
	dir         [3][]byte // terms, words, keys: the head's sections
	count       [3]int
	prevFirst   [3]string
	prevNumber  [3]int
	keyEntries  int
}

// add writes a shard and lists it in directory d with its first string
// and number.
func (w *shardWriter) add(d int, k *datafile.Kind, first string, number int, sections ...[]byte) {
	b := datafile.Write(*k, w.n, w.fingerprint, sections...)
	h := hashOf(b)
	w.shards[shardName(k, h)] = b
	e := datafile.AppendFrontCoded(nil, w.prevFirst[d], first)
	e = binary.AppendUvarint(e, uint64(number-w.prevNumber[d]))
	w.dir[d] = append(append(w.dir[d], e...), h...)
	w.prevFirst[d], w.prevNumber[d] = first, number
	w.count[d]++
}

// finish puts each directory's count in front of it.
func (w *shardWriter) finish(d int) {
	w.dir[d] = append(binary.AppendUvarint(nil, uint64(w.count[d])), w.dir[d]...)
}

func (w *shardWriter) termChunks(terms []string, order []int32, lists []postingList, rank [2 * impactLevels]uint64) {
	var (
		entries  []byte
		postings bitWriter
		first    = 0 // number of the chunk's first term
		prev     string
	)
	flush := func(next int) {
		if next == first {
			return
		}
		head := binary.AppendUvarint(binary.AppendUvarint(nil, uint64(first)), uint64(next-first))
		w.add(0, &termKind, terms[order[first]], first, append(head, entries...), postings.flush())
		entries, postings, first, prev = entries[:0:0], bitWriter{}, next, ""
	}
	for i, id := range order {
		l := &lists[id]
		var list bitWriter
		list.list(l, w.n, &rank)
		if i > first && len(entries)+(postings.len()+list.len())/8 > termChunkBytes {
			flush(i)
		}
		postings.appendBits(&list)
		entries = datafile.AppendFrontCoded(entries, prev, terms[id])
		entries = binary.AppendUvarint(entries, uint64(l.df))
		if l.df > shortList {
			entries = binary.AppendUvarint(entries, uint64(list.len()))
		}
		prev = terms[id]
	}
	flush(len(order))
	w.finish(0)
}

func (w *shardWriter) wordPieces(terms []string, order []int32, lists []postingList) {
	var entries []byte
	first, prev := 0, ""
	flush := func(next int) {
		if next == first {
			return
		}
		head := binary.AppendUvarint(binary.AppendUvarint(nil, uint64(first)), uint64(next-first))
		w.add(1, &wordKind, terms[order[first]], first, append(head, entries...))
		entries, first, prev = entries[:0:0], next, ""
	}
	for i, id := range order {
		if len(entries) >= wordPieceBytes {
			flush(i)
		}
		entries = datafile.AppendFrontCoded(entries, prev, terms[id])
		entries = binary.AppendUvarint(entries, uint64(lists[id].df))
		prev = terms[id]
	}
	flush(len(order))
	w.finish(1)
}

func (w *shardWriter) keyChunks(terms []string, order []int32) {
	type keyEntry struct {
		key  string
		term int
	}
	var keys []keyEntry
	for num, id := range order {
		if k := text.Key(terms[id]); k != terms[id] {
			keys = append(keys, keyEntry{k, num})
		}
	}
	slices.SortFunc(keys, func(a, b keyEntry) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return a.term - b.term
	})
	w.keyEntries = len(keys)
	var entries []byte
	first, prev, count := 0, "", 0
	flush := func(next int) {
		if next == first {
			return
		}
		head := binary.AppendUvarint(binary.AppendUvarint(nil, uint64(first)), uint64(count))
		w.add(2, &keyKind, keys[first].key, first, append(head, entries...))
		entries, first, prev, count = entries[:0:0], next, "", 0
	}
	for i, k := range keys {
		if len(entries) >= keyChunkBytes {
			flush(i)
		}
		entries = datafile.AppendFrontCoded(entries, prev, k.key)
		entries = binary.AppendUvarint(entries, uint64(k.term))
		prev = k.key
		count++
	}
	flush(len(keys))
	w.finish(2)
}

// list appends a list's entries as the format describes.
func (w *bitWriter) list(l *postingList, n int, rank *[2 * impactLevels]uint64) {
	k := riceParam(n, l.df)
	last := -1
	for buf := l.buf; len(buf) > 0; {
		doc, m := binary.Uvarint(buf)
		sym := buf[m]
		buf = buf[m+1:]
		w.rice(uint64(int(doc)-last-1), k)
		last = int(doc)
		w.gamma(rank[sym] + 1)
	}
}
