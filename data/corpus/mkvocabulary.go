//go:build ignore

// mkvocabulary writes vocabulary/words.txt and vocabulary/names.txt, the
// real words and names the synthetic full-text collection (synthetic.go)
// starts its vocabulary with, from the BBC feed export in shared/corpora:
//
//	go run mkvocabulary.go
//
// A word is a token written in lower case at least 70% of the times it
// appears; a name one written capitalized, away from the start of a
// sentence, at least 90% of the times. Both lists are in order of
// frequency, most frequent first. They are committed, so the generator
// never needs the export.
package main

import (
	"fmt"
	"log"
	"os"
	"sort"
	"strings"
	"unicode"

	"broadsheet/data/corpus"
)

const (
	nWords = 4000
	nNames = 1500
)

type counts struct{ all, lower, capitalized int }

func main() {
	c, err := corpus.BBC()
	if err != nil {
		log.Fatal(err)
	}
	seen := map[string]*counts{}
	for _, a := range c.Articles {
		for _, text := range []string{a.Title, a.Body} {
			start := true
			for _, f := range strings.Fields(text) {
				w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) })
				if strings.HasSuffix(w, "'s") {
					w = strings.TrimSuffix(w, "'s")
				}
				if w != "" && isWord(w) {
					k := strings.ToLower(w)
					n := seen[k]
					if n == nil {
						n = &counts{}
						seen[k] = n
					}
					n.all++
					switch {
					case w == k:
						n.lower++
					case !start && w == capitalize(k):
						n.capitalized++
					}
				}
				start = strings.ContainsAny(f[len(f)-1:], ".?!:")
			}
		}
	}
	var words, names []string
	for w, n := range seen {
		switch {
		case n.all >= 2 && float64(n.lower) >= 0.7*float64(n.all):
			words = append(words, w)
		case n.all >= 3 && len(w) >= 3 && float64(n.capitalized) >= 0.9*float64(n.all):
			names = append(names, capitalize(w))
		}
	}
	byFrequency := func(ws []string) {
		sort.Slice(ws, func(i, j int) bool {
			a, b := seen[strings.ToLower(ws[i])].all, seen[strings.ToLower(ws[j])].all
			if a != b {
				return a > b
			}
			return ws[i] < ws[j]
		})
	}
	byFrequency(words)
	byFrequency(names)
	write("vocabulary/words.txt", words[:min(nWords, len(words))])
	write("vocabulary/names.txt", names[:min(nNames, len(names))])
}

// isWord keeps plain ASCII words: letters, at most one inner apostrophe.
func isWord(w string) bool {
	for i, r := range w {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '\'' && i > 0 && i < len(w)-1) {
			return false
		}
	}
	return !strings.Contains(w, "'")
}

func capitalize(w string) string { return strings.ToUpper(w[:1]) + w[1:] }

func write(name string, ws []string) {
	if err := os.WriteFile(name, []byte(strings.Join(ws, "\n")+"\n"), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %d\n", name, len(ws))
}
