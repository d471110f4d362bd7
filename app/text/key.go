package text

import "strings"

// Key gives the loose match key of a folded term (the output of Fold, or a
// Token's Term): the spellings that English, Russian and Central Asian
// sources give one name come out the same, so the index can look names up
// by key as well as by exact term. Rahmon, Rakhmon, Рахмон and Rahmonov all
// have the key "rakmon"; Mirziyoyev, Mirziyoev and Мирзиёев "mirzio".
//
// Key is for names, so only words of the letters a–z are touched: numbers,
// words with digits and words in other scripts are their own key. A string
// of several words (a folded phrase) gets each word's key, space-separated.
//
// The key is deliberately lossy; it is meant for a second, looser lookup
// beside the exact term. Ordinary English words rarely share a key: in the
// collection one pair of terms in a thousand does (see
// TestKeyCollisionsInCollection); over a 64,000-word English dictionary
// 1.2% of the words do, half of them spelling variants (canceling,
// cancelling) and nearly all through doubled consonants (coma, comma).
func Key(term string) string {
	if strings.IndexByte(term, ' ') >= 0 {
		words := strings.Fields(term)
		for i, w := range words {
			words[i] = Key(w)
		}
		return strings.Join(words, " ")
	}
	if len(term) == 0 || len(term) > maxKeyWord || !isLetters(term) {
		return term
	}
	var buf [maxKeyWord]byte
	w := append(buf[:0], term...)
	for _, rule := range keyRules {
		w = rule.apply(w)
	}
	if string(w) == term {
		return term
	}
	return string(w)
}

// maxKeyWord is the longest word Key rewrites; longer ones are not names.
const maxKeyWord = 64

// A keyRule rewrites a word of a–z letters in place; it never lengthens
// it. Rules are named values rather than funcs so that Key calls them
// directly and its buffer stays on the stack.
type keyRule uint8

const (
	oneSoundRule keyRule = iota
	closingHRule
	glideYRule
	vowelYRule
	doubleLettersRule
	surnameEndingRule
)

func (r keyRule) apply(w []byte) []byte {
	switch r {
	case oneSoundRule:
		return oneSound(w)
	case closingHRule:
		return closingH(w)
	case glideYRule:
		return glideY(w)
	case vowelYRule:
		return vowelY(w)
	case doubleLettersRule:
		return collapseDoubles(w)
	case surnameEndingRule:
		return surnameEnding(w)
	}
	panic("text: unknown key rule")
}

func (r keyRule) String() string {
	return [...]string{"one sound", "closing h", "glide y", "vowel y", "double letters", "surname ending"}[r]
}

// keyRules are applied in this order; each exists because two spellings of
// one name in the news differ exactly there.
var keyRules = []keyRule{
	// One sound, several spellings: Russian х is kh, Tajik and Uzbek ҳ h
	// (Rakhmon, Rahmon); ж and дж are zh, dzh, dj or j (Tadzhikistan,
	// Tadjikistan, Tajikistan; Zhomart, Jomart); ғ is gh or Uzbek gʻ
	// (Ghafurov, Gafurov); қ is q or k (Toqayev, Tokayev; Qazaqstan).
	oneSoundRule,
	// Where Russian spells a name with х, Kazakh and Uzbek often have қ or
	// k, and Tajik ҳ: Kazakhstan, Qazaqstan; Rakhmon, Rahmon. That h (now
	// after kh → h) closes a syllable: after a vowel, before a consonant or
	// at the end of a longer word. English rarely puts an h there.
	closingHRule,
	// Й and the y of ye, yo, ya are glides that romanizations write or
	// leave out between vowels and next to i: Nazarbayev, Nazarbaev;
	// Mirziyoyev, Mirzioev; Dmitriy, Dmitri; Kyiv, Kiiv.
	glideYRule,
	// Ы and Turkic undotted ı are y or i: Kyrgyzstan, Kirgizstan;
	// Berdymukhamedov, Berdimuhamedov; Dmitry, Dmitri.
	vowelYRule,
	// Doubled consonants come and go between romanizations and
	// misspellings: Muhammad, Muhamad; Shamsiddin, Shamsidin; Kassym,
	// Kasym. Doubled vowels are left (boot, bot; Kyrgyz Jeenbekov is always
	// spelled so), except ii, which is й written i (Dmitrii, Kiiv).
	doubleLettersRule,
	// Russian-style surname endings: a surname is written with and without
	// them (Rahmonov, Rahmon, as Emomali Rahmon dropped his -ov), and
	// they mark gender (Balayev, Balayeva). Comes last so that the stem is
	// measured in its loosest spelling.
	surnameEndingRule,
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// oneSound rewrites kh → h, dzh zh dj → j, gh → g and q → k.
func oneSound(w []byte) []byte {
	out := w[:0]
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == 'd' && i+2 < len(w) && w[i+1] == 'z' && w[i+2] == 'h':
			c, i = 'j', i+2
		case c == 'd' && i+1 < len(w) && w[i+1] == 'j':
			c, i = 'j', i+1
		case c == 'z' && i+1 < len(w) && w[i+1] == 'h':
			c, i = 'j', i+1
		case (c == 'k' || c == 'g') && i+1 < len(w) && w[i+1] == 'h':
			if c == 'k' {
				c = 'h'
			}
			i++
		case c == 'q':
			c = 'k'
		}
		out = append(out, c)
	}
	return out
}

// closingH rewrites h → k after a vowel and before a consonant, or at the
// end of a word with at least four letters before it. A y before a vowel
// is a consonant here (Bakhyt, Бақыт) only if no vowel follows it.
func closingH(w []byte) []byte {
	for i := 1; i < len(w); i++ {
		if w[i] != 'h' || !isVowel(w[i-1]) {
			continue
		}
		if i+1 == len(w) {
			if i >= 4 {
				w[i] = 'k'
			}
			continue
		}
		switch next := w[i+1]; {
		case isVowel(next), next == 'h':
		case next == 'y' && i+2 < len(w) && isVowel(w[i+2]):
		default:
			w[i] = 'k'
		}
	}
	return w
}

// glideY drops a y between two vowels, and a y next to an i.
func glideY(w []byte) []byte {
	out := w[:0]
	for i := 0; i < len(w); i++ {
		if w[i] == 'y' {
			prev, next := byte(0), byte(0)
			if len(out) > 0 {
				prev = out[len(out)-1]
			}
			if i+1 < len(w) {
				next = w[i+1]
			}
			if isVowel(prev) && isVowel(next) || prev == 'i' || next == 'i' {
				continue
			}
		}
		out = append(out, w[i])
	}
	return out
}

// vowelY rewrites y → i when no vowel stands on either side of it, the y
// that is a vowel itself.
func vowelY(w []byte) []byte {
	for i, c := range w {
		if c != 'y' {
			continue
		}
		if (i == 0 || !isVowel(w[i-1])) && (i+1 == len(w) || !isVowel(w[i+1])) {
			w[i] = 'i'
		}
	}
	return w
}

// collapseDoubles writes every run of one consonant, or of i, once.
func collapseDoubles(w []byte) []byte {
	out := w[:0]
	for _, c := range w {
		if len(out) > 0 && c == out[len(out)-1] && (c == 'i' || !isVowel(c)) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// surnameEndings are the endings surnameEnding strips, longest first. The
// y-forms are the ones glideY leaves: after a consonant.
var surnameEndings = []string{"yeva", "ova", "eva", "yev", "ov", "ev"}

// minSurnameStem is the shortest stem left after stripping an ending: it
// keeps short words (Kiev, Lev, nova, Aliev) whole.
const minSurnameStem = 4

// surnameEnding strips a Russian-style surname ending.
func surnameEnding(w []byte) []byte {
	for _, e := range surnameEndings {
		if len(w)-len(e) >= minSurnameStem && string(w[len(w)-len(e):]) == e {
			return w[:len(w)-len(e)]
		}
	}
	return w
}
