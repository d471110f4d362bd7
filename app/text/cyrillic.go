package text

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// IsCyrillic reports whether r is a Cyrillic letter or mark. The UI uses it
// to say that a match came through transliteration.
func IsCyrillic(r rune) bool {
	return r >= 0x0400 && unicode.Is(unicode.Cyrillic, r)
}

// HasCyrillic reports whether s contains any Cyrillic character.
func HasCyrillic(s string) bool {
	for _, r := range s {
		if IsCyrillic(r) {
			return true
		}
	}
	return false
}

// cyrillicLatin gives the Latin spelling of the lower-case Cyrillic letter
// r as English-language news writes it, and false when r is not in the
// table. prev is the lower-case letter before r in the same word, or 0 at
// the start of a word; only е, ё, є and ї look at it.
//
// One table serves every language because the letters that differ between
// them are, with few exceptions, different code points: Tajik ҳ is not
// Russian х, Kazakh қ is not к. The exceptions follow Russian (the language
// most Central Asian names reach English news through): и is "i" even in
// Ukrainian, г is "g" even in Ukrainian, х is "kh" even in Uzbek.
//
// The spellings are BGN/PCGN-like, simplified the way wire services write
// names (no diacritics, no apostrophes for ъ and ь). Where English news is
// inconsistent (Rakhmon or Rahmon, Nazarbayev or Nazarbaev) the table
// picks one and Key absorbs the other.
func cyrillicLatin(r, prev rune) (string, bool) {
	switch r {
	// Russian; the base of every other alphabet below.
	case 'а':
		return "a", true
	case 'б':
		return "b", true
	case 'в':
		return "v", true
	case 'г':
		return "g", true
	case 'д':
		return "d", true
	case 'е':
		// Ye at the start of a word and after a vowel, as in Yeltsin and
		// Nazarbayev; e after a consonant, as in Medvedev.
		if prev == 0 || isCyrillicVowel(prev) {
			return "ye", true
		}
		return "e", true
	case 'ё':
		// After ж ч ш щ the letter only writes o (Gorbachov); elsewhere yo
		// (Mirziyoyev, Fyodor).
		switch prev {
		case 'ж', 'ч', 'ш', 'щ':
			return "o", true
		}
		return "yo", true
	case 'ж':
		return "zh", true
	case 'з':
		return "z", true
	case 'и':
		return "i", true
	case 'й':
		return "y", true
	case 'к':
		return "k", true
	case 'л':
		return "l", true
	case 'м':
		return "m", true
	case 'н':
		return "n", true
	case 'о':
		return "o", true
	case 'п':
		return "p", true
	case 'р':
		return "r", true
	case 'с':
		return "s", true
	case 'т':
		return "t", true
	case 'у':
		return "u", true
	case 'ф':
		return "f", true
	case 'х':
		return "kh", true
	case 'ц':
		return "ts", true
	case 'ч':
		return "ch", true
	case 'ш':
		return "sh", true
	case 'щ':
		return "shch", true
	case 'ъ', 'ь':
		// Hard and soft signs have no sound of their own; news drops them.
		return "", true
	case 'ы':
		return "y", true
	case 'э':
		return "e", true
	case 'ю':
		return "yu", true
	case 'я':
		return "ya", true

	// Kazakh, Kyrgyz, Turkmen, Uzbek and Tajik letters. Where Latin-script
	// Kazakh, Uzbek or Turkmen has a plain letter for the sound, that letter
	// is used (қ q, ҷ j); otherwise the vowel without its diacritic.
	case 'ә': // Kazakh, Turkmen
		return "a", true
	case 'ғ': // Kazakh, Uzbek, Tajik
		return "gh", true
	case 'қ': // Kazakh, Uzbek, Tajik
		return "q", true
	case 'ң': // Kazakh, Kyrgyz, Turkmen
		return "ng", true
	case 'ө': // Kazakh, Kyrgyz, Turkmen
		return "o", true
	case 'ұ': // Kazakh
		return "u", true
	case 'ү': // Kazakh, Kyrgyz, Turkmen
		return "u", true
	case 'һ': // Kazakh
		return "h", true
	case 'і': // Kazakh, Ukrainian, Belarusian
		return "i", true
	case 'ў': // Uzbek (Latin oʻ), Belarusian
		return "o", true
	case 'ҳ': // Uzbek, Tajik: h, unlike Russian х (Farhod, not Farkhod)
		return "h", true
	case 'ҷ': // Tajik
		return "j", true
	case 'ӣ': // Tajik
		return "i", true
	case 'ӯ': // Tajik
		return "u", true
	case 'җ': // Turkmen (Latin j), Tatar
		return "j", true

	// Ukrainian, romanized as Ukraine's 2010 national system does: є and ї
	// start a word as ye and yi, and are ie and i inside one (Kyiv).
	case 'є':
		if prev == 0 {
			return "ye", true
		}
		return "ie", true
	case 'ї':
		if prev == 0 {
			return "yi", true
		}
		return "i", true
	case 'ґ':
		return "g", true

	// Serbian and Macedonian, as their Latin alphabets write them without
	// diacritics.
	case 'ђ':
		return "dj", true
	case 'ј':
		return "j", true
	case 'љ':
		return "lj", true
	case 'њ':
		return "nj", true
	case 'ћ':
		return "c", true
	case 'џ':
		return "dz", true
	case 'ѓ':
		return "gj", true
	case 'ќ':
		return "kj", true
	case 'ѕ':
		return "dz", true

	// Bashkir, Chuvash and Tatar letters that turn up in Russian-language
	// sources from the Volga, and pre-1918 letters in old names.
	case 'ҙ':
		return "z", true
	case 'ҫ':
		return "s", true
	case 'ӑ':
		return "a", true
	case 'ӗ':
		return "e", true
	case 'ӳ':
		return "u", true
	case 'ҡ': // Bashkir
		return "q", true
	case 'ӏ':
		// Palochka, the stop of Chechen and Ingush, which English spellings
		// of their names leave out.
		return "", true
	case 'ѣ':
		return "e", true
	case 'ѳ':
		return "f", true
	case 'ѵ':
		return "i", true
	}
	return "", false
}

// isCyrillicVowel reports whether the lower-case letter r is a Cyrillic
// vowel or a hard or soft sign, the letters after which е is written ye.
func isCyrillicVowel(r rune) bool {
	switch r {
	case 'а', 'е', 'ё', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я', 'ъ', 'ь',
		'ә', 'ө', 'ұ', 'ү', 'і', 'ў', 'ӣ', 'ӯ', 'є', 'ї':
		return true
	}
	return false
}

// transliterate is the stage that writes Cyrillic letters in Latin, using
// cyrillicLatin. It keeps case, so it serves both Fold (which lower-cases
// first) and Latin: a capital becomes a capitalized spelling (Щ → Shch), or
// an all-capital one inside a word written in capitals (ЩИ → SHCHI, ЦСКА →
// TSSKA). Everything that is not Cyrillic passes through unchanged.
func transliterate(dst, src []byte) []byte {
	var prev rune      // lower-case letter before r in this word, or 0
	var prevUpper bool // whether that letter was a capital
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		i += n
		if r < 0x0400 || r > 0x052F {
			// Outside the Cyrillic blocks: only keep track of words.
			dst = utf8.AppendRune(dst, r)
			if unicode.IsLetter(r) {
				prev, prevUpper = r, unicode.IsUpper(r)
			} else if !unicode.IsMark(r) {
				prev, prevUpper = 0, false
			}
			continue
		}
		lower := toLower(r)
		latin, ok := cyrillicLatin(lower, prev)
		if !ok {
			// A letter of a smaller alphabet that is a table letter with an
			// accent (Udmurt ӧ, Mari ӱ, Moldovan ӂ, stressed ѐ) is spelled
			// as that letter; foldAccents would otherwise leave its base in
			// Cyrillic.
			if base, ok2 := cyrillicBase(lower); ok2 {
				latin, ok = cyrillicLatin(base, prev)
			}
		}
		if !ok {
			dst = utf8.AppendRune(dst, r)
			prev, prevUpper = lower, lower != r
			continue
		}
		upper := lower != r
		switch {
		case !upper || latin == "":
			dst = append(dst, latin...)
		case len(latin) == 1 || allCapitals(src[i:], prevUpper):
			for j := 0; j < len(latin); j++ {
				dst = append(dst, latin[j]-'a'+'A')
			}
		default:
			dst = append(dst, latin[0]-'a'+'A')
			dst = append(dst, latin[1:]...)
		}
		prev, prevUpper = lower, upper
	}
	return dst
}

// allCapitals decides whether a capital Cyrillic letter with a spelling of
// several Latin letters is in a word written in capitals: it is if the next
// letter is a capital too, or if the word ends here after a capital.
func allCapitals(rest []byte, prevUpper bool) bool {
	for len(rest) > 0 {
		r, n := utf8.DecodeRune(rest)
		rest = rest[n:]
		if unicode.IsMark(r) {
			continue
		}
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
		break
	}
	return prevUpper
}

// cyrillicBase gives the letter that r decomposes to under NFD, if any.
func cyrillicBase(r rune) (rune, bool) {
	var b [utf8.UTFMax]byte
	d := norm.NFD.Properties(b[:utf8.EncodeRune(b[:], r)]).Decomposition()
	if len(d) == 0 {
		return 0, false
	}
	base, _ := utf8.DecodeRune(d)
	return base, true
}

// isCyrillicLetterBlock reports whether r is a letter of the Cyrillic
// block, U+0400–U+04FF without the thousands sign and combining marks
// (U+0482–U+0489): the letters that NFKC leaves alone.
func isCyrillicLetterBlock(r rune) bool {
	return 0x0400 <= r && r <= 0x04FF && (r < 0x0482 || r > 0x0489)
}
