package timeline

import "unicode"

// Sentence is one sentence of an article's body, in rune offsets into the
// body, End exclusive. Its Index counts sentences from the start of the
// body; the article page renders it as the anchor "s-<Index>", which is
// how an event links to the sentence it came from.
type Sentence struct {
	Index      int
	Start, End int
	// Paragraph is the index of the paragraph (blank-line separated) that
	// holds the sentence.
	Paragraph int
}

// Sentences splits a body into sentences. Build-time extraction and the
// article page both call it, so an event's sentence index finds the same
// sentence in the browser.
//
// A sentence ends at . ! ? or … (with any closing quotes or brackets after
// it) followed by a space and something that can start a sentence: an
// upper-case letter, a digit or an opening quote. A blank line always ends
// one. Abbreviations that are usually followed by a name ("Mr.", "Dr.",
// "U.S.") and single initials do not end a sentence.
func Sentences(body []rune) []Sentence {
	var out []Sentence
	para := 0
	start := skipSpace(body, 0)
	emit := func(end int) {
		e := end
		for e > start && unicode.IsSpace(body[e-1]) {
			e--
		}
		if e > start {
			out = append(out, Sentence{Index: len(out), Start: start, End: e, Paragraph: para})
		}
	}
	for i := start; i < len(body); i++ {
		r := body[i]
		if r == '\n' && blankLineAt(body, i) {
			emit(i)
			if len(out) > 0 && out[len(out)-1].Paragraph == para {
				para++
			}
			start = skipSpace(body, i)
			i = start - 1
			continue
		}
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		end := i + 1
		for end < len(body) && isCloser(body[end]) {
			end++
		}
		if end >= len(body) || !unicode.IsSpace(body[end]) {
			continue
		}
		next := skipSpace(body, end)
		if next >= len(body) || !startsSentence(body[next]) {
			continue
		}
		if r == '.' && abbreviationBefore(body, start, i) {
			continue
		}
		emit(end)
		if blankLineBetween(body, end, next) {
			para++
		}
		start = next
		i = next - 1
	}
	emit(len(body))
	return out
}

func skipSpace(b []rune, i int) int {
	for i < len(b) && unicode.IsSpace(b[i]) {
		i++
	}
	return i
}

// blankLineAt reports whether a blank line starts at the newline b[i].
func blankLineAt(b []rune, i int) bool {
	for j := i + 1; j < len(b); j++ {
		switch {
		case b[j] == '\n':
			return true
		case !unicode.IsSpace(b[j]):
			return false
		}
	}
	return false
}

func blankLineBetween(b []rune, from, to int) bool {
	n := 0
	for _, r := range b[from:to] {
		if r == '\n' {
			n++
		}
	}
	return n >= 2
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', ')', ']':
		return true
	}
	return false
}

func startsSentence(r rune) bool {
	switch r {
	case '"', '“', '‘', '«', '(', '\'', '—', '–':
		return true
	}
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// abbreviations do not end a sentence when a dot follows them.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"gen": true, "col": true, "lt": true, "sgt": true, "capt": true, "rev": true,
	"sen": true, "rep": true, "gov": true, "pres": true, "jr": true, "sr": true,
	"no": true, "nos": true, "vs": true, "etc": true, "e.g": true, "i.e": true,
	"u.s": true, "u.k": true, "u.n": true, "e.u": true, "jan": true, "feb": true,
	"mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "г": true, "гг": true,
	"им": true, "т.е": true, "т.д": true, "т.п": true, "ул": true,
}

// abbreviationBefore reports whether the word ending at the dot b[dot] is
// an abbreviation or a single initial.
func abbreviationBefore(b []rune, from, dot int) bool {
	i := dot
	for i > from && (unicode.IsLetter(b[i-1]) || (b[i-1] == '.' && i-1 > from && unicode.IsLetter(b[i-2]))) {
		i--
	}
	word := string(b[i:dot])
	if word == "" {
		return false
	}
	if len([]rune(word)) == 1 && unicode.IsUpper([]rune(word)[0]) {
		return true // an initial: "J. Smith"
	}
	return abbreviations[toLower(word)]
}

func toLower(s string) string {
	r := []rune(s)
	for i := range r {
		r[i] = unicode.ToLower(r[i])
	}
	return string(r)
}
