package search

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"broadsheet/data"
	"broadsheet/data/corpus"
)

// BenchmarkShards is the index's share of issue 17's scale table: for a
// full-text collection (corpus.FullText) of 10,000 and 100,000 articles,
// and 1,000,000 when BROADSHEET_SHARDS_1M is set (minutes and gigabytes),
// the time to write the index, the shards it is cut into, and what
// queries fetch from a cold index: every query of scaleQueries run on an
// index that has only its head, fetching what it finds missing. One op is
// that set of queries.
//
//	go test -run '^$' -bench Shards -benchtime 1x ./app/search/
//
// Metrics: build-s, head-B; terms, words, keys: shards of each kind and
// their total bytes (-n, -B); query-p50-B, query-p95-B, query-max-B:
// bytes fetched by a cold query; exact-p50-B, typo-p50-B: the same for
// the queries spelt right and those with a swapped letter; rounds-max.
func BenchmarkShards(b *testing.B) {
	sizes := []int{10_000, 100_000}
	if os.Getenv("BROADSHEET_SHARDS_1M") != "" {
		sizes = append(sizes, 1_000_000)
	}
	for _, n := range sizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			c := corpus.FullText(n)
			start := time.Now()
			f := Write(c)
			build := time.Since(start)
			count, size := map[string]int{}, map[string]int{}
			for name, s := range f.Shards {
				count[name[:1]]++
				size[name[:1]] += len(s)
			}
			exact, typos := scaleQueries(c)
			var all, ex, ty []int
			rounds := 0
			for b.Loop() {
				all, ex, ty = all[:0], ex[:0], ty[:0]
				for i, q := range append(slices.Clone(exact), typos...) {
					_, bytes, r := coldQuery(b, c, f, q)
					all = append(all, bytes)
					if i < len(exact) {
						ex = append(ex, bytes)
					} else {
						ty = append(ty, bytes)
					}
					rounds = max(rounds, r)
				}
			}
			for _, s := range [][]int{all, ex, ty} {
				slices.Sort(s)
			}
			b.ReportMetric(build.Seconds(), "build-s")
			b.ReportMetric(float64(len(f.Head)), "head-B")
			for _, k := range []struct{ dir, name string }{{"t", "terms"}, {"w", "words"}, {"k", "keys"}} {
				b.ReportMetric(float64(count[k.dir]), k.name+"-n")
				b.ReportMetric(float64(size[k.dir]), k.name+"-B")
			}
			b.ReportMetric(float64(percentile(all, 50)), "query-p50-B")
			b.ReportMetric(float64(percentile(all, 95)), "query-p95-B")
			b.ReportMetric(float64(all[len(all)-1]), "query-max-B")
			b.ReportMetric(float64(percentile(ex, 50)), "exact-p50-B")
			b.ReportMetric(float64(percentile(ty, 50)), "typo-p50-B")
			b.ReportMetric(float64(rounds), "rounds-max")
		})
	}
}

// scaleQueries are queries drawn from a collection the same way at any
// size: the first word of titles spread over it, the first two, and the
// second with its second and third letters swapped (a typo).
func scaleQueries(c *data.Collection) (exact, typos []string) {
	step := max(len(c.Articles)/40, 1)
	for i := 0; i < len(c.Articles); i += step {
		w := strings.Fields(strings.ToLower(c.Articles[i].Title))
		if len(w) < 2 {
			continue
		}
		exact = append(exact, w[0], w[0]+" "+w[1])
		if r := []rune(w[1]); len(r) > 4 {
			r[1], r[2] = r[2], r[1]
			typos = append(typos, string(r))
		}
	}
	return exact, typos
}

// percentile is the p-th percentile of sorted values.
func percentile(sorted []int, p int) int {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, max(0, (len(sorted)*p+99)/100-1))]
}
