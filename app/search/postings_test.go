package search

import (
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
	var l postingList
	l.last = -1
	l.add(0, 0, 1)                                                 // fields 0
	l.add(3, 1, 0)                                                 // fields 1
	l.add(4, 1, 1)                                                 // fields 2
	l.add(300, 2, 7)                                               // counts follow
	r := postingReader{b: l.buf, n: 301}
	var got []entry
	for p, ok := r.next(); ok; p, ok = r.next() {
		got = append(got, entry{p.doc, p.title, p.body})
	}
	if w := []entry{{0, 0, 1}, {3, 1, 0}, {4, 1, 1}, {300, 2, 7}}; !reflect.DeepEqual(got, w) {
		t.Errorf("decoded %v, want %v", got, w)
	}
	if len(l.buf) != 1+1+1+2+1+1 {
		t.Errorf("encoded in %d bytes (% x), want 7: one per small entry, two for a delta of 296, one per count", len(l.buf), l.buf)
	}
	// An article number out of range ends the list.
	r = postingReader{b: l.buf, n: 100}
	n := 0
	for _, ok := r.next(); ok; _, ok = r.next() {
		n++
	}
	if n != 3 {
		t.Errorf("read %d entries below article 100, want 3", n)
	}
}
