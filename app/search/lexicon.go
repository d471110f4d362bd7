package search

import (
	"sort"
	"strings"
)

// The query code reads terms, keys and postings through the accessors
// below. Each works with the shards that have arrived; where it needs one
// that has not, it says so (ok is false) and notes the shard in need, and
// the query goes on without it: Results.Missing lists what to fetch.

// need is what a query found missing: the shards, and how many times it
// missed one (a word that missed a shard another word missed too did not
// get all it wanted either).
type need struct {
	names  map[string]struct{}
	misses int
}

func (n *need) add(name string) {
	if n != nil {
		if n.names == nil {
			n.names = map[string]struct{}{}
		}
		n.names[name] = struct{}{}
		n.misses++
	}
}

// termAt returns term i and its document frequency, from its chunk or its
// word piece.
func (l *lexicon) termAt(i int) (string, uint32, bool) {
	if c := l.chunks[l.terms.shardOf(i)]; c != nil {
		return c.at(i - c.first), c.num[i-c.first], true
	}
	if p := l.pieces[l.words.shardOf(i)]; p != nil {
		return p.at(i - p.first), p.num[i-p.first], true
	}
	return "", 0, false
}

// term returns term i's text; "" if it has not arrived.
func (l *lexicon) term(i int) string {
	t, _, _ := l.termAt(i)
	return t
}

// df returns term i's document frequency; 0 if it has not arrived.
func (l *lexicon) df(i int) int {
	_, df, _ := l.termAt(i)
	return int(df)
}

// termRange returns the terms that begin with prefix: lo up to hi. It
// needs every term that might: from their chunks when they are few (the
// query will want their postings), else from the word pieces.
func (l *lexicon) termRange(prefix string, n *need) (lo, hi int, ok bool) {
	if l.nterms == 0 {
		return 0, 0, true
	}
	first, last := l.terms.overlapping(prefix)
	from, to := l.terms.number[first], l.terms.number[last+1]
	if !l.have(from, to) {
		if last-first < 2 {
			for s := first; s <= last; s++ {
				if l.chunks[s] == nil {
					n.add(l.terms.names[s])
				}
			}
		} else {
			for s := l.words.shardOf(from); s <= l.words.shardOf(to-1); s++ {
				if l.pieces[s] == nil {
					n.add(l.words.names[s])
				}
			}
		}
		return 0, 0, false
	}
	lo, hi = prefixSpan(from, to, l.term, prefix)
	return lo, hi, true
}

// have reports whether every term from up to to has arrived: all the
// chunks that hold them, or all the word pieces.
func (l *lexicon) have(from, to int) bool {
	all := true
	for s := l.terms.shardOf(from); s < len(l.chunks) && l.terms.number[s] < to; s++ {
		all = all && l.chunks[s] != nil
	}
	if all {
		return true
	}
	for p := l.words.shardOf(from); p < len(l.pieces) && l.words.number[p] < to; p++ {
		if l.pieces[p] == nil {
			return false
		}
	}
	return true
}

// postings returns term i's posting list, if its chunk has arrived.
func (l *lexicon) postings(i, articles int, n *need) (postingReader, bool) {
	s := l.terms.shardOf(i)
	c := l.chunks[s]
	if c == nil {
		n.add(l.terms.names[s])
		return postingReader{}, false
	}
	j := i - c.first
	start := 0
	if j > 0 {
		start = int(c.postEnd[j-1])
	}
	return c.postingsFrom(j, start, articles, l.symbols), true
}

// keyRange returns the key entries whose key begins with prefix.
func (l *lexicon) keyRange(prefix string, n *need) (lo, hi int, ok bool) {
	if l.nkeys == 0 {
		return 0, 0, true
	}
	first, last := l.keys.overlapping(prefix)
	ok = true
	for s := first; s <= last; s++ {
		if l.keyCks[s] == nil {
			n.add(l.keys.names[s])
			ok = false
		}
	}
	if !ok {
		return 0, 0, false
	}
	from, to := l.keys.number[first], l.keys.number[last+1]
	lo, hi = prefixSpan(from, to, func(j int) string { k, _ := l.keyAt(j); return k }, prefix)
	return lo, hi, true
}

// keyAt returns key entry j: the key and its term. Its chunk must have
// arrived (keyRange made sure).
func (l *lexicon) keyAt(j int) (string, int) {
	c := l.keyCks[l.keys.shardOf(j)]
	return c.at(j - c.first), int(c.num[j-c.first])
}

// prefixSpan returns the strings at(from) up to at(to-1), which are
// sorted, that begin with prefix: lo up to hi.
func prefixSpan(from, to int, at func(int) string, prefix string) (lo, hi int) {
	lo = from + sort.Search(to-from, func(i int) bool { return at(from+i) >= prefix })
	hi = lo + sort.Search(to-lo, func(i int) bool { return !strings.HasPrefix(at(lo+i), prefix) })
	return lo, hi
}
