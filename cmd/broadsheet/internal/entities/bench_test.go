package entities

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"broadsheet/app/entity"
	"broadsheet/data"
)

func collection(t testing.TB, name string) *data.Collection {
	if name == "seed" {
		return seed(t)
	}
	return bbc(t)
}

func BenchmarkBuild(b *testing.B) {
	for _, name := range []string{"seed", "bbc10k"} {
		b.Run(name, func(b *testing.B) {
			c := collection(b, name)
			for b.Loop() {
				if _, err := Build(c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkDecode(b *testing.B) {
	c := bbc(b)
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
}

// BenchmarkFacets is one keystroke's facet counting over the BBC feed
// (10,731 articles): every article matching (an empty query, the worst
// case), a thousand, and a hundred, with no selection and with a country
// and a person selected; ten values listed per kind.
func BenchmarkFacets(b *testing.B) {
	c := bbc(b)
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

// TestSizeTable prints, for the seed and the BBC feed: the time to build
// (wall and CPU: machines are shared), the number of entities by origin,
// the file's size as binary and as JSON, raw and gzipped, and the time to
// decode it. It asserts nothing about time.
//
//	go test -run TestSizeTable -v ./cmd/broadsheet/internal/entities/
func TestSizeTable(t *testing.T) {
	for _, name := range []string{"seed", "bbc10k"} {
		c := collection(t, name)
		wall, cpu := time.Now(), cpuTime()
		ix, err := Build(c)
		if err != nil {
			t.Fatal(err)
		}
		buildWall, buildCPU := time.Since(wall), cpuTime()-cpu
		bin, js := ix.Encode(), jsonFile(ix)
		start := time.Now()
		if _, err := entity.Decode(c, bin); err != nil {
			t.Fatal(err)
		}
		decode := time.Since(start)
		origins := map[entity.Origin]int{}
		mentions, related := 0, 0
		for _, e := range ix.Entities {
			origins[e.Origin]++
		}
		for _, a := range ix.Articles {
			mentions += len(a.Mentions)
			related += len(a.Related)
		}
		t.Logf("%-7s %6d articles: build %v (CPU %v); %d entities (gazetteer %d, heuristic %d, metadata %d), %d mentions, %d related, %d terms",
			name, len(c.Articles), buildWall.Round(time.Millisecond), buildCPU.Round(time.Millisecond), len(ix.Entities),
			origins[entity.Gazetteer], origins[entity.Heuristic], origins[entity.Metadata], mentions, related, len(ix.Terms))
		t.Logf("%-7s binary %d B (gzip %d), JSON %d B (gzip %d); decode %v", name, len(bin), gzipped(bin), len(js), gzipped(js), decode.Round(time.Microsecond))
	}
}

// TestBBCSample logs the most frequent names the heuristic finds in the
// BBC feed and a few articles' related lists, to read by eye.
//
//	go test -run TestBBCSample -v ./cmd/broadsheet/internal/entities/
func TestBBCSample(t *testing.T) {
	if testing.Short() {
		t.Skip("reading by eye")
	}
	c := bbc(t)
	ix, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	count := map[entity.ID]int{}
	for i := range ix.Articles {
		for _, id := range ix.Values(i) {
			count[id]++
		}
	}
	var ids []entity.ID
	for id := range count {
		if ix.Entities[id].Origin == entity.Heuristic {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool {
		return count[ids[i]] > count[ids[j]] || count[ids[i]] == count[ids[j]] && ids[i] < ids[j]
	})
	var names []string
	for _, id := range ids[:min(len(ids), 80)] {
		names = append(names, ix.Entities[id].Name)
	}
	t.Logf("most frequent heuristic names: %s", strings.Join(names, ", "))
	for i := 0; i < len(c.Articles); i += len(c.Articles) / 5 {
		t.Logf("%s", c.Articles[i].Title)
		for _, r := range ix.Articles[i].Related {
			t.Logf("    → %s (%s)", c.Articles[r.Article].Title, ix.Reason(r))
		}
	}
}
