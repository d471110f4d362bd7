// Package search finds articles of a collection for a query and says where
// each matched, in character (rune) offsets, so the UI can highlight titles
// and snippets.
//
// This first engine matches every query word as a case-insensitive
// substring of the title or body, and orders hits with sahilm/fuzzy's score
// on titles. It is pure Go and runs the same natively and in the browser.
package search

import (
	"errors"
	"sort"
	"strings"
	"unicode"

	"github.com/sahilm/fuzzy"

	"broadsheet/data"
)

// Span is a highlighted range of a string, in runes, End exclusive.
type Span struct{ Start, End int }

// Snippet is a short window of an article's body around its best match.
type Snippet struct {
	Text string
	// Spans are the matches inside Text, in runes.
	Spans []Span
	// Before and After report that the body continues on that side.
	Before, After bool
}

// Hit is one matching article.
type Hit struct {
	Article    *data.Article
	TitleSpans []Span
	Snippet    Snippet
	score      int
}

// Results answer one query.
type Results struct {
	Query string
	Words []string
	Hits  []Hit
	Total int // articles in the collection
}

// Index is what queries run against.
type Index struct {
	articles []data.Article
	titles   [][]rune // lower-cased, rune for rune with the original
	bodies   [][]rune
	original [][]rune
}

// indexMagic opens an encoded index; Load refuses anything else.
const indexMagic = "broadsheet-index-0\n"

// MarshalBinary encodes the index for the browser, which loads it with
// Load beside the collection it was built from.
func (ix *Index) MarshalBinary() ([]byte, error) {
	return []byte(indexMagic), nil
}

// Load decodes an index that MarshalBinary wrote for c.
func Load(c *data.Collection, b []byte) (*Index, error) {
	if string(b) != indexMagic {
		return nil, errors.New("search index: not an index of this version (rebuild the site)")
	}
	return New(c), nil
}

// New indexes a collection. The collection must not change afterwards.
func New(c *data.Collection) *Index {
	ix := &Index{articles: c.Articles}
	for i := range c.Articles {
		a := &c.Articles[i]
		ix.titles = append(ix.titles, lowerRunes(a.Title))
		body := []rune(a.Body)
		ix.original = append(ix.original, body)
		ix.bodies = append(ix.bodies, lowerRunes(a.Body))
	}
	return ix
}

// Words splits a query into lower-cased words.
func Words(q string) []string {
	return strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Search runs q. An empty query matches nothing.
func (ix *Index) Search(q string) Results {
	res := Results{Query: q, Words: Words(q), Total: len(ix.articles)}
	if len(res.Words) == 0 {
		return res
	}
	words := make([][]rune, len(res.Words))
	for i, w := range res.Words {
		words[i] = []rune(w)
	}
	var titles []string
	var hits []Hit
	for i := range ix.articles {
		score, ok := 0, true
		for _, w := range words {
			t := count(ix.titles[i], w)
			b := count(ix.bodies[i], w)
			if t == 0 && b == 0 {
				ok = false
				break
			}
			score += 1000*min(t, 1) + min(b, 20)
		}
		if !ok {
			continue
		}
		hits = append(hits, Hit{
			Article:    &ix.articles[i],
			TitleSpans: spans(ix.titles[i], words),
			Snippet:    snippet(ix.original[i], ix.bodies[i], words),
			score:      score,
		})
		titles = append(titles, ix.articles[i].Title)
	}
	// sahilm/fuzzy orders titles that match the query as a subsequence
	// (closer, earlier matches first); it breaks ties among equal scores.
	for _, m := range fuzzy.Find(strings.ToLower(q), titles) {
		hits[m.Index].score += 1 + max(m.Score, 0)/4
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].score != hits[j].score {
			return hits[i].score > hits[j].score
		}
		return hits[j].Article.Date.Before(hits[i].Article.Date)
	})
	res.Hits = hits
	return res
}

// Highlight returns the spans where any of the query's words occur in s.
func Highlight(s, q string) []Span {
	ws := Words(q)
	words := make([][]rune, len(ws))
	for i, w := range ws {
		words[i] = []rune(w)
	}
	return spans(lowerRunes(s), words)
}

func lowerRunes(s string) []rune {
	r := []rune(s)
	for i, c := range r {
		r[i] = unicode.ToLower(c)
	}
	return r
}

func indexRunes(s, w []rune, from int) int {
	for i := from; i+len(w) <= len(s); i++ {
		j := 0
		for j < len(w) && s[i+j] == w[j] {
			j++
		}
		if j == len(w) {
			return i
		}
	}
	return -1
}

func count(s, w []rune) int {
	n := 0
	for i := indexRunes(s, w, 0); i >= 0; i = indexRunes(s, w, i+len(w)) {
		n++
	}
	return n
}

// spans finds every occurrence of every word, merged where they overlap.
func spans(s []rune, words [][]rune) []Span {
	var out []Span
	for _, w := range words {
		if len(w) == 0 {
			continue
		}
		for i := indexRunes(s, w, 0); i >= 0; i = indexRunes(s, w, i+len(w)) {
			out = append(out, Span{i, i + len(w)})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	merged := out[:0]
	for _, sp := range out {
		if n := len(merged); n > 0 && sp.Start <= merged[n-1].End {
			merged[n-1].End = max(merged[n-1].End, sp.End)
			continue
		}
		merged = append(merged, sp)
	}
	return merged
}

// snippetRunes is about two lines of text on a phone.
const snippetRunes = 200

// snippet cuts a window of the body around the first match, at word
// boundaries, and re-bases the match spans onto it.
func snippet(orig, lower []rune, words [][]rune) Snippet {
	all := spans(lower, words)
	start := 0
	if len(all) > 0 {
		start = max(0, all[0].Start-snippetRunes/3)
	}
	end := min(len(orig), start+snippetRunes)
	if end == len(orig) {
		start = max(0, end-snippetRunes)
	}
	for start > 0 && !unicode.IsSpace(orig[start-1]) {
		start++
	}
	for end < len(orig) && end > start && !unicode.IsSpace(orig[end]) {
		end--
	}
	sn := Snippet{Text: string(orig[start:end]), Before: start > 0, After: end < len(orig)}
	for _, sp := range all {
		if sp.Start >= start && sp.End <= end {
			sn.Spans = append(sn.Spans, Span{sp.Start - start, sp.End - start})
		}
	}
	return sn
}
