package search

import (
	"encoding/binary"
	"math/bits"
)

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

// appendBits appends the bits o has written.
func (w *bitWriter) appendBits(o *bitWriter) {
	for _, c := range o.b {
		w.write(uint64(c), 8)
	}
	w.write(o.acc, o.nacc)
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

// peek returns the next bits at the top of a word, and how many of them
// are real (at least 57 away from the end of the stream).
func (r *bitReader) peek() (uint64, uint) {
	i := r.pos >> 3
	if i+8 <= uint(len(r.b)) {
		return binary.BigEndian.Uint64(r.b[i:]) << (r.pos & 7), 64 - r.pos&7
	}
	var w uint64
	for j := uint(0); j < 8; j++ {
		w <<= 8
		if i+j < uint(len(r.b)) {
			w |= uint64(r.b[i+j])
		}
	}
	avail := 8*(uint(len(r.b))-min(i, uint(len(r.b)))) - r.pos&7
	if i >= uint(len(r.b)) {
		avail = 0
	}
	return w << (r.pos & 7), avail
}

func (r *bitReader) bit() uint64 { return r.read(1) }

// read returns the next n bits, n ≤ 32.
func (r *bitReader) read(n uint) uint64 {
	if n == 0 {
		return 0
	}
	w, avail := r.peek()
	if avail < n {
		r.bad = true
		r.pos = 8 * uint(len(r.b))
		return 0
	}
	r.pos += n
	return w >> (64 - n)
}

// unary counts the zeros before the next one. A run longer than any the
// writer makes is damage.
func (r *bitReader) unary() uint64 {
	var q uint64
	for {
		w, avail := r.peek()
		z := uint(bits.LeadingZeros64(w))
		if z < avail {
			r.pos += z + 1
			return q + uint64(z)
		}
		if avail == 0 || q > 1<<20 {
			r.bad = true
			r.pos = 8 * uint(len(r.b))
			return 0
		}
		q += uint64(avail)
		r.pos += avail
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
