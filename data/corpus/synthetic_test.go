package corpus

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/andybalholm/brotli"

	"broadsheet/data"
)

func TestFullTextIsTheSameEveryTime(t *testing.T) {
	a, b := FullText(300), FullText(300)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two calls of FullText(300) differ")
	}
	// A smaller collection is part of a larger one.
	bigger := map[string]data.Article{}
	for _, x := range FullText(600).Articles {
		bigger[x.Slug] = x
	}
	for _, x := range a.Articles {
		if y, ok := bigger[x.Slug]; !ok || !reflect.DeepEqual(x, y) {
			t.Fatalf("article %s of FullText(300) is not in FullText(600) as it is", x.Slug)
		}
	}
}

func TestFullTextArticles(t *testing.T) {
	const n = 2000
	c := FullText(n)
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != n {
		t.Fatalf("%d articles, want %d", len(c.Articles), n)
	}
	precisions := map[data.Precision]int{}
	sources, authors, tags := map[string]bool{}, map[string]bool{}, map[string]bool{}
	cyrillic := 0
	for _, a := range c.Articles {
		if len(a.Body) < minBody || len(a.Body) > maxBody {
			t.Errorf("%s: body of %d bytes, want %d to %d", a.Slug, len(a.Body), minBody, maxBody)
		}
		if ps := a.Paragraphs(); len(ps) < 3 {
			t.Errorf("%s: %d paragraphs", a.Slug, len(ps))
		}
		if a.Language != "en" || a.Source == "" || len(a.Tags) == 0 || a.URL == "" {
			t.Errorf("%s: language %q, source %q, tags %q, url %q", a.Slug, a.Language, a.Source, a.Tags, a.URL)
		}
		precisions[a.Date.Precision]++
		sources[a.Source] = true
		authors[a.Author] = true
		for _, tag := range a.Tags {
			tags[tag] = true
		}
		if strings.ContainsFunc(a.Body, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) {
			cyrillic++
		}
	}
	if d := precisions[data.PrecisionDay]; d < n*85/100 {
		t.Errorf("%d of %d articles dated to the day, want most (89%%)", d, n)
	}
	for _, p := range []data.Precision{data.PrecisionMonth, data.PrecisionYear, data.PrecisionUnknown} {
		if precisions[p] == 0 {
			t.Errorf("no article has a date of precision %q", p)
		}
	}
	if len(sources) > 10 || len(authors) > 50 || len(tags) > 30 {
		t.Errorf("%d sources, %d authors, %d tags: want small pools", len(sources), len(authors), len(tags))
	}
	// One article in ten or so names somebody in Cyrillic.
	if cyrillic < n/20 || cyrillic > n/4 {
		t.Errorf("%d of %d articles write a name in Cyrillic", cyrillic, n)
	}
}

func TestToCyrillic(t *testing.T) {
	for _, tc := range []struct{ latin, want string }{
		{"rakhmon", "Рахмон"},
		{"shoev", "Шоэв"}, // e after a vowel
		{"elena", "Элена"},
		{"chazhuzoda", "Чажузода"},
		{"medev", "Медев"},
	} {
		if got := toCyrillic(tc.latin); got != tc.want {
			t.Errorf("toCyrillic(%q) = %q, want %q", tc.latin, got, tc.want)
		}
	}
}

// TestFullTextLikeNews holds the text to real news: bodies compress about
// as the seed's do, and the vocabulary keeps growing with the collection.
func TestFullTextLikeNews(t *testing.T) {
	small, large := profile(FullText(500)), profile(FullText(2000))
	if r := large.bodyRatio; r < 1.9 || r > 2.4 {
		t.Errorf("gzip compresses a body %.2f×, want 1.9–2.4× (the seed's news: 2.05×)", r)
	}
	if b := heaps(small, large); b < 0.5 || b > 0.75 {
		t.Errorf("vocabulary %d → %d words from %d to %d articles, growing as n^%.2f; want n^0.5 to n^0.75",
			small.vocabulary, large.vocabulary, small.articles, large.articles, b)
	}
}

// BenchmarkFullText times the generator and prints what its text is like
// beside real news: compression and the vocabulary's growth.
func BenchmarkFullText(b *testing.B) {
	var rows []string
	var prev textProfile
	for _, n := range []int{1000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			if testing.Short() && n > 10_000 {
				b.Skip("-short")
			}
			var c *data.Collection
			for b.Loop() {
				c = FullText(n)
			}
			b.StopTimer()
			p := profile(c)
			if n == 1000 {
				p.jsonGzip, p.jsonBrotli = jsonRatios(c)
			}
			b.ReportMetric(float64(p.bytes)/1e6, "MB")
			b.ReportMetric(p.bodyRatio, "gzip-body")
			b.ReportMetric(float64(p.vocabulary), "words")
			gen := time.Duration(b.Elapsed().Nanoseconds() / int64(b.N))
			rows = append(rows, p.row(fmt.Sprintf("FullText(%d)", n), gen, heaps(prev, p)))
			prev = p
		})
	}
	for _, real := range []struct {
		name string
		c    func() *data.Collection
	}{
		{"seed (6, real)", func() *data.Collection { return Seed(b) }},
		{"BBC feed (real)", func() *data.Collection { c, _ := BBC(); return c }},
	} {
		if c := real.c(); c != nil {
			p := profile(c)
			p.jsonGzip, p.jsonBrotli = jsonRatios(c)
			rows = append(rows, p.row(real.name, 0, 0))
		}
	}
	fmt.Printf("\n%-16s %8s %9s %9s %10s %9s %8s %8s %8s\n", "", "articles", "text MB", "generate", "vocabulary", "growth", "gz body", "gz all", "JSON gz/br")
	fmt.Print(strings.Join(rows, ""))
}

// textProfile is what FullText promises of a collection's text.
type textProfile struct {
	articles   int
	bytes      int     // titles and bodies
	bodyRatio  float64 // raw ÷ gzip, each body on its own
	wholeRatio float64 // raw ÷ gzip, all the text in one stream
	vocabulary int     // distinct words (runs of letters and digits), lower-cased
	// The collection file as the site ships it, gzip -9 and brotli 11;
	// measured at 1,000 articles only (brotli 11 takes a while).
	jsonGzip, jsonBrotli float64
}

func profile(c *data.Collection) textProfile {
	p := textProfile{articles: len(c.Articles)}
	var one, all bytes.Buffer
	zOne, zAll := gzip.NewWriter(&one), gzip.NewWriter(&all)
	bodyRaw, bodyZ := 0, 0
	words := map[string]struct{}{}
	for i := range c.Articles {
		a := &c.Articles[i]
		one.Reset()
		zOne.Reset(&one)
		zOne.Write([]byte(a.Body))
		zOne.Close()
		bodyRaw += len(a.Body)
		bodyZ += one.Len()
		for _, s := range []string{a.Title, a.Body} {
			p.bytes += len(s)
			zAll.Write([]byte(s))
			for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
				words[strings.ToLower(w)] = struct{}{}
			}
		}
	}
	zAll.Close()
	p.bodyRatio = float64(bodyRaw) / float64(bodyZ)
	p.wholeRatio = float64(p.bytes) / float64(all.Len())
	p.vocabulary = len(words)
	return p
}

func jsonRatios(c *data.Collection) (gz, br float64) {
	js, err := c.Encode()
	if err != nil {
		return -1, -1
	}
	var g, r bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&g, gzip.BestCompression)
	zw.Write(js)
	zw.Close()
	bw := brotli.NewWriterOptions(&r, brotli.WriterOptions{Quality: 11, LGWin: 24})
	bw.Write(js)
	bw.Close()
	return float64(len(js)) / float64(g.Len()), float64(len(js)) / float64(r.Len())
}

// heaps is the exponent b of vocabulary ∝ articles^b between two profiles.
func heaps(a, b textProfile) float64 {
	if a.articles == 0 || a.articles == b.articles {
		return 0
	}
	return math.Log(float64(b.vocabulary)/float64(a.vocabulary)) / math.Log(float64(b.articles)/float64(a.articles))
}

func (p textProfile) row(name string, gen time.Duration, growth float64) string {
	g, h, j := "", "", ""
	if gen > 0 {
		g = gen.Round(time.Millisecond).String()
	}
	if growth > 0 {
		h = fmt.Sprintf("n^%.2f", growth)
	}
	if p.jsonGzip > 0 {
		j = fmt.Sprintf("%.2f/%.2f", p.jsonGzip, p.jsonBrotli)
	}
	return fmt.Sprintf("%-16s %8d %9.1f %9s %10d %9s %8.2f %8.2f %8s\n",
		name, p.articles, float64(p.bytes)/1e6, g, p.vocabulary, h, p.bodyRatio, p.wholeRatio, j)
}
