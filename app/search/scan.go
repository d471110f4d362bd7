package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"broadsheet/app/text"
)

// Tokenizing a whole article costs microseconds a word in the browser,
// too much for twenty long articles on every keystroke. So the text is
// first searched for the query's terms as bytes (most terms are lower-case
// ASCII, and most text spells them that way, give or take capitals), and
// only a window around what was found is tokenized, to confirm it with the
// very pipeline the index used. Text where no term is found as bytes (a
// word with accents, in Cyrillic, in another spelling) is tokenized whole.

// A needle is a term to look for in text, for query word word.
type needle struct {
	s    string
	word int
	via  via
	dist uint8
}

// needles returns the terms that query words matched, as byte strings:
// each word's own term (a prefix of the words it finds) and the terms it
// matched by key or typo.
func (m *matcher) needles() []needle {
	if m.needleList != nil {
		return m.needleList
	}
	list := []needle{}
	for w, mw := range m.words {
		list = append(list, needle{mw.term, w, viaPrefix, 0})
	}
	for t, ws := range m.loose {
		for _, l := range ws {
			list = append(list, needle{t, l.word, l.via, l.dist})
		}
	}
	m.needleList = list
	return list
}

// A hitAt is where a needle was found: a byte offset.
type hitAt struct {
	off  int
	word int
	via  via
	dist uint8
}

// maxFinds bounds the occurrences find reports.
const maxFinds = 256

// find returns where the needles of the given words (a bit per word)
// start a word of s, in order of offset. low is s with ASCII letters in
// lower case.
func (m *matcher) find(low string, words uint64) []hitAt {
	var hits []hitAt
	for _, n := range m.needles() {
		if words&(1<<n.word) == 0 || !isASCII(n.s) {
			continue
		}
		for from := 0; from < len(low) && len(hits) < maxFinds; {
			i := strings.Index(low[from:], n.s)
			if i < 0 {
				break
			}
			i += from
			if i == 0 || !isWordByte(low[i-1]) {
				hits = append(hits, hitAt{i, n.word, n.via, n.dist})
			}
			from = i + len(n.s)
		}
	}
	// Few hits: insertion sort keeps this allocation-free.
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].off < hits[j-1].off; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	return hits
}

// placesAt turns the hits in s into places: the word that starts at each
// hit, in runes. Where two hits start at one offset the first is kept.
func placesAt(s string, hits []hitAt) []place {
	var places []place
	r, b := 0, 0 // rune offset of byte offset b
	for _, h := range hits {
		if h.off < b {
			continue // inside the previous word
		}
		r += utf8.RuneCountInString(s[b:h.off])
		end, n := wordEnd(s, h.off)
		places = append(places, place{r, r + n, wordHit{h.word, h.via, int(h.dist)}})
		r += n
		b = end
	}
	return places
}

// wordEnd returns where the word that starts at s[i:] ends, and its length
// in runes: letters, digits and marks, as the tokenizer counts them, up to
// an apostrophe or anything else.
func wordEnd(s string, i int) (int, int) {
	n := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !isWordByte(c) && !('A' <= c && c <= 'Z') {
				break
			}
			i++
			n++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
			break
		}
		i += w
		n++
	}
	return i, n
}

// isWordByte reports whether c is an ASCII letter or digit. Other bytes
// before a needle (spaces, punctuation, the end of a multi-byte character)
// may start a word; tokenizing the window decides.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// lowerASCII lower-cases the ASCII letters of s and keeps every other
// byte, so that offsets into it are offsets into s.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// phraseAt reports whether phrase part p starts at byte i of low: each of
// its words begins with a needle of that word, and only what the
// tokenizer drops (spaces, punctuation) stands between them.
func (m *matcher) phraseAt(low string, i, p int) bool {
	mp := &m.parts[p]
	for k := range mp.part.Terms {
		if k > 0 {
			for i < len(low) && !startsWord(low, i) {
				i++
			}
		}
		if !m.needleAt(low, i, mp.first+k) {
			return false
		}
		i, _ = wordEnd(low, i)
	}
	return true
}

// needleAt reports whether a needle of word w starts at low[i:].
func (m *matcher) needleAt(low string, i, w int) bool {
	for _, n := range m.needles() {
		if n.word == w && strings.HasPrefix(low[i:], n.s) {
			return true
		}
	}
	return false
}

// startsWord reports whether a letter or digit starts at s[i:].
func startsWord(s string, i int) bool {
	if c := s[i]; c < utf8.RuneSelf {
		return isWordByte(c) || 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// partsIn returns which of the parts in want (a bit per part) occur in s:
// a single word anywhere, a phrase where its words stand next to each
// other, in order.
func (m *matcher) partsIn(s string, want uint64) uint64 {
	low := lowerASCII(s)
	var found, whole uint64 // whole: parts to look for by tokenizing s whole
	for p := range m.parts {
		if want&(1<<p) == 0 {
			continue
		}
		mp := &m.parts[p]
		starts := m.find(low, 1<<mp.first)
		if len(starts) == 0 {
			whole |= 1 << p
			continue
		}
		if !mp.part.Phrase() {
			found |= 1 << p
			continue
		}
		for _, h := range starts {
			if m.phraseAt(low, h.off, p) {
				found |= 1 << p
				break
			}
		}
		if found&(1<<p) == 0 {
			// Not as bytes; if some word of the phrase is nowhere as
			// bytes either, it is there in another form: tokenize.
			for k := range mp.part.Terms {
				if len(m.find(low, 1<<(mp.first+k))) == 0 {
					whole |= 1 << p
					break
				}
			}
		}
	}
	if whole != 0 {
		found |= m.partsByTokens(s, whole)
	}
	return found
}

// partsByTokens is partsIn by tokenizing s whole: it reads s once and
// stops as soon as it has found every part of want.
func (m *matcher) partsByTokens(s string, want uint64) uint64 {
	var found uint64
	// runs[p] has bit k set when the last k+1 terms match words 0..k of
	// part p.
	var runs [maxParts]uint64
	for t := range text.EachToken(s) {
		for p := range m.parts {
			if want&^found&(1<<p) == 0 {
				continue
			}
			mp := &m.parts[p]
			n := len(mp.part.Terms)
			run := runs[p]<<1 | 1 // a match may start here
			next := uint64(0)
			for k := 0; k < n; k++ {
				if run&(1<<k) == 0 {
					continue
				}
				if _, ok := m.matchWord(t.Term, mp.first+k); ok {
					next |= 1 << k
				}
			}
			runs[p] = next
			if next&(1<<(n-1)) != 0 {
				found |= 1 << p
			}
		}
		if found == want {
			break
		}
	}
	return found
}
