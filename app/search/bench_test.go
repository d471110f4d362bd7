package search

import (
	"slices"
	"testing"
	"time"

	"broadsheet/data"
	"broadsheet/data/corpus"
)

func benchCollection(b *testing.B, name string) *data.Collection {
	switch name {
	case "seed":
		return corpus.Seed(b)
	case "bbc10k":
		return corpus.BBCOrSkip(b)
	}
	return synthetic(b, 100_000)
}

var benchSizes = []string{"seed", "bbc10k", "synthetic100k"}

func BenchmarkBuild(b *testing.B) {
	for _, name := range benchSizes[:2] {
		b.Run(name, func(b *testing.B) {
			c := benchCollection(b, name)
			b.SetBytes(int64(rawBytes(c)))
			for b.Loop() {
				Write(c)
			}
		})
	}
}

func BenchmarkLoad(b *testing.B) {
	for _, name := range benchSizes[:2] {
		b.Run(name, func(b *testing.B) {
			c := benchCollection(b, name)
			f := Write(c)
			b.SetBytes(int64(f.size()))
			for b.Loop() {
				if _, err := openAll(c, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLatency is the search table, one row per collection. One op is
// a round of typing: the search of every prefix of typedQueries, as the
// search box sends them, each a page of DefaultLimit hits with highlights,
// snippets and the jump list, and each timed on its own. Besides the time
// of a round (ns/op) the row has:
//
//	articles, raw-MB          the collection: its titles and bodies
//	index-B, index-%          the index's files, all of them, and their share
//	                          of the raw text (a query fetches a few)
//	build-ms, load-ms         encoding the index and loading it, timed once
//	p50-µs, p95-µs            a keystroke's search, over every one timed
//	best-p50-µs, best-p95-µs  the same over each keystroke's fastest round:
//	                          the latency without the other processes of a
//	                          shared machine
//
// Nothing asserts a time: machines are shared and noisy (TestBytesPerQuery
// holds what a query fetches to its budget). The 100,000-article row takes 10 s or
// more to make and index; -short leaves it out, and so does naming the
// rows wanted, as the run in wasm does. -benchtime 5x types five rounds.
//
//	go test -run '^$' -bench Latency ./app/search/
//	PATH="$(go env GOROOT)/lib/wasm:$PATH" GOOS=js GOARCH=wasm go test -gcflags=all=-l -run '^$' -bench 'Latency/(seed|bbc10k)$' ./app/search/
func BenchmarkLatency(b *testing.B) {
	for _, name := range benchSizes {
		b.Run(name, func(b *testing.B) {
			if testing.Short() && name == "synthetic100k" {
				b.Skip("-short: 100,000 articles take 10 s or more to make and index")
			}
			c := benchCollection(b, name)
			start := time.Now()
			f := Write(c)
			build := time.Since(start)
			start = time.Now()
			ix, err := openAll(c, f)
			if err != nil {
				b.Fatal(err)
			}
			load := time.Since(start)
			ix.Search("warm up")
			qs := prefixes(typedQueries)
			all := make([]time.Duration, 0, 1<<20) // room for the rounds: no growing while timed
			best := slices.Repeat([]time.Duration{time.Hour}, len(qs))
			for b.Loop() {
				for k, q := range qs {
					start := time.Now()
					ix.Search(q)
					d := time.Since(start)
					all = append(all, d)
					best[k] = min(best[k], d)
				}
			}
			slices.Sort(all)
			slices.Sort(best)
			text := rawBytes(c)
			b.ReportMetric(float64(len(c.Articles)), "articles")
			b.ReportMetric(float64(text)/1e6, "raw-MB")
			b.ReportMetric(float64(f.size()), "index-B")
			b.ReportMetric(100*float64(f.size())/float64(text), "index-%")
			b.ReportMetric(millis(build), "build-ms")
			b.ReportMetric(millis(load), "load-ms")
			b.ReportMetric(micros(pct(all, 50)), "p50-µs")
			b.ReportMetric(micros(pct(all, 95)), "p95-µs")
			b.ReportMetric(micros(pct(best, 50)), "best-p50-µs")
			b.ReportMetric(micros(pct(best, 95)), "best-p95-µs")
		})
	}
}

// openAll opens an index with every shard, as New does with its own.
func openAll(c *data.Collection, f Files) (*Index, error) {
	ix, err := Open(c, f.Head)
	if err != nil {
		return nil, err
	}
	for name, b := range f.Shards {
		if err := ix.Add(name, b); err != nil {
			return nil, err
		}
	}
	return ix, nil
}

// size is the bytes of every file.
func (f Files) size() int {
	n := len(f.Head)
	for _, b := range f.Shards {
		n += len(b)
	}
	return n
}

// pct is the p-th percentile of durations, sorted and at least one.
func pct(sorted []time.Duration, p int) time.Duration {
	return sorted[min(len(sorted)-1, max(0, (len(sorted)*p+99)/100-1))]
}

func millis(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
func micros(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }
