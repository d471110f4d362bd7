package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	"broadsheet/app/text"
	"broadsheet/data"
)

// A matcher tells which query word a term of an article's text matched,
// and how: the index found the articles, the matcher finds the places in
// them, for highlights, snippets, notes and phrases.
type matcher struct {
	words []matchWord
	parts []matchPart
	// loose holds the terms the index matched other than by prefix
	// (keys, typos), with the words they matched. It is nil when the
	// matcher works from the query alone (Highlight), which then judges
	// keys and typos itself.
	loose map[string][]wordVia

	needleList []needle // see needles
}

type matchWord struct {
	part  int
	term  string
	key   string
	runes []rune
}

type matchPart struct {
	part  Part
	first int // index of its first word in words
}

type wordVia struct {
	word int
	via  via
	dist uint8
}

func newMatcher(ix *Index, parts []partMatch) *matcher {
	m := &matcher{}
	if ix != nil {
		m.loose = map[string][]wordVia{}
	}
	for _, p := range parts {
		m.addPart(p.part, p.words)
	}
	if ix != nil {
		for w, mw := range m.words {
			for _, tm := range parts[mw.part].words[w-m.parts[mw.part].first].terms {
				if tm.via >= viaKey {
					t := ix.lex.term(int(tm.term))
					m.loose[t] = append(m.loose[t], wordVia{w, tm.via, tm.dist})
				}
			}
		}
	}
	return m
}

func (m *matcher) addPart(p Part, _ []wordMatch) {
	m.parts = append(m.parts, matchPart{part: p, first: len(m.words)})
	for _, t := range p.Terms {
		m.words = append(m.words, matchWord{part: len(m.parts) - 1, term: t, key: text.Key(t), runes: []rune(t)})
	}
}

// wordHit is a term matching a query word.
type wordHit struct {
	word int
	via  via
	dist int
}

// match returns the first query word that term matches.
func (m *matcher) match(term string) (wordHit, bool) {
	for w := range m.words {
		if h, ok := m.matchWord(term, w); ok {
			return h, true
		}
	}
	return wordHit{}, false
}

// matchWord reports whether term matches query word w.
func (m *matcher) matchWord(term string, w int) (wordHit, bool) {
	mw := &m.words[w]
	if strings.HasPrefix(term, mw.term) {
		if len(term) == len(mw.term) {
			return wordHit{w, viaExact, 0}, true
		}
		return wordHit{w, viaPrefix, 0}, true
	}
	if m.loose != nil {
		for _, l := range m.loose[term] {
			if l.word == w {
				return wordHit{w, l.via, int(l.dist)}, true
			}
		}
		return wordHit{}, false
	}
	// From the query alone: what expand and loose would have found.
	if len(mw.term) < 3 {
		return wordHit{}, false
	}
	if text.Key(term) == mw.key {
		return wordHit{w, viaKey, 0}, true
	}
	if k := maxEdits(len(mw.runes)); k > 0 {
		t := []rune(term)
		if t[0] != mw.runes[0] && t[0] != mw.runes[min(1, len(mw.runes)-1)] {
			return wordHit{}, false
		}
		if d := prefixDistance(mw.runes, t); d <= k {
			return wordHit{w, viaTypo, d}, true
		}
	}
	return wordHit{}, false
}

// prefixDistance is the fewest edits between q and any prefix of t.
func prefixDistance(q, t []rune) int {
	rows := newOSARows(len(q))
	best := len(q)
	for d := 1; d <= len(t); d++ {
		best = min(best, rows.next(q, t, d)[len(q)])
	}
	return best
}

// allParts is the set of every part, phrases the set of phrases.
func (m *matcher) allParts() uint64 { return 1<<len(m.parts) - 1 }

func (m *matcher) phrases() uint64 {
	var set uint64
	for p := range m.parts {
		if m.parts[p].part.Phrase() {
			set |= 1 << p
		}
	}
	return set
}

// in returns which parts of want a has, in its title or its body (a
// phrase does not run from one into the other).
func (m *matcher) in(a *data.Article, want uint64) uint64 {
	found := m.partsIn(a.Title, want)
	if found != want {
		found |= m.partsIn(a.Body, want&^found)
	}
	return found
}

// snippetRunes is about two lines of text on a phone.
const snippetRunes = 200

// A place is where a query word matched in a text, in runes.
type place struct {
	start, end int
	hit        wordHit
}

// describe fills in a hit's title highlights, snippet and notes. The
// query's terms are looked for as bytes first (see scan.go); the title,
// then the body, is tokenized only when a word of the query is not found
// that way, so is in the article in another form (accents, Cyrillic).
func (ix *Index) describe(h *Hit, m *matcher) {
	a := h.Article
	all := uint64(1)<<len(m.words) - 1
	inTitle := placesAt(a.Title, m.find(lowerASCII(a.Title), all))
	inBody := placesAt(a.Body, m.find(lowerASCII(a.Body), all))
	seen := func() uint64 {
		var set uint64
		for _, ps := range [][]place{inTitle, inBody} {
			for _, p := range ps {
				set |= 1 << p.hit.word
			}
		}
		return set
	}
	// The words of phrases are not each needed: an article may have
	// "social media" where the query has "social media likes" in AnyWord
	// mode. Single words are.
	var needed uint64
	for _, mp := range m.parts {
		if !mp.part.Phrase() {
			needed |= 1 << mp.first
		}
	}
	if needed&^seen() != 0 {
		inTitle = m.tokenPlaces(a.Title)
		if needed&^seen() != 0 {
			inBody = m.tokenPlaces(a.Body)
		}
	}
	for _, p := range inTitle {
		h.TitleSpans = append(h.TitleSpans, Span{p.start, p.end})
	}
	// The texts stay strings: a []rune copy of each body, for every hit of
	// every keystroke, was most of what a search allocated in the browser,
	// and the collector's work with it showed in the tasks of typing.
	h.Snippet = snippet(a.Body, inBody, len(m.words))
	h.Why = m.notes(a.Title, inTitle, a.Body, inBody)
}

// tokenPlaces finds the query's words in s by tokenizing it.
func (m *matcher) tokenPlaces(s string) []place {
	var places []place
	for t := range text.EachToken(s) {
		if wh, ok := m.match(t.Term); ok {
			places = append(places, place{t.Start, t.End, wh})
		}
	}
	return places
}

// densest returns the index of the item that starts the window of the
// given width with the most different words, then the most items. items
// are in order of position.
func densest[T any](items []T, words, width int, at func(T) (pos, word int)) int {
	seen := make([]int, words)
	distinct, bestDistinct, bestCount, best := 0, -1, 0, 0
	j := 0
	for i := range items {
		start, _ := at(items[i])
		for j < len(items) {
			pos, w := at(items[j])
			if pos-start > width {
				break
			}
			if seen[w] == 0 {
				distinct++
			}
			seen[w]++
			j++
		}
		if count := j - i; distinct > bestDistinct || distinct == bestDistinct && count > bestCount {
			bestDistinct, bestCount, best = distinct, count, i
		}
		if j > i {
			_, w := at(items[i])
			if seen[w]--; seen[w] == 0 {
				distinct--
			}
		} else {
			j = i + 1
		}
	}
	return best
}

// notes explains the words that did not match as typed: for each
// single-word part, the first place it matched, preferring the title and
// a match of its own spelling.
func (m *matcher) notes(title string, inTitle []place, body string, inBody []place) []Note {
	var notes []Note
	for p, mp := range m.parts {
		if mp.part.Phrase() {
			continue
		}
		var best *place
		var from string
		for _, src := range []struct {
			text   string
			places []place
		}{{title, inTitle}, {body, inBody}} {
			for i := range src.places {
				pl := &src.places[i]
				if m.words[pl.hit.word].part != p {
					continue
				}
				if best == nil || pl.hit.via <= viaPrefix && best.hit.via > viaPrefix {
					best, from = pl, src.text
				}
			}
		}
		if best == nil {
			continue
		}
		found := runeSlice(from, best.start, best.end)
		n := Note{Word: mp.part.Text, Found: found}
		switch {
		case text.HasCyrillic(n.Word) || text.HasCyrillic(found):
			n.Kind = Transliterated
		case best.hit.via == viaTypo:
			n.Kind = Typo
		case best.hit.via >= viaKey:
			n.Kind = Spelling
		}
		if n.Kind != 0 && !sameText(n.Word, found) {
			notes = append(notes, n)
		}
	}
	return notes
}

// snippet cuts the window of the body with the most different query words
// (then the most matches), about snippetRunes long, at word boundaries.
func snippet(body string, places []place, words int) Snippet {
	n := utf8.RuneCountInString(body)
	start := 0
	if len(places) > 0 {
		at := densest(places, words, snippetRunes*2/3, func(p place) (int, int) { return p.start, p.hit.word })
		start = max(0, places[at].start-snippetRunes/6)
	}
	end := min(n, start+snippetRunes)
	if end == n {
		start = max(0, end-snippetRunes)
	}
	// Only the window, with a rune either side to see the spaces there, is
	// read as runes, into an array on the stack (see describe).
	lo, hi := max(0, start-1), min(n, end+1)
	bl := runeOffset(body, lo)
	win := body[bl : bl+runeOffset(body[bl:], hi-lo)]
	var buf [snippetRunes + 2]rune
	w := appendRunes(buf[:0], win)
	at := func(i int) rune { return w[i-lo] }
	// Cut at spaces, but not past the other end of the window: a text
	// without spaces (Chinese, a long link) is cut inside its words.
	for s := start; s > 0 && s < end; s++ {
		if unicode.IsSpace(at(s - 1)) {
			start = s
			break
		}
	}
	for e := end; e < n && e > start; e-- {
		if unicode.IsSpace(at(e)) {
			end = e
			break
		}
	}
	for start < end && unicode.IsSpace(at(start)) {
		start++
	}
	sn := Snippet{Text: runeSlice(win, start-lo, end-lo), Before: start > 0, After: end < n}
	for _, p := range places {
		if p.start >= start && p.end <= end {
			sn.Spans = append(sn.Spans, Span{p.start - start, p.end - start})
		}
	}
	return sn
}

// runeSlice is string([]rune(s)[start:end]) without the copy of s.
func runeSlice(s string, start, end int) string {
	bs := runeOffset(s, start)
	return validText(s[bs : bs+runeOffset(s[bs:], end-start)])
}

// validText is s, with each byte that is not UTF-8 as U+FFFD, as a
// []rune conversion would have it: spans count such a byte as one rune.
func validText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return string([]rune(s))
}

// fuzzyTitles orders articles for the switcher: titles that have the query
// as typed, letter by letter in order (sahilm/fuzzy's subsequence match,
// which favours starts of words and runs of letters), come first, with
// fuzzy's letters highlighted where they start words ("tel ch" marks Tel
// and Ch of Telegram Channels), the matching words otherwise; the others
// follow in the order given, with their matching words highlighted.
func fuzzyTitles(arts []*data.Article, q Query, m *matcher, n int) []TitleHit {
	var words []string
	for _, p := range q.Must {
		words = append(words, text.Latin(p.Text))
	}
	titles := make([]string, len(arts))
	for i, a := range arts {
		titles[i] = a.Title
	}
	var out []TitleHit
	used := make([]bool, len(arts))
	for _, fm := range fuzzy.Find(strings.Join(words, " "), titles) {
		if len(out) == n {
			return out
		}
		used[fm.Index] = true
		th := TitleHit{Article: arts[fm.Index], Spans: byteSpans(fm.Str, fm.MatchedIndexes)}
		if !startWords(fm.Str, th.Spans) {
			// Letters picked here and there read as noise: mark the
			// words instead.
			th.Spans = m.titleSpans(fm.Str)
		}
		out = append(out, th)
	}
	for i, a := range arts {
		if len(out) == n {
			break
		}
		if used[i] {
			continue
		}
		out = append(out, TitleHit{Article: a, Spans: m.titleSpans(a.Title)})
	}
	return out
}

// titleSpans marks the words of title that match the query.
func (m *matcher) titleSpans(title string) []Span {
	var spans []Span
	for _, p := range m.tokenPlaces(title) {
		spans = append(spans, Span{p.start, p.end})
	}
	return spans
}

// startWords reports whether every span starts a word of s.
func startWords(s string, spans []Span) bool {
	r := []rune(s)
	for _, sp := range spans {
		if sp.Start > 0 && (unicode.IsLetter(r[sp.Start-1]) || unicode.IsDigit(r[sp.Start-1])) {
			return false
		}
	}
	return true
}

// byteSpans turns the byte offsets of single characters of s into spans
// of runes, joining neighbours.
func byteSpans(s string, at []int) []Span {
	var spans []Span
	r, k := 0, 0 // rune index of byte b; next offset to place
	for b := range s {
		if k == len(at) {
			break
		}
		if at[k] == b {
			if n := len(spans); n > 0 && spans[n-1].End == r {
				spans[n-1].End++
			} else {
				spans = append(spans, Span{r, r + 1})
			}
			k++
		}
		r++
	}
	return spans
}
