package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"broadsheet/app/text"
)

// Query is a parsed search: the parts an article must have and the parts
// it must not.
//
//	rahmon likes          both words (each a prefix: "lik" finds likes)
//	"social media likes"  the words next to each other, in this order
//	likes -tajikistan     likes, but not tajikistan
//	-"social media"       not the phrase
//
// Words go through the same text pipeline as the index (text.EachToken),
// so a word that it cuts in several (Kazakh-Russian, 179(3)) is a phrase.
type Query struct {
	Text string
	Must []Part
	Not  []Part
}

// A Part is one word or phrase of a query.
type Part struct {
	Text  string   // as typed, without quotes or minus
	Terms []string // folded, one per word
}

// Phrase reports whether the part is several words that must be adjacent.
func (p Part) Phrase() bool { return len(p.Terms) > 1 }

// Empty reports whether the query asks for nothing.
func (q Query) Empty() bool { return len(q.Must) == 0 }

// Parse reads a query. It never fails: what it cannot read as a word (a
// lone minus, punctuation) it leaves out.
func Parse(s string) Query {
	q := Query{Text: s}
	words := 0 // terms in the parts so far, up to maxParts
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		not := false
		if r == '-' || r == '−' {
			not = true
			i += n
			if i >= len(s) {
				break
			}
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		var raw string
		if close := closingQuote(r); close != 0 {
			// A phrase runs to its closing quote, or to the end of the
			// query while it is being typed.
			i += n
			end := strings.IndexRune(s[i:], close)
			if close == '"' {
				// Typographic quotes close with either the curly or the
				// straight form, as phones type them.
				if e := strings.IndexAny(s[i:], `"”`); e >= 0 && (end < 0 || e < end) {
					end = e
				}
			}
			if end < 0 {
				raw, i = s[i:], len(s)
			} else {
				raw = s[i : i+end]
				_, cn := utf8.DecodeRuneInString(s[i+end:])
				i += end + cn
			}
		} else {
			end := strings.IndexFunc(s[i:], unicode.IsSpace)
			if end < 0 {
				end = len(s) - i
			}
			raw, i = s[i:i+end], i+end
		}
		p := Part{Text: strings.TrimSpace(raw)}
		for t := range text.EachToken(raw) {
			p.Terms = append(p.Terms, t.Term)
		}
		p.Terms = p.Terms[:min(len(p.Terms), maxParts-words)]
		if len(p.Terms) == 0 {
			continue
		}
		words += len(p.Terms)
		if not {
			q.Not = append(q.Not, p)
		} else {
			q.Must = append(q.Must, p)
		}
	}
	return q
}

// maxParts bounds the words of a query, in its parts and phrases
// together: the matcher keeps a bit for each.
const maxParts = 32

// closingQuote gives the quote that closes a phrase opened by r, or 0 if r
// opens none.
func closingQuote(r rune) rune {
	switch r {
	case '"', '“', '”':
		return '"'
	case '„':
		return '“'
	case '«':
		return '»'
	}
	return 0
}

// Words returns the folded words of s, as the index stores them.
func Words(s string) []string {
	var words []string
	for t := range text.EachToken(s) {
		words = append(words, t.Term)
	}
	return words
}
