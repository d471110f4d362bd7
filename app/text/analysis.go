package text

// The analysis chains, assembled here and nowhere else, so that the index
// and the query box (and the slugs and the UI's "Рахмон → Rakhmon") all
// see a string through the very same steps.
var (
	// termChain turns one token, as the tokenizer cut it out of the
	// original text, into the term the index stores.
	termChain = chain{normalizeCompat, lowerCase, transliterate, foldAccents, keepWordRunes}

	// asciiTermChain is termChain for a token that is all ASCII, which the
	// other three stages would leave as it is.
	asciiTermChain = chain{lowerCase, keepWordRunes}

	// cyrillicTermChain is termChain for a token of ASCII and Cyrillic
	// letters only, which NFKC leaves as they are and which transliterate
	// turns into ASCII (TestCyrillicTermChain checks every letter). Most
	// non-English tokens of the collection take this shorter way.
	cyrillicTermChain = chain{lowerCase, transliterate, keepWordRunes}

	// latinChain renders text in plain Latin for reading: case, spacing and
	// punctuation stay.
	latinChain = chain{normalizeCompat, transliterate, foldAccents, normalizeCanonical}
)

// Latin renders s in plain Latin letters for people to read, and for
// slugs: Cyrillic is transliterated with the tables Fold uses, accents are
// folded, compatibility forms are normalized (ﬁ → fi, fullwidth Ａ → A),
// and case, spaces and punctuation are kept. "Рахмон" → "Rakhmon",
// "Фарҳод Одинаев" → "Farhod Odinayev", "Škoda" → "Skoda".
func Latin(s string) string {
	if isASCII(s) {
		return s
	}
	var scratch [2][]byte
	return string(latinChain.run(&scratch, []byte(s)))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
