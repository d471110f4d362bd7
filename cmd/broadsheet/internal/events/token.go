package events

import (
	"strings"
	"unicode"

	"broadsheet/app/text"
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

// tokenize cuts a sentence into the patterns' tokens. The words are
// text.EachToken's, as the search index and the entity finder cut them;
// the patterns need finer tokens, made around them:
//   - a word is split where letters meet digits ("10am" is 10 and am) and
//     at the thousands comma text keeps inside a number ("1,507" is 1, a
//     comma and 507);
//   - an apostrophe stays in a word only between letters ("O'Brien"); the
//     English possessive, which text leaves out of its word, is put back
//     ("May's" is not the month);
//   - every other character between words is a punctuation token of its
//     own: a hyphen too, so that "mid-May" and "26-year-old" are read word
//     by word.
func tokenize(s []rune) []token {
	var toks []token
	spaced := true
	add := func(kind tokenKind, start, end int) {
		t := string(s[start:end])
		lower := t
		if kind == word {
			lower = strings.ToLower(t)
		}
		toks = append(toks, token{text: t, lower: lower, kind: kind, start: start, end: end, spaced: spaced})
		spaced = false
	}
	// between adds the tokens of s[from:to], the text between two words.
	between := func(from, to int) {
		if possessive(s, from, to) {
			if last := &toks[len(toks)-1]; last.kind == word { // the end of the word it was cut off
				last.end = from + 2
				last.text = string(s[last.start:last.end])
				last.lower = strings.ToLower(last.text)
			} else {
				add(punct, from, from+1) // "1990's": a number has no possessive
				add(word, from+1, from+2)
			}
			from += 2
		}
		for i := from; i < to; i++ {
			if unicode.IsSpace(s[i]) {
				spaced = true
			} else {
				add(punct, i, i+1)
			}
		}
	}
	// split adds the tokens of text's word s[from:to]: runs of digits,
	// runs of letters (with their marks, and apostrophes between letters),
	// and the commas and apostrophes left between them.
	split := func(from, to int) {
		for i := from; i < to; {
			j := i + 1
			switch r := s[i]; {
			case unicode.IsDigit(r):
				for j < to && unicode.IsDigit(s[j]) {
					j++
				}
				add(number, i, j)
			case r == ',' || text.IsApostrophe(r):
				add(punct, i, j)
			default:
				for j < to && !unicode.IsDigit(s[j]) && s[j] != ',' &&
					(!text.IsApostrophe(s[j]) || j+1 < to && unicode.IsLetter(s[j+1])) {
					j++
				}
				add(word, i, j)
			}
			i = j
		}
	}
	at := 0
	for w := range text.EachToken(string(s)) {
		between(at, w.Start)
		split(w.Start, w.End)
		at = w.End
	}
	between(at, len(s))
	return toks
}

// possessive reports whether the text after a word, s[from:to], opens
// with the English possessive ('s or ’s) that text.EachToken cut off it.
func possessive(s []rune, from, to int) bool {
	return from > 0 && to-from >= 2 && (s[from] == '\'' || s[from] == '’') && (s[from+1] == 's' || s[from+1] == 'S')
}

func isDash(t *token) bool {
	return t.kind == punct && (t.text == "-" || t.text == "–" || t.text == "—")
}
