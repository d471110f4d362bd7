package search

import (
	"slices"
	"testing"

	"broadsheet/data/corpus"
)

func TestOSA(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"rahmon", "rahmon", 0},
		{"rahmno", "rahmon", 1}, // transposition
		{"rahmon", "rahmn", 1},  // deletion
		{"rahmon", "rahmoon", 1},
		{"rahmon", "rakmon", 1}, // substitution
		{"rhamon", "rahmon", 1},
		{"arhmon", "rahmon", 1},
		{"ca", "abc", 3}, // OSA, not Damerau: no letter edited twice
		{"telegram", "telegarm", 1},
		{"kitten", "sitting", 3},
		{"", "abc", 3},
		{"рахмон", "рахмно", 1}, // runes, not bytes
	}
	for _, tt := range tests {
		if got := osa([]rune(tt.a), []rune(tt.b)); got != tt.want {
			t.Errorf("osa(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := osa([]rune(tt.b), []rune(tt.a)); got != tt.want {
			t.Errorf("osa(%q, %q) = %d, want %d", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestMaxEdits(t *testing.T) {
	for n, want := range []int{0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2} {
		if got := maxEdits(n); got != want {
			t.Errorf("maxEdits(%d) = %d, want %d", n, got, want)
		}
	}
}

// TestTypoWalk checks the trie walk over the sorted terms against osa on
// every term.
func TestTypoWalk(t *testing.T) {
	c := corpus.Seed(t)
	ix := New(c)
	checkTypos(t, ix, []string{"rahmno", "telegarm", "balayeav", "kazakstan", "lkies", "ctriminal", "decriminalise"})
	// Many word pieces: the pieces left out as too far must hold nothing.
	if bbc, err := corpus.BBC(); err == nil {
		ix := New(bbc)
		if len(ix.lex.pieces) < 4 {
			t.Fatalf("the BBC index has %d word pieces; the test wants several", len(ix.lex.pieces))
		}
		checkTypos(t, ix, []string{"ukriane", "zelenksy", "jonhson", "pirme", "minsiter", "qatra", "energ", "scotalnd", "rbitain", "wlaes"})
	}
}

// checkTypos checks the walk against osa on every term.
func checkTypos(t *testing.T, ix *Index, words []string) {
	t.Helper()
	for _, q := range words {
		qr := []rune(q)
		k := maxEdits(len(qr))
		var got []string
		ix.typos(qr, k, nil, func(term, dist int) { got = append(got, ix.lex.term(term)) })
		var want []string
		for i := range ix.lex.nterms {
			tr := []rune(ix.lex.term(i))
			if tr[0] != qr[0] && tr[0] != qr[1] {
				continue
			}
			if prefixDistance(qr, tr) <= k {
				want = append(want, ix.lex.term(i))
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("typos of %q = %q, want %q", q, got, want)
		}
		if len(want) == 0 {
			t.Errorf("typos of %q found nothing; the test means to find something", q)
		}
	}
}
