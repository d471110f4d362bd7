package text

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []Token
	}{
		{"", nil},
		{" -- , ", nil},
		{"Rahmon said", []Token{{"rahmon", 0, 6}, {"said", 7, 11}}},
		// Offsets count runes: each Cyrillic letter is one, though two bytes.
		{"Эмомали Рахмон", []Token{{"emomali", 0, 7}, {"rakhmon", 8, 14}}},
		{"«Рахмон»,", []Token{{"rakhmon", 1, 7}}},
		{"Farҳod Odinaev", []Token{{"farhod", 0, 6}, {"odinaev", 7, 14}}},
		// Apostrophes inside a word are dropped; at its edges they separate.
		{"O‘zbekiston", []Token{{"ozbekiston", 0, 11}}},
		{"Oʻzbekiston Gʻafur", []Token{{"ozbekiston", 0, 11}, {"gafur", 12, 18}}},
		{"‘likes’", []Token{{"likes", 1, 6}}},
		{"'O'Brien'", []Token{{"obrien", 1, 8}}},
		{"rock 'n' roll", []Token{{"rock", 0, 4}, {"n", 6, 7}, {"roll", 9, 13}}},
		// The possessive ends the word before its apostrophe.
		{"Rahmon’s remarks", []Token{{"rahmon", 0, 6}, {"remarks", 9, 16}}},
		{"Tajikistan's", []Token{{"tajikistan", 0, 10}}},
		{"Uzbekistan’sk", []Token{{"uzbekistansk", 0, 13}}},
		// Hyphens and brackets split.
		{"Kassym-Jomart", []Token{{"kassym", 0, 6}, {"jomart", 7, 13}}},
		{"179(3) and 307(1)", []Token{{"179", 0, 3}, {"3", 4, 5}, {"and", 7, 10}, {"307", 11, 14}, {"1", 15, 16}}},
		// Thousands separators join; other commas and full stops split.
		{"1,507 people", []Token{{"1507", 0, 5}, {"people", 6, 12}}},
		{"2,000,000", []Token{{"2000000", 0, 9}}},
		{"3,5 and 3.5", []Token{{"3", 0, 1}, {"5", 2, 3}, {"and", 4, 7}, {"3", 8, 9}, {"5", 10, 11}}},
		{"1,5070", []Token{{"1", 0, 1}, {"5070", 2, 6}}},
		{"10, 000", []Token{{"10", 0, 2}, {"000", 4, 7}}},
		{"a,507", []Token{{"a", 0, 1}, {"507", 2, 5}}},
		// Compatibility forms fold; the span is the original characters.
		{"ﬁnance", []Token{{"finance", 0, 6}}},
		{"Ｔａｊｉｋ", []Token{{"tajik", 0, 5}}},
		{"e\u0301te\u0301!", []Token{{"ete", 0, 5}}},
		// Symbols and emoji separate words.
		{"likes👍reposts", []Token{{"likes", 0, 5}, {"reposts", 6, 13}}},
		{"\u0301", nil}, // a lone accent folds to nothing
		{"TikTok’а", []Token{{"tiktoka", 0, 8}}},
	}
	for _, tt := range tests {
		if got := Tokens(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokens(%q) =\n\t%v\nwant\n\t%v", tt.in, got, tt.want)
		}
	}
}

// TestTokenSpans checks, over the mixed-language fixture, that every
// token's span holds the text it was folded from and nothing else.
func TestTokenSpans(t *testing.T) {
	text := readFixture(t, "testdata/mixed.txt")
	runes := []rune(text)
	tokens := Tokens(text)
	if len(tokens) < 300 {
		t.Fatalf("only %d tokens in the fixture", len(tokens))
	}
	last := 0
	for _, tok := range tokens {
		if tok.Start < last || tok.End <= tok.Start || tok.End > len(runes) {
			t.Fatalf("token %v out of order or out of range", tok)
		}
		last = tok.End
		span := string(runes[tok.Start:tok.End])
		if got := Fold(span); got != tok.Term {
			t.Errorf("token %v: Fold(%q) = %q", tok, span, got)
		}
		if HasCyrillic(tok.Term) || strings.ContainsAny(tok.Term, " '’ʻ") {
			t.Errorf("token %v: term not folded", tok)
		}
	}
}

func TestEachTokenStops(t *testing.T) {
	n := 0
	for range EachToken("one two three four") {
		n++
		if n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("EachToken went on after break: %d tokens", n)
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Rahmon", "rahmon"},
		{"  Emomali   RAHMON ", "emomali rahmon"},
		{"Рахмон", "rakhmon"},
		{"Фарҳод Одинаев", "farhod odinayev"},
		{"O‘zbekiston's  Şəhər", "ozbekiston sahar"},
		{"Kassym-Jomart Tokayev", "kassym jomart tokayev"},
		{"Ｔａｊｉｋｉｓｔａｎ’s ﬁrst", "tajikistan first"},
		{"Straße, Łódź, Ørsted", "strasse lodz orsted"},
		{"1,507 people", "1507 people"},
		{"— «»", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTokensAllocations checks that tokenizing allocates per term that
// differs from its text, not per character: lower-case ASCII words are
// substrings of the input.
func TestTokensAllocations(t *testing.T) {
	plain := strings.Repeat("likes on social media were a crime in 2024 ", 50)
	allocs := testing.AllocsPerRun(20, func() {
		for range EachToken(plain) {
		}
	})
	if allocs > 3 {
		t.Errorf("EachToken of lower-case ASCII text: %v allocations, want at most 3", allocs)
	}
	mixed := strings.Repeat("Эмомали Рахмон said ", 50)
	allocs = testing.AllocsPerRun(20, func() {
		for range EachToken(mixed) {
		}
	})
	if max := 100.0 + 10; allocs > max { // one per folded Cyrillic and capitalized term
		t.Errorf("EachToken of mixed text: %v allocations, want at most %v", allocs, max)
	}
}

func readFixture(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func BenchmarkTokens(b *testing.B) {
	text := readFixture(b, "testdata/mixed.txt")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Tokens(text)
	}
}

func BenchmarkEachToken(b *testing.B) {
	text := readFixture(b, "testdata/mixed.txt")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		for range EachToken(text) {
		}
	}
}
