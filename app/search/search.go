// Package search finds the articles of a collection that match a query,
// ranks them and says where and why each matched.
//
// Titles and bodies go through app/text's pipeline (the same one that
// reads the query), and the terms it gives are kept in an inverted index
// built once, at build time, and shipped to the browser as a file (its
// format is drawn in write.go). Every query word is a prefix of the words
// it finds (decrim finds decriminalizes); a word also finds the other
// spellings of a name through its loose key (Rahmon, Rakhmon and Рахмон
// meet), and, when it finds little, the words a typing mistake or two away
// (Rahmno finds Rahmon). Several words must all occur; if no article has
// them all, the results say so and show articles with any of them.
// "Quoted phrases" must occur as written, -word excludes. Hits are ranked
// by BM25 with titles weighted above bodies and a mild preference for
// recent articles, or by date.
//
// The package is pure Go, with no go-app and no syscall/js: it runs the
// same natively (prerendering, tests, benchmarks) and in the browser.
package search

import (
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"broadsheet/app/text"
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
	Score      float32
	TitleSpans []Span
	Snippet    Snippet
	// Why tells how words matched that the reader did not type as they
	// stand in the article: through transliteration, another spelling of
	// a name or a typing mistake.
	Why []Note
}

// A Note says that the query's Word matched Found in the article.
type Note struct {
	Word, Found string
	Kind        NoteKind
}

func (n Note) String() string { return n.Word + " → " + n.Found }

// NoteKind is how a word came to match.
type NoteKind uint8

const (
	Transliterated NoteKind = iota + 1 // another script: Рахмон → Rahmon, Farhod → Farҳod
	Spelling                           // another spelling of a name: Rakhmon → Rahmon
	Typo                               // a typing mistake: Rahmno → Rahmon
)

func (k NoteKind) String() string {
	switch k {
	case Transliterated:
		return "transliteration"
	case Spelling:
		return "spelling"
	case Typo:
		return "typo"
	}
	return ""
}

// Order is how hits are sorted.
type Order uint8

const (
	ByRelevance Order = iota
	ByDate            // newest first
)

// Request is a search with its options.
type Request struct {
	Query string
	Order Order
	// From and To limit the articles to those dated within the range,
	// both ends included at their precision (To 2025-05 takes all of May).
	// A zero Date leaves that end open; with either end set, undated
	// articles are left out.
	From, To data.Date
	// Limit is how many hits to rank and describe; 0 means DefaultLimit.
	Limit int
	// Plain asks for the articles only: no highlights, snippets, notes
	// or jump list, which cost the most per hit. For a caller that wants
	// every match (the timeline's histogram), not a page to show.
	Plain bool
	// Matches asks for the position of every article the query and dates
	// match, before Keep, in Results.Matches: what facets are counted on.
	Matches bool
	// Keep, if set, narrows the matches further (the facets' filter); it
	// gets an article's position in the collection.
	Keep func(article int) bool
}

// DefaultLimit is how many hits a request gets when it does not say: a
// page of results.
const DefaultLimit = 20

// Results answer one request.
type Results struct {
	Request Request
	Query   Query
	// Hits are the best Limit matches, in order, with highlights.
	Hits []Hit
	// Count is how many articles match; Total how many there are.
	Count, Total int
	// AnyWord reports that no article has every word of the query, and
	// that the hits have some of them instead.
	AnyWord bool
	// Partial reports that Count is a lower bound: a very short prefix
	// matched more words than a keystroke's work allows, or a phrase was
	// checked in the best candidates only.
	Partial bool
	// Jump lists articles whose titles match, for a quick switcher.
	Jump []TitleHit
	// Matches are the positions of the matching articles before Keep,
	// when the request asked for them.
	Matches []int
	// Missing names the shards of the index the search needed and did
	// not have: the results are what the others hold. Fetch them, Add
	// them and run the request again (Searcher does).
	Missing []string
}

// A TitleHit is an article whose title matches, with the matched
// characters.
type TitleHit struct {
	Article *data.Article
	Spans   []Span
}

// Search runs q with the default options.
func (ix *Index) Search(q string) Results { return ix.Run(Request{Query: q}) }

// Matching returns every article q matches, newest first, for a view that
// needs them all rather than a page (the timeline); ok is false when q has
// no words to match. It answers with the shards at hand; Match also says
// which others it wanted.
func (ix *Index) Matching(q string) (matches []*data.Article, ok bool) {
	matches, ok, _ = ix.Match(q)
	return matches, ok
}

// Match is Matching, with the shards the search wanted that have not
// arrived (Results.Missing).
func (ix *Index) Match(q string) (matches []*data.Article, ok bool, missing []string) {
	res := ix.Run(Request{Query: q, Order: ByDate, Limit: max(ix.Len(), 1), Plain: true})
	if res.Query.Empty() {
		return nil, false, nil
	}
	matches = make([]*data.Article, len(res.Hits))
	for i := range res.Hits {
		matches[i] = res.Hits[i].Article
	}
	return matches, true, res.Missing
}

// Ranking weights.
const (
	// titleBoost counts a word in the title as this many in the body.
	titleBoost = 4
	// recencyWeight is how much the newest article gains over the oldest:
	// enough to order near-equal scores, too little to override a match.
	recencyWeight = 0.05
)

// quality weighs a term by how it matched the word the reader typed.
func quality(m termMatch) float32 {
	switch m.via {
	case viaExact:
		return 1
	case viaPrefix:
		return 0.8
	case viaKey:
		return 0.9
	case viaKeyPrefix:
		return 0.6
	}
	if m.dist <= 1 {
		return 0.5
	}
	return 0.35
}

// via is how a term came to match a query word.
type via uint8

const (
	viaExact     via = iota // the word itself
	viaPrefix               // a word it begins: decrim → decriminalizes
	viaKey                  // a word with the same loose key: rakhmon → rahmon
	viaKeyPrefix            // a word whose key begins with the word's key
	viaTypo                 // a word within maxEdits edits
)

// termMatch is one term a query word matched.
type termMatch struct {
	term int32
	via  via
	dist uint8
}

// Limits on a keystroke's work.
const (
	// maxPostings bounds the posting entries one word's prefix expands
	// to. A one- or two-letter prefix of a large collection takes its most
	// frequent completions within the bound and marks the results
	// partial; at 10,000 short articles no prefix reaches it, at 100,000
	// long ones a prefix of one or two letters does.
	maxPostings = 1 << 16
	// maxOneLetterTerms bounds the words a one-letter prefix expands to.
	maxOneLetterTerms = 16
	// maxLooseTerms bounds the spellings and typos one word adds.
	maxLooseTerms = 64
	// A phrase is checked on the text of the candidates, best first,
	// until a page of hits is found and phraseWant bytes are read, or
	// phraseBudget bytes are; of phraseCandidates at most. At 10,000
	// short articles every candidate is read; in 100,000 long ones a
	// common phrase gets a page of hits and an "at least" count.
	phraseWant       = 64 << 10
	phraseBudget     = 512 << 10
	phraseCandidates = 4096
)

// fewArticles is how many articles a word must find through its own
// spelling (exact, prefix or key) not to be widened to loose keys and
// typos: a word that finds as little as this may be mistyped.
const fewArticles = 3

// expand returns the terms that word matches by spelling: itself, the
// words it is a prefix of, and the words with its key. capped reports that
// the prefix had to be cut to maxPostings.
func (ix *Index) expand(word string, n *need) (ms []termMatch, capped bool) {
	l := &ix.lex
	lo, hi, _ := l.termRange(word, n)
	total := 0
	for i := lo; i < hi; i++ {
		total += l.df(i)
	}
	maxTerms := hi - lo
	if utf8.RuneCountInString(word) == 1 {
		// One letter begins a tenth of the vocabulary: its most frequent
		// words stand for it, as they would fill the page anyway.
		maxTerms = min(maxTerms, maxOneLetterTerms)
	}
	if total <= maxPostings && maxTerms == hi-lo {
		for i := lo; i < hi; i++ {
			ms = append(ms, termMatch{term: int32(i), via: viaPrefix})
		}
	} else {
		// The word itself, then its most frequent completions.
		capped = true
		order := make([]int32, 0, hi-lo)
		for i := lo; i < hi; i++ {
			order = append(order, int32(i))
		}
		sort.Slice(order, func(a, b int) bool {
			if (int(order[a]) == lo) != (int(order[b]) == lo) {
				return int(order[a]) == lo
			}
			return l.df(int(order[a])) > l.df(int(order[b]))
		})
		budget := maxPostings
		for _, t := range order {
			if budget -= l.df(int(t)); budget < 0 && len(ms) > 0 || len(ms) == maxTerms {
				break
			}
			ms = append(ms, termMatch{term: t, via: viaPrefix})
		}
		// sort rather than slices here and below: each generic instantiation
		// is its own copy of the sorting code in app.wasm (15 KB for this
		// type), while sort.Slice's is shared.
		sort.Slice(ms, func(a, b int) bool { return ms[a].term < ms[b].term })
	}
	if len(ms) > 0 && l.term(int(ms[0].term)) == word {
		ms[0].via = viaExact
	}
	if utf8.RuneCountInString(word) < 3 {
		return ms, capped
	}
	key := text.Key(word)
	has := func(t int32) bool {
		return int(t) >= lo && int(t) < hi
	}
	if key != word {
		if i, ok := ix.termIndex(key, n); ok && !has(int32(i)) && text.Key(key) == key {
			ms = append(ms, termMatch{term: int32(i), via: viaKey})
		}
	}
	klo, khi, _ := l.keyRange(key, n)
	for j := klo; j < khi; j++ {
		if k, t := l.keyAt(j); k == key && !has(int32(t)) && !containsTerm(ms, int32(t)) {
			ms = append(ms, termMatch{term: int32(t), via: viaKey})
		}
	}
	return ms, capped
}

// loose returns the terms that word matches only loosely: by a prefix of
// their key, or within maxEdits typing mistakes. have are the terms it
// matched already.
func (ix *Index) loose(word string, have []termMatch, n *need) []termMatch {
	l := &ix.lex
	var ms []termMatch
	if key := text.Key(word); len(key) >= 3 {
		klo, khi, _ := l.keyRange(key, n)
		for j := klo; j < khi && len(ms) < maxLooseTerms; j++ {
			if _, t := l.keyAt(j); !containsTerm(have, int32(t)) && !containsTerm(ms, int32(t)) {
				ms = append(ms, termMatch{term: int32(t), via: viaKeyPrefix})
			}
		}
	}
	q := []rune(word)
	var typos []termMatch
	ix.typos(q, maxEdits(len(q)), n, func(t, dist int) {
		if !containsTerm(have, int32(t)) && !containsTerm(ms, int32(t)) {
			typos = append(typos, termMatch{term: int32(t), via: viaTypo, dist: uint8(dist)})
		}
	})
	if len(typos) > maxLooseTerms-len(ms) {
		sort.SliceStable(typos, func(i, j int) bool {
			if a, b := typos[i], typos[j]; a.dist != b.dist {
				return a.dist < b.dist
			}
			return l.df(int(typos[i].term)) > l.df(int(typos[j].term))
		})
		typos = typos[:max(0, maxLooseTerms-len(ms))]
	}
	return append(ms, typos...)
}

func containsTerm(ms []termMatch, t int32) bool {
	for _, m := range ms {
		if m.term == t {
			return true
		}
	}
	return false
}

// termIndex finds a term.
func (ix *Index) termIndex(t string, n *need) (int, bool) {
	lo, hi, ok := ix.lex.termRange(t, n)
	return lo, ok && lo < hi && ix.lex.term(lo) == t
}

// wordMatch is what one query word found.
type wordMatch struct {
	terms     []termMatch
	docs      []uint32  // articles, in order
	weight    []float32 // BM25 score of the word in each
	titleDocs []uint32  // the articles where it is in the title
	capped    bool
}

// partMatch is what a query part (a word or a phrase) found.
type partMatch struct {
	part      Part
	words     []wordMatch // one per term of the part
	docs      []uint32
	weight    []float32
	titleDocs []uint32
}

// scratch is per-search working memory the size of the collection,
// reused between searches.
type scratch struct {
	need    need // what the search found missing
	epoch   uint32
	stamp   []uint32 // stamp[d] == epoch: d was reached by the current word
	acc     []float32
	inTitle []bool
	touched []uint32
}

var scratchPool sync.Pool

func (ix *Index) scratch() *scratch {
	if s, ok := scratchPool.Get().(*scratch); ok && len(s.stamp) == len(ix.articles) {
		return s
	}
	n := len(ix.articles)
	return &scratch{stamp: make([]uint32, n), acc: make([]float32, n), inTitle: make([]bool, n)}
}

// matchWord finds the articles of one query word and weighs them. What a
// word found with every shard it needed is kept for the next keystrokes.
func (ix *Index) matchWord(s *scratch, word string, widen bool) wordMatch {
	if wm, ok := ix.words.get(word, widen); ok {
		return wm
	}
	missing := s.need.misses
	wm := ix.matchWordUncached(s, word, widen)
	if s.need.misses == missing {
		ix.words.put(word, widen, wm)
	}
	return wm
}

// wordCache keeps what the last few query words found. A reader types
// one word at a time: while the last word grows, the words before it are
// looked up again on every keystroke, and come from here. Entries are
// shared, so what they hold is never written to.
type wordCache struct {
	mu      sync.Mutex
	entries [8]cachedWord
	next    int
}

type cachedWord struct {
	word  string
	widen bool
	match wordMatch
}

func (c *wordCache) get(word string, widen bool) (wordMatch, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range c.entries {
		if e.word == word && e.widen == widen && e.match.docs != nil {
			return e.match, true
		}
	}
	return wordMatch{}, false
}

func (c *wordCache) put(word string, widen bool, wm wordMatch) {
	if wm.docs == nil {
		wm.docs = []uint32{}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[c.next] = cachedWord{word, widen, wm}
	c.next = (c.next + 1) % len(c.entries)
}

func (ix *Index) matchWordUncached(s *scratch, word string, widen bool) wordMatch {
	missing := s.need.misses
	ms, capped := ix.expand(word, &s.need)
	// Widened only once the word's own terms are known to find little.
	if widen && s.need.misses == missing {
		df := 0
		for _, m := range ms {
			df += ix.lex.df(int(m.term))
		}
		if df < fewArticles {
			ms = append(ms, ix.loose(word, ms, &s.need)...)
		}
	}
	wm := wordMatch{terms: ms, capped: capped}

	s.epoch++
	if s.epoch == 0 { // wrapped: stamps of long ago could look current
		clear(s.stamp)
		s.epoch = 1
	}
	n := uint32(len(ix.articles))
	touched := s.touched[:0]
	for _, m := range ms {
		q := quality(m)
		r, _ := ix.lex.postings(int(m.term), int(n), &s.need)
		for p, ok := r.read(); ok; p, ok = r.read() {
			d := p.doc
			if s.stamp[d] != s.epoch {
				s.stamp[d] = s.epoch
				s.acc[d] = 0
				s.inTitle[d] = false
				touched = append(touched, d)
			}
			s.acc[d] += q * p.ratio
			if p.title {
				s.inTitle[d] = true
			}
		}
	}
	if len(ms) > 1 {
		if len(touched) > len(ix.articles)/16 {
			touched = touched[:0]
			for d := range n {
				if s.stamp[d] == s.epoch {
					touched = append(touched, d)
				}
			}
		} else {
			sort.Slice(touched, func(i, j int) bool { return touched[i] < touched[j] }) // see sort.Slice above
		}
	}
	s.touched = touched

	df := float64(len(touched))
	idf := float32(math.Log(1 + (float64(n)-df+0.5)/(df+0.5)))
	wm.docs = slices.Clone(touched)
	wm.weight = make([]float32, len(touched))
	for i, d := range touched {
		x := s.acc[d] // the word's count over the article's length norm
		wm.weight[i] = idf * x * (bm25K1 + 1) / (x + 1)
		if s.inTitle[d] {
			wm.titleDocs = append(wm.titleDocs, d)
		}
	}
	return wm
}

// matchPart finds the articles that have every word of a part; a phrase's
// articles are checked for the words' order later, on their text.
func (ix *Index) matchPart(s *scratch, p Part, widen bool) partMatch {
	pm := partMatch{part: p}
	for _, t := range p.Terms {
		// Only a single word is widened: a phrase says what it means.
		pm.words = append(pm.words, ix.matchWord(s, t, widen && !p.Phrase()))
	}
	if len(pm.words) == 1 {
		w := pm.words[0]
		pm.docs, pm.weight, pm.titleDocs = w.docs, w.weight, w.titleDocs
		return pm
	}
	pm.docs = slices.Clone(pm.words[0].docs)
	pm.titleDocs = slices.Clone(pm.words[0].titleDocs)
	for _, w := range pm.words[1:] {
		pm.docs = intersect(pm.docs, w.docs)
		pm.titleDocs = intersect(pm.titleDocs, w.titleDocs)
	}
	pm.weight = make([]float32, len(pm.docs))
	for _, w := range pm.words {
		gather(pm.docs, pm.weight, w.docs, w.weight)
	}
	return pm
}

// Run answers a request.
func (ix *Index) Run(r Request) (res Results) {
	if r.Limit <= 0 {
		r.Limit = DefaultLimit
	}
	q := Parse(r.Query)
	res = Results{Request: r, Query: q, Total: len(ix.articles)}
	if q.Empty() {
		return res
	}
	s := ix.scratch()
	defer scratchPool.Put(s)
	s.need = need{}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	defer func() {
		for name := range s.need.names {
			res.Missing = append(res.Missing, name)
		}
		slices.Sort(res.Missing)
	}()

	parts := make([]partMatch, len(q.Must))
	for i, p := range q.Must {
		parts[i] = ix.matchPart(s, p, true)
		for _, w := range parts[i].words {
			res.Partial = res.Partial || w.capped
		}
	}
	var not []uint32
	var notPhrases []partMatch
	for _, p := range q.Not {
		pm := ix.matchPart(s, p, false)
		if p.Phrase() {
			notPhrases = append(notPhrases, pm)
			continue
		}
		not = union(not, pm.docs)
	}

	// Every part, rarest first so the candidates shrink fast.
	byDocs := make([]*partMatch, len(parts))
	for i := range parts {
		byDocs[i] = &parts[i]
	}
	sort.SliceStable(byDocs, func(i, j int) bool { return len(byDocs[i].docs) < len(byDocs[j].docs) })
	cands := slices.Clone(byDocs[0].docs)
	for _, p := range byDocs[1:] {
		cands = intersect(cands, p.docs)
	}
	cands = ix.keep(subtract(cands, not), r)
	if len(cands) == 0 && len(parts) > 1 {
		res.AnyWord = true
		for _, p := range parts {
			cands = union(cands, p.docs)
		}
		cands = ix.keep(subtract(cands, not), r)
	}

	score := make([]float32, len(cands))
	for _, p := range parts {
		gather(cands, score, p.docs, p.weight)
	}
	for i, d := range cands {
		score[i] *= 1 + recencyWeight*ix.fresh[d]
	}

	m := newMatcher(ix, parts)
	if m.phrases() != 0 || len(notPhrases) > 0 {
		var not *matcher
		if len(notPhrases) > 0 {
			not = newMatcher(ix, notPhrases)
		}
		var partial bool
		cands, score, partial = ix.checkPhrases(m, not, cands, score, r, res.AnyWord)
		res.Partial = res.Partial || partial
	}
	if r.Matches {
		res.Matches = make([]int, len(cands))
		for i, d := range cands {
			res.Matches[i] = int(d)
		}
	}
	if r.Keep != nil {
		n := 0
		for i, d := range cands {
			if r.Keep(int(d)) {
				cands[n], score[n] = d, score[i]
				n++
			}
		}
		cands, score = cands[:n], score[:n]
	}
	res.Count = len(cands)

	top := ix.top(cands, score, r.Order, r.Limit)
	res.Hits = make([]Hit, len(top))
	for i, c := range top {
		d := cands[c]
		res.Hits[i] = Hit{Article: &ix.articles[d], Score: score[c]}
		if !r.Plain {
			ix.describe(&res.Hits[i], m)
		}
	}
	if !r.Plain && letters(q) >= minJumpLetters {
		res.Jump = ix.jump(parts, cands, score, q, m)
	}
	return res
}

// minJumpLetters is how much of a query the jump list waits for: one or
// two letters say too little of a title to pick one.
const minJumpLetters = 3

// letters counts the characters of a query's words.
func letters(q Query) int {
	n := 0
	for _, p := range q.Must {
		for _, t := range p.Terms {
			n += utf8.RuneCountInString(t)
		}
	}
	return n
}

// keep filters articles by the request's date range, in place.
func (ix *Index) keep(docs []uint32, r Request) []uint32 {
	if r.From.IsZero() && r.To.IsZero() {
		return docs
	}
	var from, to time.Time
	if !r.From.IsZero() {
		from = r.From.Start
	}
	if !r.To.IsZero() {
		to = r.To.End()
	}
	out := docs[:0]
	for _, d := range docs {
		date := &ix.articles[d].Date
		if date.IsZero() {
			continue
		}
		end := date.End()
		if !end.After(date.Start) {
			end = date.Start.Add(time.Nanosecond)
		}
		if (from.IsZero() || end.After(from)) && (to.IsZero() || date.Start.Before(to)) {
			out = append(out, d)
		}
	}
	return out
}

// top returns the positions in cands of the best n, in order: a bounded
// heap, so a keystroke that matches 100,000 articles sorts 20 of them.
func (ix *Index) top(cands []uint32, score []float32, order Order, n int) []int {
	better := func(a, b int) bool { // a ranks above b
		if order == ByDate {
			return ix.byDate[cands[a]] < ix.byDate[cands[b]]
		}
		if score[a] != score[b] {
			return score[a] > score[b]
		}
		return ix.byDate[cands[a]] < ix.byDate[cands[b]]
	}
	// h is a heap with the worst of the best so far at h[0].
	h := make([]int, 0, min(n, len(cands)))
	down := func(i int) {
		for {
			l := 2*i + 1
			if l >= len(h) {
				return
			}
			if r := l + 1; r < len(h) && better(h[l], h[r]) {
				l = r
			}
			if !better(h[i], h[l]) {
				return
			}
			h[i], h[l] = h[l], h[i]
			i = l
		}
	}
	for c := range cands {
		if len(h) < n {
			h = append(h, c)
			for i := len(h) - 1; i > 0; {
				p := (i - 1) / 2
				if !better(h[p], h[i]) {
					break
				}
				h[p], h[i] = h[i], h[p]
				i = p
			}
			continue
		}
		if better(c, h[0]) {
			h[0] = c
			down(0)
		}
	}
	sort.Slice(h, func(i, j int) bool { return better(h[i], h[j]) })
	return h
}

// checkPhrases keeps the candidates whose text has the query's phrases
// (in AnyWord mode: some part of the query) and none of the excluded
// phrases. It reads the text of the candidates in the request's order,
// and stops once it has a page of hits and has read phraseWant bytes, or
// has read phraseBudget bytes: the candidates it did not read are left
// out and the count is partial.
func (ix *Index) checkPhrases(m, not *matcher, cands []uint32, score []float32, r Request, anyWord bool) ([]uint32, []float32, bool) {
	want := m.phrases()
	if anyWord {
		want = m.allParts()
	}
	order := ix.top(cands, score, r.Order, min(len(cands), phraseCandidates))
	keep := make([]bool, len(cands))
	spent, kept := 0, 0
	partial := len(order) < len(cands)
	for i, c := range order {
		if spent > phraseBudget || spent > phraseWant && kept >= r.Limit {
			partial = partial || i < len(order)
			break
		}
		a := &ix.articles[cands[c]]
		spent += len(a.Title) + len(a.Body)
		found := m.in(a, want)
		ok := found == want || anyWord && found != 0
		if ok && not != nil && not.in(a, not.allParts()) != 0 {
			ok = false
		}
		if ok {
			keep[c] = true
			kept++
		}
	}
	out, outScore := cands[:0], score[:0]
	for i, d := range cands {
		if keep[i] {
			out = append(out, d)
			outScore = append(outScore, score[i])
		}
	}
	return out, outScore, partial
}

// jump picks articles whose titles have every part of the query, for the
// switcher, ordered by how well the query reads in the title.
func (ix *Index) jump(parts []partMatch, cands []uint32, score []float32, q Query, m *matcher) []TitleHit {
	const maxJump = 3
	titled := slices.Clone(cands)
	for _, p := range parts {
		titled = intersect(titled, p.titleDocs)
	}
	if len(titled) == 0 {
		return nil
	}
	// Their scores, carried over from the candidates.
	ts := make([]float32, len(titled))
	for i, j := 0, 0; i < len(titled); i++ {
		for cands[j] != titled[i] {
			j++
		}
		ts[i] = score[j]
	}
	best := ix.top(titled, ts, ByRelevance, 8)
	arts := make([]*data.Article, len(best))
	for i, c := range best {
		arts[i] = &ix.articles[titled[c]]
	}
	return fuzzyTitles(arts, q, m, maxJump)
}

// Highlight returns the spans of s that match the query q, judged by the
// query alone (no index): prefixes, loose keys and small typos, as a
// search would find them.
func Highlight(s, q string) []Span {
	query := Parse(q)
	if query.Empty() {
		return nil
	}
	m := newMatcher(nil, nil)
	for _, p := range query.Must {
		m.addPart(p, nil)
	}
	var spans []Span
	for t := range text.EachToken(s) {
		if _, ok := m.match(t.Term); ok {
			spans = append(spans, Span{t.Start, t.End})
		}
	}
	return spans
}

// sameText reports whether a and b read the same, ignoring case.
func sameText(a, b string) bool { return strings.EqualFold(a, b) }
