package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"broadsheet/app/text"
)

// A token is a word of an article's title or body as the name finders see
// it: text's token (folded term, rune offsets) with what the capitals and
// the punctuation around it say.
type token struct {
	text.Token
	surface string // the word as written
	gap     string // the text between the previous word and this one
	cap     bool   // starts with an upper-case letter
	caps    bool   // two or more letters, all upper case: an acronym
	letters bool   // letters only (apostrophes inside allowed), no digits
	// key is text.Key of the term; loose is the key of the term without a
	// Russian case ending, for a word with Cyrillic letters (Таджикистане,
	// Рахмона), and the key itself otherwise.
	key, loose string
}

// scan cuts s into tokens with text.EachToken, the same tokenizer the
// search index uses, so that mention offsets are the index's.
func scan(s string) []token {
	out := make([]token, 0, len(s)/6+1)
	runes := []rune(s)
	prevEnd := 0
	for t := range text.EachToken(s) {
		surface := string(runes[t.Start:t.End])
		tok := token{Token: t, surface: surface, gap: string(runes[prevEnd:t.Start])}
		first, _ := utf8.DecodeRuneInString(surface)
		tok.cap = unicode.IsUpper(first)
		upper, lower, digits := 0, 0, 0
		for _, r := range surface {
			switch {
			case unicode.IsUpper(r):
				upper++
			case unicode.IsLower(r):
				lower++
			case unicode.IsDigit(r):
				digits++
			}
		}
		tok.caps = upper >= 2 && lower == 0
		tok.letters = digits == 0
		tok.key = text.Key(t.Term)
		tok.loose = tok.key
		if text.HasCyrillic(surface) {
			tok.loose = text.Key(russianStem(t.Term))
		}
		out = append(out, tok)
		prevEnd = t.End
	}
	return out
}

// russianEndings are the case and adjective endings of Russian nouns,
// names and adjectives, transliterated as text.Fold writes them, longest
// first: Таджикистане, Рахмона, таджикского, России all lose theirs.
var russianEndings = []string{
	"iyami", "iyakh", "yami", "yakh", "iyey", "iyu", "iya", "iye", "ogo", "ego", "omu", "emu", "ykh", "ikh", "ymi", "imi",
	"aya", "oye", "uyu", "ami", "akh", "iy", "yy", "oy", "ey", "om", "em", "ym", "im", "ii", "ie", "ya", "yu",
	"a", "u", "e", "y", "i", "o",
}

// russianStem takes a Russian ending off a folded word, keeping at least
// four letters of stem, so that short words (Баку, Мары) stay whole.
func russianStem(term string) string {
	for _, e := range russianEndings {
		if len(term)-len(e) >= 4 && strings.HasSuffix(term, e) {
			return term[:len(term)-len(e)]
		}
	}
	return term
}

// plainGap reports whether the text between two words keeps them in one
// name: spaces, or a hyphen with none (Kassym-Jomart, Paris-Le Bourget).
func plainGap(gap string) bool {
	if gap == "" {
		return false
	}
	if gap == "-" || gap == "‐" || gap == "–" {
		return true
	}
	for _, r := range gap {
		if r != ' ' && r != '\u00a0' {
			return false
		}
	}
	return len(gap) <= 2
}

// spaceGap reports whether two words stand side by side with only a space
// between them.
func spaceGap(gap string) bool {
	return gap == " " || gap == "\u00a0"
}
