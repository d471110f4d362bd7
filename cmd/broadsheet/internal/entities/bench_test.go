package entities

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"math/rand/v2"
	"slices"
	"syscall"
	"testing"
	"time"

	"broadsheet/app/entity"
	"broadsheet/data"
	"broadsheet/data/corpus"
)

func collection(t testing.TB, name string) *data.Collection {
	if name == "seed" {
		return corpus.Seed(t)
	}
	return corpus.BBCOrSkip(t)
}

// BenchmarkBuild is the build's row of the entities table, for the seed
// and the BBC feed: the time to build (wall, and CPU: machines are shared),
// the entities by origin, their mentions, the related articles and the
// terms they share. BenchmarkDecode has the file's sizes.
//
//	go test -run '^$' -bench 'Build|Decode' ./cmd/broadsheet/internal/entities/
func BenchmarkBuild(b *testing.B) {
	for _, name := range []string{"seed", "bbc10k"} {
		b.Run(name, func(b *testing.B) {
			c := collection(b, name)
			var ix *entity.Index
			cpu := cpuTime()
			for b.Loop() {
				var err error
				if ix, err = Build(c); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(millis(cpuTime()-cpu)/float64(b.N), "cpu-ms/op")
			origins := map[entity.Origin]int{}
			for _, e := range ix.Entities {
				origins[e.Origin]++
			}
			mentions, related := 0, 0
			for _, a := range ix.Articles {
				mentions += len(a.Mentions)
				related += len(a.Related)
			}
			b.ReportMetric(float64(len(ix.Entities)), "entities")
			b.ReportMetric(float64(origins[entity.Gazetteer]), "gazetteer")
			b.ReportMetric(float64(origins[entity.Heuristic]), "heuristic")
			b.ReportMetric(float64(origins[entity.Metadata]), "metadata")
			b.ReportMetric(float64(mentions), "mentions")
			b.ReportMetric(float64(related), "related")
			b.ReportMetric(float64(len(ix.Terms)), "terms")
		})
	}
}

// BenchmarkDecode decodes the entities file as the browser does, and
// reports its size, raw and gzipped, beside the same content as compact
// JSON (jsonFile).
func BenchmarkDecode(b *testing.B) {
	for _, name := range []string{"seed", "bbc10k"} {
		b.Run(name, func(b *testing.B) {
			c := collection(b, name)
			ix, err := Build(c)
			if err != nil {
				b.Fatal(err)
			}
			raw := ix.Encode()
			b.SetBytes(int64(len(raw)))
			for b.Loop() {
				if _, err := entity.Decode(c, raw); err != nil {
					b.Fatal(err)
				}
			}
			js := jsonFile(ix)
			b.ReportMetric(float64(len(raw)), "file-B")
			b.ReportMetric(float64(gzipped(raw)), "file-gzip-B")
			b.ReportMetric(float64(len(js)), "json-B")
			b.ReportMetric(float64(gzipped(js)), "json-gzip-B")
		})
	}
}

// BenchmarkFacets is one keystroke's facet counting over the BBC feed
// (10,731 articles): every article matching (an empty query, the worst
// case), a thousand, and a hundred, with no selection and with a country
// and a person selected; ten values listed per kind.
func BenchmarkFacets(b *testing.B) {
	c := corpus.BBCOrSkip(b)
	ix, err := Build(c)
	if err != nil {
		b.Fatal(err)
	}
	all := make([]int, len(c.Articles))
	for i := range all {
		all[i] = i
	}
	rng := rand.New(rand.NewPCG(1, 2))
	sample := func(n int) []int {
		m := slices.Clone(all)
		rng.Shuffle(len(m), func(i, j int) { m[i], m[j] = m[j], m[i] })
		m = m[:n]
		slices.Sort(m)
		return m
	}
	uk, _ := ix.Lookup(entity.Country, "United Kingdom")
	ukraine, _ := ix.Lookup(entity.Country, "Ukraine")
	putin, _ := ix.Lookup(entity.Person, "Vladimir Putin")
	for _, m := range []struct {
		name    string
		matches []int
	}{{"all", all}, {"1000", sample(1000)}, {"100", sample(100)}} {
		for _, s := range []struct {
			name string
			sel  []entity.ID
		}{{"none", nil}, {"country+person", []entity.ID{uk, ukraine, putin}}} {
			b.Run(m.name+"/"+s.name, func(b *testing.B) {
				for b.Loop() {
					ix.Facets(m.matches, s.sel, 10)
				}
			})
		}
		b.Run(m.name+"/filter", func(b *testing.B) {
			sel := []entity.ID{uk, ukraine, putin}
			for b.Loop() {
				ix.Filter(m.matches, sel)
			}
		})
	}
}

// jsonFile is the same content as the binary file, as compact JSON, to
// compare sizes: entities as [kind, origin, name], mentions as [entity,
// title, start, end], related as [article, refs…].
func jsonFile(ix *entity.Index) []byte {
	type article struct {
		M [][4]int `json:"m,omitempty"`
		K []int    `json:"k,omitempty"`
		R [][]int  `json:"r,omitempty"`
	}
	var f struct {
		E [][3]any  `json:"e"`
		T []string  `json:"t"`
		A []article `json:"a"`
	}
	for _, e := range ix.Entities {
		f.E = append(f.E, [3]any{e.Kind, e.Origin, e.Name})
	}
	f.T = ix.Terms
	for _, a := range ix.Articles {
		var j article
		for _, m := range a.Mentions {
			t := 0
			if m.Title {
				t = 1
			}
			j.M = append(j.M, [4]int{int(m.Entity), t, m.Start, m.End})
		}
		for _, id := range a.Meta {
			j.K = append(j.K, int(id))
		}
		for _, r := range a.Related {
			row := []int{r.Article}
			for _, ref := range r.Because {
				row = append(row, int(ref))
			}
			j.R = append(j.R, row)
		}
		f.A = append(f.A, j)
	}
	b, _ := json.Marshal(f)
	return b
}

func gzipped(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func millis(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
