package text

import (
	"iter"
	"strings"
	"unicode/utf8"
)

// A Token is one word of a text: its folded Term, as the index stores it,
// and where it stands in the original string. Start and End count runes
// (characters, not bytes) because the UI highlights by them; End is
// exclusive.
type Token struct {
	Term       string
	Start, End int
}

// Tokens cuts s into words and folds each one; see EachToken for what a
// word is.
func Tokens(s string) []Token {
	// English averages a word per six bytes; Cyrillic text, at two bytes a
	// letter, fewer.
	tokens := make([]Token, 0, len(s)/6+1)
	for t := range EachToken(s) {
		tokens = append(tokens, t)
	}
	if len(tokens) == 0 {
		return nil
	}
	return tokens
}

// EachToken yields the words of s in order, each with its folded term and
// its rune offsets in s. It allocates only the terms that differ from the
// text they come from (a lower-case ASCII word is a substring of s).
//
// A word is a run of letters, digits and combining marks. Inside a word:
//   - an apostrophe-like character (' ’ ‘ ʼ ʻ ʹ ` ´ ʾ ʿ) between two word
//     characters belongs to the word and is dropped from the term, so
//     O‘zbekiston, Oʻzbekiston and O'zbekiston all give ozbekiston;
//   - the English possessive ’s or 's ends the word before the apostrophe
//     (Rahmon’s gives rahmon, its span covering Rahmon);
//   - a comma between digits followed by exactly three digits is a
//     thousands separator: 1,507 is one word, 1507. Any other comma, full
//     stop, hyphen, bracket or space ends the word: 179(3) gives 179 and 3,
//     3.5 gives 3 and 5, Kazakh-Russian gives kazakh and russian.
//
// Words whose term folds to nothing (a lone combining mark) are skipped.
func EachToken(s string) iter.Seq[Token] {
	return func(yield func(Token) bool) {
		var z tokenizer
		z.scan(s, yield)
	}
}

// Fold is the whole normalization of s as the index sees it: the terms of
// its words, lower-case, accent-free and in Latin letters, joined by single
// spaces. Fold("Рахмон") is "rakhmon", Fold("O‘zbekiston's  Şəhər") is
// "ozbekiston sahar".
func Fold(s string) string {
	var b strings.Builder
	for t := range EachToken(s) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Term)
	}
	return b.String()
}

// tokenizer holds the scratch buffers that folding reuses from word to
// word, so that scanning allocates nothing per character.
type tokenizer struct {
	word    []byte
	scratch [2][]byte
}

func (z *tokenizer) scan(s string, yield func(Token) bool) {
	pos := 0 // rune offset of s[i:]
	for i := 0; i < len(s); {
		r, n := decodeRune(s, i)
		if !isWordRune(r) || isApostrophe(r) {
			i += n
			pos++
			continue
		}

		// The word starts at i; j and p run to its end.
		start, startPos := i, pos
		j, p := i+n, pos+1
		plain := isPlainRune(r)                       // only a-z and 0-9 so far
		ascii := r < utf8.RuneSelf                    // only ASCII so far
		digits := '0' <= r && r <= '9'                // only digits and separators so far
		cyrillic := ascii || isCyrillicLetterBlock(r) // only ASCII and Cyrillic letters so far
		next := -1                                    // where scanning resumes, if not at j
	word:
		for j < len(s) {
			r, n := decodeRune(s, j)
			switch {
			case isApostrophe(r):
				if j+n >= len(s) {
					break word
				}
				r2, n2 := decodeRune(s, j+n)
				if !isWordRune(r2) || isApostrophe(r2) {
					break word
				}
				if isPossessive(s, j, r, r2, n+n2) {
					next = j + n + n2
					break word
				}
				j, p = j+n+n2, p+2
				plain, digits = false, false
				ascii = ascii && r < utf8.RuneSelf && r2 < utf8.RuneSelf
				cyrillic = cyrillic && r < utf8.RuneSelf && (r2 < utf8.RuneSelf || isCyrillicLetterBlock(r2))
			case r == ',' && digits && isThousands(s[j+1:]):
				j, p = j+4, p+4
				plain = false
			case isWordRune(r):
				j, p = j+n, p+1
				plain = plain && isPlainRune(r)
				ascii = ascii && r < utf8.RuneSelf
				digits = digits && '0' <= r && r <= '9'
				cyrillic = cyrillic && (r < utf8.RuneSelf || isCyrillicLetterBlock(r))
			default:
				break word
			}
		}
		t := Token{Start: startPos, End: p}
		switch word := s[start:j]; {
		case plain:
			t.Term = word
		case ascii:
			z.word = append(z.word[:0], word...)
			t.Term = string(asciiTermChain.run(&z.scratch, z.word))
		case cyrillic:
			z.word = append(z.word[:0], word...)
			t.Term = string(cyrillicTermChain.run(&z.scratch, z.word))
		default:
			z.word = append(z.word[:0], word...)
			t.Term = string(termChain.run(&z.scratch, z.word))
		}
		if t.Term != "" && !yield(t) {
			return
		}
		i, pos = j, p
		if next >= 0 {
			pos += utf8.RuneCountInString(s[j:next])
			i = next
		}
	}
}

func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// isPlainRune reports whether r is a lower-case ASCII letter or a digit: a
// word of only those is its own term.
func isPlainRune(r rune) bool {
	return 'a' <= r && r <= 'z' || '0' <= r && r <= '9'
}

// IsApostrophe and InWord say what the tokenizer keeps inside a word, for
// code that must cut words as EachToken does (the quick search's tables).
func IsApostrophe(r rune) bool { return isApostrophe(r) }

// InWord reports whether r can stand inside a word: a word character, or
// an apostrophe between two of them.
func InWord(r rune) bool { return isWordRune(r) || isApostrophe(r) }

// isApostrophe reports whether r is one of the characters written for an
// apostrophe: inside a word they mark an elision (O'Brien) or a letter of
// Uzbek and Turkmen Latin (oʻ gʻ), or transcribe the Arabic ʿayn and hamza.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', 'ʻ', 'ʹ', 'ʽ', 'ʾ', 'ʿ', '`', '´', '′':
		return true
	}
	return false
}

// isPossessive reports whether the apostrophe r at s[j:], followed by r2,
// is the English possessive: ' or ’, then s, then the end of the word.
// width covers the apostrophe and the s.
func isPossessive(s string, j int, r, r2 rune, width int) bool {
	if r != '\'' && r != '’' || r2 != 's' && r2 != 'S' {
		return false
	}
	if k := j + width; k < len(s) {
		after, _ := decodeRune(s, k)
		return !isWordRune(after)
	}
	return true
}

// isThousands reports whether rest, the text after a comma that follows a
// digit, starts with exactly three digits: the comma then separates
// thousands.
func isThousands(rest string) bool {
	if len(rest) < 3 {
		return false
	}
	for k := 0; k < 3; k++ {
		if rest[k] < '0' || rest[k] > '9' {
			return false
		}
	}
	return len(rest) == 3 || rest[3] < '0' || rest[3] > '9'
}
