package entities

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"broadsheet/app/entity"
	"broadsheet/app/text"
	"broadsheet/data"
)

// Related articles share rare things: the entities both mention and the
// terms and two-word phrases both use that few other articles do. Each
// article is a vector of BM25 weights over its words and one over its
// entities; two articles are as related as the cosine of their words plus
// the cosine of their entities (the bonus for sharing names).
//
// It stays fast on a large collection because no pair of articles is
// compared unless they share a feature: each article keeps only its
// maxFeatures strongest features, and only features found in at most
// maxShare of the articles (and at least two) are used, so that the
// inverted index over them has short lists. The work is the sum, over
// features, of the square of their document frequency.
const (
	maxRelated  = 5
	maxReasons  = 3
	maxFeatures = 40
	maxEntities = 20
	// entityBonus weighs the cosine of two articles' entities against
	// that of their words.
	entityBonus = 1.0
	// wordDamping multiplies the weight of a single English word: in a
	// small collection every shared word looks rare, and names and phrases
	// ("Article 179", "Criminal Code") say more about a topic than
	// "penalties" does.
	wordDamping = 0.6
	// minScore is the least cosine a related article must have.
	minScore = 0.08
	k1, b    = 1.2, 0.75
)

// maxShare is the largest document frequency a feature may have: a tenth
// of the collection, but at least 3 so that small collections relate.
func maxShare(n int) int { return max(3, n/10) }

// feature is one thing articles can share: an entity, a term or a pair of
// adjacent terms.
type feature struct {
	entity entity.ID // or -1 for a term
	words  []string  // the folded term's words, to tell overlapping reasons
	df     int
	// surface is the spelling the collection gives the term most often,
	// kept by majority vote (Boyer–Moore): votes counts for it.
	surface string
	votes   int
}

func (f *feature) vote(s string) {
	switch {
	case f.votes == 0:
		f.surface, f.votes = s, 1
	case f.surface == s:
		f.votes++
	default:
		f.votes--
	}
}

type weighted struct {
	f int32
	w float64
}

// relate computes every article's related articles, and the display forms
// of the terms their reasons name.
func relate(c *data.Collection, arts []articleScan, anns []entity.Annotations, entities []entity.Entity) ([]string, [][]entity.Related) {
	n := len(arts)
	ids := map[string]int32{}
	var features []feature
	tfs := make([]map[int32]float64, n)
	lengths := make([]float64, n)
	intern := func(key string, e entity.ID, words []string) int32 {
		id, ok := ids[key]
		if !ok {
			id = int32(len(features))
			ids[key] = id
			features = append(features, feature{entity: e, words: words})
		}
		return id
	}
	for i := range arts {
		tf := map[int32]float64{}
		for f, fl := range arts[i].fields {
			weight := 1.0
			if f == 0 {
				weight = 2 // a title says what the article is about
			}
			var prev *token
			for k := range fl.toks {
				t := &fl.toks[k]
				if fl.covered[k] || functionWords[t.Term] || fillerWords[t.Term] || monthDays[t.Term] || utf8.RuneCountInString(t.Term) < 2 {
					prev = nil
					continue
				}
				lengths[i]++
				if t.letters {
					id := intern("t:"+t.Term, -1, []string{t.Term})
					tf[id] += weight
					features[id].vote(t.surface)
				}
				if prev != nil && plainGap(t.gap) && (prev.letters || t.letters) {
					id := intern("b:"+prev.Term+" "+t.Term, -1, []string{prev.Term, t.Term})
					tf[id] += weight
					features[id].vote(prev.surface + t.gap + t.surface)
				}
				prev = t
			}
		}
		for _, m := range anns[i].Mentions {
			e := &entities[m.Entity]
			id := intern(fmt.Sprint("e:", m.Entity), m.Entity, strings.Fields(text.Fold(e.Name)))
			tf[id]++
		}
		for _, e := range anns[i].Meta {
			if entities[e].Kind == entity.Tag {
				id := intern(fmt.Sprint("e:", e), e, strings.Fields(text.Fold(entities[e].Name)))
				tf[id]++
			}
		}
		for id := range tf {
			features[id].df++
		}
		tfs[i] = tf
	}

	// Each article's strongest rare features, as a unit vector.
	var avg float64
	for _, l := range lengths {
		avg += l
	}
	avg = max(avg/float64(max(n, 1)), 1)
	limit := maxShare(n)
	vecs := make([][]weighted, n)
	postings := make([][]weighted, len(features)) // weighted.f is the article here
	for i, tf := range tfs {
		var v []weighted
		norm := k1 * (1 - b + b*lengths[i]/avg)
		for id, x := range tf {
			df := features[id].df
			if df < 2 || df > limit {
				continue
			}
			idf := math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
			w := idf * x * (k1 + 1) / (x + norm)
			if f := &features[id]; f.entity < 0 && len(f.words) == 1 && englishWords()[f.words[0]] {
				w *= wordDamping
			}
			v = append(v, weighted{id, w})
		}
		// Entities and words are two vectors, each of unit length, the
		// entities' scaled so that the score is the words' cosine plus
		// entityBonus times the entities'.
		ents := slices.DeleteFunc(slices.Clone(v), func(x weighted) bool { return features[x.f].entity < 0 })
		words := slices.DeleteFunc(v, func(x weighted) bool { return features[x.f].entity >= 0 })
		v = append(unitVector(ents, maxEntities, math.Sqrt(entityBonus)), unitVector(words, maxFeatures, 1)...)
		slices.SortFunc(v, func(a, b weighted) int { return cmp.Compare(a.f, b.f) })
		vecs[i] = v
		for _, x := range v {
			postings[x.f] = append(postings[x.f], weighted{int32(i), x.w})
		}
	}

	titles := make([]string, n)
	for i := range c.Articles {
		titles[i] = text.Fold(c.Articles[i].Title)
	}
	var terms []string
	termIndex := map[int32]int{}
	related := make([][]entity.Related, n)
	scores := make([]float64, n)
	var touched []int32
	for i := range vecs {
		for _, x := range vecs[i] {
			for _, p := range postings[x.f] {
				if int(p.f) == i {
					continue
				}
				if scores[p.f] == 0 {
					touched = append(touched, p.f)
				}
				scores[p.f] += x.w * p.w
			}
		}
		// The best few, kept in order by insertion: the candidates run to
		// thousands where an article shares a country with many.
		best := make([]weighted, 0, maxRelated+1)
		for _, j := range touched {
			s := scores[j]
			scores[j] = 0
			if s < minScore || len(best) == maxRelated && !better(weighted{j, s}, best[maxRelated-1]) || titles[j] == titles[i] {
				continue
			}
			k := len(best)
			for k > 0 && better(weighted{j, s}, best[k-1]) {
				k--
			}
			best = slices.Insert(best, k, weighted{j, s})
			if len(best) > maxRelated {
				best = best[:maxRelated]
			}
		}
		touched = touched[:0]
		for _, r := range best {
			rel := entity.Related{Article: int(r.f)}
			for _, f := range reasons(vecs[i], vecs[r.f], features) {
				if e := features[f].entity; e >= 0 {
					rel.Because = append(rel.Because, entity.Ref(e))
					continue
				}
				t, ok := termIndex[f]
				if !ok {
					t = len(terms)
					termIndex[f] = t
					terms = append(terms, features[f].surface)
				}
				rel.Because = append(rel.Because, entity.TermRef(t))
			}
			related[i] = append(related[i], rel)
		}
	}
	return terms, related
}

// unitVector keeps the n strongest of v, scaled to length scale.
func unitVector(v []weighted, n int, scale float64) []weighted {
	slices.SortFunc(v, func(a, b weighted) int { return cmp.Or(cmp.Compare(b.w, a.w), cmp.Compare(a.f, b.f)) })
	if len(v) > n {
		v = v[:n]
	}
	var sum float64
	for _, x := range v {
		sum += x.w * x.w
	}
	for k := range v {
		v[k].w *= scale / math.Sqrt(sum)
	}
	return v
}

// better orders candidates: higher score first, then earlier article.
func better(a, b weighted) bool { return a.w > b.w || a.w == b.w && a.f < b.f }

// reasons are the features two articles share that count most towards
// their score, at most maxReasons, leaving out a feature whose words an
// earlier one already shows ("criminal" after "Criminal Code").
func reasons(a, b []weighted, features []feature) []int32 {
	var shared []weighted
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].f < b[j].f:
			i++
		case a[i].f > b[j].f:
			j++
		default:
			shared = append(shared, weighted{a[i].f, a[i].w * b[j].w})
			i, j = i+1, j+1
		}
	}
	slices.SortFunc(shared, func(x, y weighted) int { return cmp.Or(cmp.Compare(y.w, x.w), cmp.Compare(x.f, y.f)) })
	var out []int32
	seen := map[string]bool{}
next:
	for _, s := range shared {
		if len(out) == maxReasons {
			break
		}
		for _, w := range features[s.f].words {
			if seen[w] {
				continue next
			}
		}
		for _, w := range features[s.f].words {
			seen[w] = true
		}
		out = append(out, s.f)
	}
	return out
}
