package events

import (
	"strings"
	"unicode"
)

type tokenKind uint8

const (
	word tokenKind = iota
	number
	punct
)

// token is a word, a run of digits or one punctuation mark of a sentence,
// with its rune offsets in the sentence.
type token struct {
	text, lower string
	kind        tokenKind
	start, end  int
	// spaced reports whitespace before the token: "1,507" is three tokens
	// with none, which is how a year is told from part of a number.
	spaced bool
}

// tokenize splits a sentence into tokens. An apostrophe inside a word
// stays in it ("Rahmon's"); a hyphen is a token of its own, so "mid-May"
// and "26-year-old" are seen word by word.
func tokenize(s []rune) []token {
	var toks []token
	spaced := true
	for i := 0; i < len(s); {
		r := s[i]
		switch {
		case unicode.IsSpace(r):
			spaced = true
			i++
			continue
		case unicode.IsDigit(r):
			j := i
			for j < len(s) && unicode.IsDigit(s[j]) {
				j++
			}
			toks = append(toks, token{text: string(s[i:j]), kind: number, start: i, end: j, spaced: spaced})
			i = j
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			j := i
			for j < len(s) && (unicode.IsLetter(s[j]) || unicode.Is(unicode.Mn, s[j]) ||
				(isApostrophe(s[j]) && j+1 < len(s) && unicode.IsLetter(s[j+1]) && j > i)) {
				j++
			}
			t := string(s[i:j])
			toks = append(toks, token{text: t, lower: strings.ToLower(t), kind: word, start: i, end: j, spaced: spaced})
			i = j
		default:
			toks = append(toks, token{text: string(r), lower: string(r), kind: punct, start: i, end: i + 1, spaced: spaced})
			i++
		}
		spaced = false
	}
	for i := range toks {
		if toks[i].lower == "" {
			toks[i].lower = toks[i].text
		}
	}
	return toks
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isDash(t *token) bool {
	return t.kind == punct && (t.text == "-" || t.text == "–" || t.text == "—")
}
