package text

import (
	"unicode"
	"unicode/utf8"

	// norm costs about 150 KB of wasm (50 KB gzipped), measured with
	// GOOS=js GOARCH=wasm go build on a program with and without it. It buys
	// correct NFKC and NFD for every script; the hand-written alternative is
	// a decomposition table for a few thousand letters.
	"golang.org/x/text/unicode/norm"
)

// A stage is one step of an analysis chain: it appends to dst the UTF-8
// text src transformed, and returns the extended dst. Stages never keep
// src or dst, so a chain can run over two scratch buffers in turn.
type stage func(dst, src []byte) []byte

// normalizeCompat composes text to NFKC: decomposed accents join their
// letters (so и + ◌̆ is й before transliteration looks at it), and
// compatibility forms become the letters they stand for (ﬁ → fi, fullwidth
// Ａ → A, ſ → s).
func normalizeCompat(dst, src []byte) []byte {
	return norm.NFKC.Append(dst, src...)
}

// normalizeCanonical composes text to NFC; Latin uses it last so that what
// foldAccents decomposed but did not drop is put back together.
func normalizeCanonical(dst, src []byte) []byte {
	return norm.NFC.Append(dst, src...)
}

// lowerCase maps every letter to lower case. Final sigma becomes σ so that
// a Greek word matches whatever its position.
func lowerCase(dst, src []byte) []byte {
	for i := 0; i < len(src); {
		if c := src[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		i += n
		r = toLower(r)
		if r == 'ς' {
			r = 'σ'
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// toLower is unicode.ToLower with a shortcut for the Russian alphabet,
// which is most of the non-ASCII text the tokenizer sees.
func toLower(r rune) rune {
	switch {
	case 'А' <= r && r <= 'Я':
		return r + 'а' - 'А'
	case 'а' <= r && r <= 'я':
		return r
	}
	return unicode.ToLower(r)
}

// foldAccents removes diacritics: each letter is decomposed (NFD) and the
// combining diacritical marks are dropped, so é ö ş ç ğ ñ ä ő ǵ become
// e o s c g n a o g. Letters that carry their stroke or form inside the
// code point and so do not decompose (ø ł đ ß ı æ ə …) come from
// strokeLetters. Case is kept.
//
// Only letters below U+2000 (Latin, Greek, Cyrillic and their neighbours)
// are decomposed: that is where the accents are, and it leaves Hangul
// syllables whole.
func foldAccents(dst, src []byte) []byte {
	for i := 0; i < len(src); {
		if c := src[i]; c < utf8.RuneSelf {
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		one := src[i : i+n]
		i += n
		if s, ok := strokeLetter(r); ok {
			dst = append(dst, s...)
			continue
		}
		if isDiacritic(r) {
			continue
		}
		if r >= 0x2000 {
			dst = append(dst, one...)
			continue
		}
		start := len(dst)
		dst = norm.NFD.Append(dst, one...)
		// Drop the marks from what was just appended, in place.
		kept := start
		for j := start; j < len(dst); {
			m, w := utf8.DecodeRune(dst[j:])
			if !isDiacritic(m) {
				kept += copy(dst[kept:], dst[j:j+w])
			}
			j += w
		}
		dst = dst[:kept]
	}
	return dst
}

// isDiacritic reports whether r is a combining mark from one of the
// Unicode blocks of diacritics that Latin, Greek and Cyrillic letters take.
// Marks of other scripts (Indic vowel signs, Arabic harakat) are not
// accents on a letter but parts of the spelling, and are kept.
func isDiacritic(r rune) bool {
	return 0x0300 <= r && r <= 0x036F || // Combining Diacritical Marks
		0x0483 <= r && r <= 0x0489 || // Cyrillic combining marks (titlo)
		0x1AB0 <= r && r <= 0x1AFF || // … Extended
		0x1DC0 <= r && r <= 0x1DFF || // … Supplement
		0x20D0 <= r && r <= 0x20FF || // … for Symbols
		0xFE20 <= r && r <= 0xFE2F // Combining Half Marks
}

// strokeLetter gives the plain spelling of a letter whose diacritic or
// ligature is part of the code point, which NFD therefore cannot take off.
func strokeLetter(r rune) (string, bool) {
	switch r {
	case 'ø':
		return "o", true
	case 'Ø':
		return "O", true
	case 'ł':
		return "l", true
	case 'Ł':
		return "L", true
	case 'đ', 'ð':
		return "d", true
	case 'Đ', 'Ð':
		return "D", true
	case 'ß':
		return "ss", true
	case 'ẞ':
		return "SS", true
	case 'æ':
		return "ae", true
	case 'Æ':
		return "AE", true
	case 'œ':
		return "oe", true
	case 'Œ':
		return "OE", true
	case 'þ':
		return "th", true
	case 'Þ':
		return "TH", true
	case 'ı': // Turkish, Azerbaijani, Kazakh Latin dotless i
		return "i", true
	case 'ħ':
		return "h", true
	case 'Ħ':
		return "H", true
	case 'ŧ':
		return "t", true
	case 'Ŧ':
		return "T", true
	case 'ŋ':
		return "ng", true
	case 'Ŋ':
		return "NG", true
	case 'ə': // Azerbaijani schwa: Əliyev is written Aliyev in English news
		return "a", true
	case 'Ə':
		return "A", true
	case 'ɨ':
		return "i", true
	case 'ƶ':
		return "z", true
	case 'Ƶ':
		return "Z", true
	}
	return "", false
}

// keepWordRunes keeps only letters and digits: it drops the apostrophes
// and modifier letters that the tokenizer let into a word (Oʻzbekiston,
// O'zbekiston and O‘zbekiston are one word, ozbekiston), and the commas of
// a thousands-separated number. Spacing modifier letters (U+02B0–U+02FF)
// are letters to Unicode but marks of pronunciation in practice.
func keepWordRunes(dst, src []byte) []byte {
	for i := 0; i < len(src); {
		if c := src[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z' {
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if isWordRune(r) && !isModifierLetter(r) {
			dst = append(dst, src[i:i+n]...)
		}
		i += n
	}
	return dst
}

// isModifierLetter reports whether r is in Spacing Modifier Letters, the
// block of ʻ ʼ ʹ ˈ.
func isModifierLetter(r rune) bool { return 0x02B0 <= r && r <= 0x02FF }

// isWordRune reports whether r can be part of a word: letters, digits, and
// the combining marks that sit on them.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if isCyrillicLetterBlock(r) {
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// A chain is a sequence of stages applied in order.
type chain []stage

// run applies the chain to src, using scratch as two reusable buffers, and
// returns the result, which lives in one of them until the next run.
func (c chain) run(scratch *[2][]byte, src []byte) []byte {
	in := src
	for k, st := range c {
		out := st(scratch[k%2][:0], in)
		scratch[k%2] = out
		in = out
	}
	return in
}
