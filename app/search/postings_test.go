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
	type entry struct {
		doc uint32
		sym byte
	}
	entries := []entry{{0, 3}, {3, 40}, {4, 3}, {300, 7}, {301, 3}}
	var l postingList
	for _, e := range entries {
		l.buf = append(binary.AppendUvarint(l.buf, uint64(e.doc)), e.sym)
		l.df++
	}
	// Symbol 3 has the first code, 7 the second, 40 the third.
	var rank [2 * impactLevels]uint64
	rank[3], rank[7], rank[40] = 0, 1, 2
	symbols := []impactSymbol{{ratio: impactRatio(3)}, {ratio: impactRatio(7)}, {ratio: impactRatio(8), title: true}}
	const n = 1000
	var w bitWriter
	w.list(&l, n, &rank)
	b := w.flush()
	k := riceParam(n, l.df) // 1000/5 × 0.69 = 138: k = 7
	if k != 7 {
		t.Errorf("Rice parameter = %d, want 7", k)
	}
	// Gaps 1, 3, 1, 296, 1 cost 8, 8, 8, 10 and 8 bits at k = 7; the
	// codes of ranks 0, 2, 0, 1, 0 are gamma(1, 3, 1, 2, 1): 1, 3, 1, 3
	// and 1 bits.
	if want := (8 + 8 + 8 + 10 + 8 + 1 + 3 + 1 + 3 + 1 + 7) / 8; len(b) != want {
		t.Errorf("encoded in %d bytes (% x), want %d", len(b), b, want)
	}
	read := func(n uint32, symbols []impactSymbol) []posting {
		r := postingReader{r: bitReader{b: b}, k: k, left: l.df, n: n, symbols: symbols}
		var got []posting
		for p, ok := r.read(); ok; p, ok = r.read() {
			got = append(got, p)
		}
		return got
	}
	want := []posting{{0, symbols[0]}, {3, symbols[2]}, {4, symbols[0]}, {300, symbols[1]}, {301, symbols[0]}}
	if got := read(n, symbols); !reflect.DeepEqual(got, want) {
		t.Errorf("decoded %v, want %v", got, want)
	}
	// An article number out of range ends the list.
	if got := read(100, symbols); len(got) != 3 {
		t.Errorf("read %v below article 100, want 3 entries", got)
	}
	// So does a code the head has no symbol for.
	if got := read(n, symbols[:2]); len(got) != 1 {
		t.Errorf("read %v with two symbols, want the entry before the third", got)
	}
	// So does the end of the bytes.
	b = b[:3]
	if got := read(n, symbols); len(got) >= 3 {
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
