package search

// A posting is one decoded entry of a term's list: an article, the term's
// weight in it and whether it is in its title.
type posting struct {
	doc uint32
	impactSymbol
}

// postingReader walks one encoded posting list (see write.go). It stops
// after df entries, at the end of the bytes, at an article number that is
// not below n and at a code the head has no symbol for, so a damaged list
// can shorten results but never crash.
type postingReader struct {
	r       bitReader
	k       uint
	left    int    // entries not yet read
	next    uint32 // article number the next gap counts from
	n       uint32
	symbols []impactSymbol
}

// postingsFrom reads local term i's list from bit start of the chunk's
// postings.
func (c *termChunk) postingsFrom(i, start, n int, symbols []impactSymbol) postingReader {
	df := int(c.num[i])
	return postingReader{r: bitReader{b: c.postings, pos: uint(start)}, k: riceParam(n, df), left: df, n: uint32(n), symbols: symbols}
}

func (pr *postingReader) read() (posting, bool) {
	if pr.left <= 0 {
		return posting{}, false
	}
	pr.left--
	r := &pr.r
	p := posting{doc: pr.next + uint32(r.rice(pr.k))}
	pr.next = p.doc + 1
	rank := r.gamma() - 1
	if pr.symbols != nil {
		if rank >= uint64(len(pr.symbols)) {
			r.bad = true
		} else {
			p.impactSymbol = pr.symbols[rank]
		}
	}
	if r.bad || p.doc >= pr.n {
		pr.left = 0
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
