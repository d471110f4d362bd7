package events

import (
	"strings"
	"testing"
)

// TestTokenize shows the tokens made around text.EachToken's words: "_"
// marks a spaced token, "#" a number, "." punctuation.
func TestTokenize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"on 1,507 sites", "_on _#1 ., #507 _sites"},
		{"at 10am", "_at _#10 am"},
		{"in May's heat", "_in _May's _heat"},
		{"Rahmon’s visit", "_Rahmon’s _visit"},
		{"the 1990's", "_the _#1990 .' s"},
		{"mid-May 2025", "_mid .- May _#2025"},
		{"a 26-year-old", "_a _#26 .- year .- old"},
		{"O‘zbekiston, O'Brien", "_O‘zbekiston ., _O'Brien"},
		{"в июле 2019 года.", "_в _июле _#2019 _года .."},
		{"(14.05.2025)", "_.( #14 .. #05 .. #2025 .)"},
	} {
		var got []string
		for _, tok := range tokenize([]rune(c.in)) {
			s := ""
			if tok.spaced {
				s = "_"
			}
			switch tok.kind {
			case number:
				s += "#"
			case punct:
				s += "."
			}
			got = append(got, s+tok.text)
			if string([]rune(c.in)[tok.start:tok.end]) != tok.text || tok.lower != strings.ToLower(tok.text) {
				t.Errorf("%q: token %q at %d..%d, lower %q", c.in, tok.text, tok.start, tok.end, tok.lower)
			}
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("tokenize(%q) = %s, want %s", c.in, g, c.want)
		}
	}
}
