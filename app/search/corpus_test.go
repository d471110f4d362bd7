package search

// Collections for benchmarks and the latency table: the seed, the BBC feed
// of 2022 (10,731 items, from shared/corpora) and a synthetic collection
// of 100,000 full-length articles recombined from the sentences of both.

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"broadsheet/data"
	"broadsheet/data/corpus"
)

// synthetic makes n full-length articles from the sentences of the seed
// and the BBC feed, deterministically: each has a BBC title and 8 to 24
// sentences drawn with a fixed seed, dated across 2022–2025.
func synthetic(t testing.TB, n int) *data.Collection {
	t.Helper()
	var sentences, titles []string
	for _, c := range []*data.Collection{corpus.Seed(t), corpus.BBCOrSkip(t)} {
		for _, a := range c.Articles {
			titles = append(titles, a.Title)
			for _, s := range strings.SplitAfter(a.Body, ". ") {
				if s = strings.TrimSpace(s); len(s) > 20 {
					sentences = append(sentences, s)
				}
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	c := &data.Collection{Name: fmt.Sprintf("Synthetic %d", n), Articles: make([]data.Article, n)}
	start := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	var b strings.Builder
	for i := range c.Articles {
		b.Reset()
		for k := 8 + rng.IntN(17); k > 0; k-- {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(sentences[rng.IntN(len(sentences))])
		}
		c.Articles[i] = data.Article{
			Slug:  fmt.Sprintf("synthetic-%d", i),
			Title: titles[rng.IntN(len(titles))],
			Body:  b.String(),
			Date:  data.Date{Start: start.Add(time.Duration(rng.IntN(4*365*24)) * time.Hour), Precision: data.PrecisionTime},
		}
	}
	c.Sort()
	return c
}

// rawBytes is the text an index is measured against: titles and bodies.
func rawBytes(c *data.Collection) int {
	n := 0
	for i := range c.Articles {
		n += len(c.Articles[i].Title) + len(c.Articles[i].Body)
	}
	return n
}

// typedQueries are real searches, typed a character at a time: every
// prefix is a query, as the search box sends them.
var typedQueries = []string{
	"ukraine",
	"boris johnson",
	"cost of living",
	"covid vaccine",
	"zelensky",
	"Zelenksy",
	"Зеленский",
	"prime minister resigns",
	`"prime minister"`,
	"energy bills -gas",
	"world cup qatar",
	"Рахмон",
	"tajikistan likes",
	"queen elizabeth funeral",
	"inflation interest rates",
}

// prefixes returns every query typed on the way to each of qs.
func prefixes(qs []string) []string {
	var out []string
	for _, q := range qs {
		r := []rune(q)
		for i := 1; i <= len(r); i++ {
			if p := string(r[:i]); strings.TrimSpace(p) != "" {
				out = append(out, p)
			}
		}
	}
	return out
}
