package search

import "math/bits"

// Posting lists are written as bit streams (see write.go): Rice codes for
// the gaps between articles and a short prefix code for where the term
// stands. bitWriter and bitReader write and read them, most significant
// bit first.

type bitWriter struct {
	b    []byte
	acc  uint64 // bits not yet in b, right-aligned
	nacc uint   // how many
}

// write appends the n low bits of v, n ≤ 32.
func (w *bitWriter) write(v uint64, n uint) {
	w.acc = w.acc<<n | v&(1<<n-1)
	w.nacc += n
	for w.nacc >= 8 {
		w.nacc -= 8
		w.b = append(w.b, byte(w.acc>>w.nacc))
	}
}

// len is the number of bits written.
func (w *bitWriter) len() int { return 8*len(w.b) + int(w.nacc) }

// unary appends q zeros and a one.
func (w *bitWriter) unary(q uint64) {
	for ; q >= 16; q -= 16 {
		w.write(0, 16)
	}
	w.write(1, uint(q)+1)
}

// rice appends v as a Rice code with parameter k: v>>k in unary, then the
// k low bits.
func (w *bitWriter) rice(v uint64, k uint) {
	w.unary(v >> k)
	w.write(v, k)
}

// gamma appends v ≥ 1 as an Elias gamma code.
func (w *bitWriter) gamma(v uint64) {
	n := uint(bits.Len64(v))
	w.unary(uint64(n - 1))
	w.write(v, n-1)
}

// flush pads the last byte with zeros and returns the stream.
func (w *bitWriter) flush() []byte {
	if w.nacc > 0 {
		w.write(0, 8-w.nacc)
	}
	return w.b
}

// bitReader reads what bitWriter wrote. Reading past the end sets bad and
// returns zeros, so a damaged list ends instead of crashing.
type bitReader struct {
	b   []byte
	pos uint // next bit
	bad bool
}

func (r *bitReader) bit() uint64 {
	i := r.pos >> 3
	if i >= uint(len(r.b)) {
		r.bad = true
		return 0
	}
	v := uint64(r.b[i]>>(7-r.pos&7)) & 1
	r.pos++
	return v
}

// read returns the next n bits, n ≤ 32.
func (r *bitReader) read(n uint) uint64 {
	var v uint64
	for n > 0 {
		i := r.pos >> 3
		if i >= uint(len(r.b)) {
			r.bad = true
			return 0
		}
		avail := 8 - r.pos&7 // bits left in this byte
		take := min(avail, n)
		v = v<<take | uint64(r.b[i]>>(avail-take))&(1<<take-1)
		r.pos += take
		n -= take
	}
	return v
}

// unary counts the zeros before the next one. A run longer than any the
// writer makes is damage.
func (r *bitReader) unary() uint64 {
	var q uint64
	for {
		i := r.pos >> 3
		if i >= uint(len(r.b)) || q > 1<<20 {
			r.bad = true
			return 0
		}
		// The zeros left in this byte, from the reading position.
		rest := r.b[i] << (r.pos & 7)
		if rest == 0 {
			q += uint64(8 - r.pos&7)
			r.pos += 8 - r.pos&7
			continue
		}
		z := uint(bits.LeadingZeros8(rest))
		q += uint64(z)
		r.pos += z + 1
		return q
	}
}

func (r *bitReader) rice(k uint) uint64 {
	q := r.unary()
	return q<<k | r.read(k)
}

func (r *bitReader) gamma() uint64 {
	n := r.unary()
	if n > 32 {
		r.bad = true
		return 0
	}
	return 1<<n | r.read(uint(n))
}

// riceParam is the Rice parameter for a list of df articles out of n:
// about log2 of the mean gap times ln 2, the best for gaps spread at
// random. Writer and reader both compute it, so it is not stored.
func riceParam(n, df int) uint {
	if df <= 0 || n <= df {
		return 0
	}
	mean := float64(n) / float64(df) * 0.69
	k := uint(0)
	for float64(uint64(1)<<(k+1)) <= mean && k < 30 {
		k++
	}
	return k
}
