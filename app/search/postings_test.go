package search

import (
	"encoding/binary"
	"reflect"
	"testing"
)

func TestMergeLoops(t *testing.T) {
	tests := []struct {
		a, b                       []uint32
		intersect, union, subtract []uint32
	}{
		{nil, nil, nil, nil, nil},
		{[]uint32{1, 2, 3}, nil, nil, []uint32{1, 2, 3}, []uint32{1, 2, 3}},
		{nil, []uint32{1, 2}, nil, []uint32{1, 2}, nil},
		{[]uint32{1, 3, 5}, []uint32{2, 4, 6}, nil, []uint32{1, 2, 3, 4, 5, 6}, []uint32{1, 3, 5}},
		{[]uint32{1, 2, 3}, []uint32{1, 2, 3}, []uint32{1, 2, 3}, []uint32{1, 2, 3}, nil},
		{[]uint32{0, 4, 9, 10}, []uint32{4, 10, 11}, []uint32{4, 10}, []uint32{0, 4, 9, 10, 11}, []uint32{0, 9}},
		{[]uint32{7}, []uint32{1, 2, 3, 7, 100}, []uint32{7}, []uint32{1, 2, 3, 7, 100}, nil},
	}
	norm := func(s []uint32) []uint32 {
		if len(s) == 0 {
			return nil
		}
		return s
	}
	clone := func(s []uint32) []uint32 { return append([]uint32(nil), s...) }
	for _, tt := range tests {
		if got := norm(intersect(clone(tt.a), tt.b)); !reflect.DeepEqual(got, tt.intersect) {
			t.Errorf("intersect(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.intersect)
		}
		if got := norm(union(tt.a, tt.b)); !reflect.DeepEqual(got, tt.union) {
			t.Errorf("union(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.union)
		}
		if got := norm(subtract(clone(tt.a), tt.b)); !reflect.DeepEqual(got, tt.subtract) {
			t.Errorf("subtract(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.subtract)
		}
	}
}

func TestGather(t *testing.T) {
	cands := []uint32{2, 5, 9}
	score := make([]float32, 3)
	gather(cands, score, []uint32{1, 2, 9, 12}, []float32{10, 1, 2, 20})
	gather(cands, score, []uint32{5, 9}, []float32{3, 4})
	if want := []float32{1, 3, 6}; !reflect.DeepEqual(score, want) {
		t.Errorf("gathered %v, want %v", score, want)
	}
}

func TestPostingEntries(t *testing.T) {
	entries := []entry{{0, 0, 1}, {3, 1, 0}, {4, 1, 1}, {300, 2, 7}, {301, 0, 3}}
	var l postingList
	for _, e := range entries {
		l.buf = binary.AppendUvarint(l.buf, uint64(e.doc))
		l.buf = binary.AppendUvarint(l.buf, uint64(e.title))
		l.buf = binary.AppendUvarint(l.buf, uint64(e.body))
		l.df++
	}
	const n = 1000
	var w bitWriter
	w.list(&l, n)
	b := w.flush()
	k := riceParam(n, l.df) // 1000/5 × 0.69 = 138: k = 7
	if k != 7 {
		t.Errorf("Rice parameter = %d, want 7", k)
	}
	// Gaps 1, 3, 1, 296, 1 cost 8, 8, 8, 10 and 8 bits at k = 7; the
	// codes 1, 2, 3, 3+3+5 and 3+1+3 bits.
	if want := (8 + 8 + 8 + 10 + 8 + 1 + 2 + 3 + 11 + 7 + 7) / 8; len(b) != want {
		t.Errorf("encoded in %d bytes (% x), want %d", len(b), b, want)
	}
	read := func(n uint32) []entry {
		r := postingReader{r: bitReader{b: b}, k: k, left: l.df, n: n}
		var got []entry
		for p, ok := r.read(); ok; p, ok = r.read() {
			got = append(got, entry{p.doc, p.title, p.body})
		}
		return got
	}
	if got := read(n); !reflect.DeepEqual(got, entries) {
		t.Errorf("decoded %v, want %v", got, entries)
	}
	// An article number out of range ends the list.
	if got := read(100); len(got) != 3 {
		t.Errorf("read %v below article 100, want 3 entries", got)
	}
	// So does the end of the bytes.
	b = b[:3]
	if got := read(n); len(got) >= 3 {
		t.Errorf("read %v from 3 bytes", got)
	}
}

func TestBitCodes(t *testing.T) {
	var w bitWriter
	for v := uint64(0); v < 300; v++ {
		w.rice(v, uint(v%9))
		w.gamma(v + 1)
		w.unary(v % 40)
		w.write(v, 9)
	}
	r := bitReader{b: w.flush()}
	for v := uint64(0); v < 300; v++ {
		if got := r.rice(uint(v % 9)); got != v {
			t.Fatalf("rice(%d) read back as %d", v, got)
		}
		if got := r.gamma(); got != v+1 {
			t.Fatalf("gamma(%d) read back as %d", v+1, got)
		}
		if got := r.unary(); got != v%40 {
			t.Fatalf("unary(%d) read back as %d", v%40, got)
		}
		if got := r.read(9); got != v {
			t.Fatalf("9 bits of %d read back as %d", v, got)
		}
	}
	if r.bad {
		t.Error("reader went past the end")
	}
	r.read(16)
	if !r.bad {
		t.Error("reading past the end is not reported")
	}
}
