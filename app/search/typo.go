package search

import (
	"unicode/utf8"
)

// maxEdits is how many typing mistakes a word of n letters may have and
// still find what it meant: none below four letters (too many words are
// one edit apart), one up to seven, two from eight.
func maxEdits(n int) int {
	switch {
	case n < 4:
		return 0
	case n < 8:
		return 1
	}
	return 2
}

// osa is the optimal string alignment distance between a and b: the
// number of insertions, deletions, substitutions and transpositions of two
// adjacent letters that turn a into b, no letter edited twice. Rahmno is
// one edit from Rahmon, not two as with Levenshtein.
func osa(a, b []rune) int {
	rows := newOSARows(len(a))
	for d := 1; d <= len(b); d++ {
		rows.next(a, b, d)
	}
	return rows.at(len(b))[len(a)]
}

// osaRows holds one row of the OSA table per letter of the candidate word
// (the rows of its prefixes), so that words sharing a prefix share rows.
type osaRows struct {
	m     int   // letters in the query word
	cells []int // row d is cells[d*(m+1):(d+1)*(m+1)]
	mins  []int // smallest cell of each row
}

func newOSARows(m int) *osaRows {
	r := &osaRows{m: m, cells: make([]int, m+1, 16*(m+1)), mins: []int{0}}
	for j := range r.cells {
		r.cells[j] = j
	}
	return r
}

func (r *osaRows) at(d int) []int { return r.cells[d*(r.m+1) : (d+1)*(r.m+1)] }

// truncate keeps the rows of the first d letters.
func (r *osaRows) truncate(d int) {
	r.cells = r.cells[:(d+1)*(r.m+1)]
	r.mins = r.mins[:d+1]
}

// next appends the row for the candidate's first d letters, b[:d], against
// the query a; rows 0 to d-1 must be there.
func (r *osaRows) next(a, b []rune, d int) []int {
	m := r.m
	for range m + 1 {
		r.cells = append(r.cells, 0)
	}
	prev, row := r.at(d-1), r.at(d)
	row[0] = d
	least := d
	c := b[d-1]
	for j := 1; j <= m; j++ {
		cost := 1
		if a[j-1] == c {
			cost = 0
		}
		v := min(prev[j]+1, row[j-1]+1, prev[j-1]+cost)
		if d > 1 && j > 1 && a[j-1] == b[d-2] && a[j-2] == c {
			v = min(v, r.at(d - 2)[j-2]+1)
		}
		row[j] = v
		least = min(least, v)
	}
	r.mins = append(r.mins, least)
	return row
}

// typos calls visit for every term that is within k edits of q or whose
// prefix is (q is a word being typed), with the fewest edits found. Terms
// must begin with q's first or second letter: first letters are rarely
// mistyped, and a swap of the first two is one edit.
//
// The terms are walked in the word pieces, and the sorted terms of a piece
// as a trie: a term shares the rows of the prefix it has in common with
// the one before, and when a prefix is already more than k edits away
// every term that starts with it is skipped with one binary search. A
// piece whose terms all begin with a prefix that is too far from q is not
// needed at all (pieceNeeded), so a typo fetches the pieces near the word
// rather than every piece of two letters.
func (ix *Index) typos(q []rune, k int, n *need, visit func(term, dist int)) {
	if len(q) == 0 || k == 0 {
		return
	}
	starts := []rune{q[0]}
	if len(q) > 1 && q[1] != q[0] {
		starts = append(starts, q[1])
	}
	l := &ix.lex
	var buf [utf8.UTFMax]byte
	for _, first := range starts {
		letter := string(buf[:utf8.EncodeRune(buf[:], first)])
		pa, pb := l.words.overlapping(letter)
		for p := pa; p <= pb && p < len(l.pieces); p++ {
			if !pieceNeeded(l.words.commonPrefix(p), q, k) {
				continue
			}
			piece := l.pieces[p]
			if piece == nil {
				n.add(l.words.names[p])
				continue
			}
			lo, hi := piece.prefixRange(letter)
			walkTypos(piece, lo, hi, q, k, visit)
		}
	}
}

// commonPrefix is what every term of shard s begins with: what its first
// term has in common with the next shard's (every string between two
// begins with what they share); "" for the last shard.
func (d *directory) commonPrefix(s int) string {
	if s+1 >= len(d.first) {
		return ""
	}
	a, b := d.first[s], d.first[s+1]
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	for i > 0 && !utf8.RuneStart(a[i]) && i < len(a) { // whole runes only
		i--
	}
	return a[:i]
}

// pieceNeeded reports whether a piece whose terms all begin with prefix
// may hold a term within k edits of q, or one with a prefix that is.
func pieceNeeded(prefix string, q []rune, k int) bool {
	if prefix == "" {
		return true
	}
	p := []rune(prefix)
	m := len(q)
	rows := newOSARows(m)
	for d := 1; d <= len(p); d++ {
		row := rows.next(q, p, d)
		if row[m] <= k {
			return true // q is within k of a prefix: every term is a match
		}
		if rows.mins[d] > k && rows.mins[d-1] >= k {
			return false // as walkTypos prunes
		}
	}
	return true
}

// prefixRange returns the strings of l that begin with prefix, lo up to
// hi, in l's own numbering.
func (l *strList) prefixRange(prefix string) (lo, hi int) {
	return prefixSpan(0, len(l.end), l.at, prefix)
}

// walkTypos walks the terms lo up to hi of a piece as typos describes.
func walkTypos(piece *strList, lo, hi int, q []rune, k int, visit func(term, dist int)) {
	m := len(q)
	rows := newOSARows(m)
	best := []int{m + 1} // best[d]: fewest edits of q against any prefix b[:d'] with d' ≤ d
	var prev, t []rune
	for i := lo; i < hi; {
		t = appendRunes(t[:0], piece.at(i))
		shared := 0
		for shared < len(prev) && shared < len(t) && prev[shared] == t[shared] {
			shared++
		}
		shared = min(shared, len(rows.mins)-1)
		rows.truncate(shared)
		best = best[:shared+1]
		pruned := 0
		for d := shared + 1; d <= len(t); d++ {
			row := rows.next(q, t, d)
			best = append(best, min(best[d-1], row[m]))
			// No later row can come back under k: every cell grows
			// from one of these two rows by at least one edit.
			if rows.mins[d] > k && rows.mins[d-1] >= k {
				pruned = d
				break
			}
		}
		if pruned == 0 && best[len(t)] <= k {
			visit(piece.first+i, best[len(t)])
		}
		prev = append(prev[:0], t[:len(rows.mins)-1]...)
		if pruned > 0 {
			// Every term from here that starts with t[:pruned] shares
			// its fate: a prefix of it is within k edits, or none is.
			term := piece.at(i)
			_, end := piece.prefixRange(term[:runeOffset(term, pruned)])
			end = max(end, i+1)
			if best[pruned] <= k {
				for ; i < end; i++ {
					visit(piece.first+i, best[pruned])
				}
			}
			i = end
			continue
		}
		i++
	}
}

// runeOffset is the byte offset of the n-th rune of s, counting an
// invalid byte as a rune, as appendRunes does.
func runeOffset(s string, n int) int {
	off := 0
	for ; n > 0 && off < len(s); n-- {
		_, w := utf8.DecodeRuneInString(s[off:])
		off += w
	}
	return off
}

func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}
