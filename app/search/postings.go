package search

import "encoding/binary"

// A posting is one decoded entry of a term's list: an article and how
// often the term occurs in its title and its body.
type posting struct {
	doc         uint32
	title, body uint32
}

// postingReader walks one encoded posting list (see write.go). It stops at
// the end of the list, at a malformed entry and at an article number that
// is not below n, so a damaged list can shorten results but never crash.
type postingReader struct {
	b   []byte
	doc uint32
	n   uint32
	ok  bool // an entry has been read
}

func (r *postingReader) next() (posting, bool) {
	v, k := binary.Uvarint(r.b)
	if k <= 0 {
		return posting{}, false
	}
	r.b = r.b[k:]
	delta := uint32(v >> 2)
	if r.ok {
		r.doc += delta
	} else {
		r.doc, r.ok = delta, true
	}
	p := posting{doc: r.doc}
	switch v & 3 {
	case fieldsBody:
		p.body = 1
	case fieldsTitle:
		p.title = 1
	case fieldsBoth:
		p.title, p.body = 1, 1
	case fieldsExplicit:
		t, k1 := binary.Uvarint(r.b)
		if k1 <= 0 {
			return posting{}, false
		}
		b, k2 := binary.Uvarint(r.b[k1:])
		if k2 <= 0 {
			return posting{}, false
		}
		r.b = r.b[k1+k2:]
		p.title, p.body = uint32(t), uint32(b)
	}
	if p.doc >= r.n {
		return posting{}, false
	}
	return p, true
}

// The merge loops below take lists of article numbers in increasing order
// and return one in increasing order. Each walks its inputs once; i and j
// are the first entries of a and b not yet decided.

// intersect returns the articles in both a and b. It writes into a's
// storage, which it may do because it never writes ahead of i.
func intersect(a, b []uint32) []uint32 {
	out := a[:0]
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// union returns the articles in a or b, in new storage.
func union(a, b []uint32) []uint32 {
	out := make([]uint32, 0, max(len(a), len(b)))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			out = append(out, a[i])
			i++
		case a[i] > b[j]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// subtract returns the articles in a but not in b, in a's storage.
func subtract(a, b []uint32) []uint32 {
	out := a[:0]
	j := 0
	for _, d := range a {
		for j < len(b) && b[j] < d {
			j++
		}
		if j == len(b) || b[j] != d {
			out = append(out, d)
		}
	}
	return out
}

// gather adds to score[i] the weight w[j] of every docs[j] that equals
// cands[i]: it carries a part's score over to the candidates.
func gather(cands []uint32, score []float32, docs []uint32, w []float32) {
	j := 0
	for i, d := range cands {
		for j < len(docs) && docs[j] < d {
			j++
		}
		if j == len(docs) {
			return
		}
		if docs[j] == d {
			score[i] += w[j]
		}
	}
}
