// Package quick writes the quick-search files: a small index, in shards,
// that web/quick-search.js reads to answer a query on the prerendered page
// while app.wasm (1.6 MB) is still on its way. On a slow link the wasm
// takes ten seconds or more to arrive; a query needs one shard of a few
// kilobytes and the rows it shows, and is answered in two or three.
//
// The shards hold the terms of the text package, as the real index does,
// so a query folds the same way in both: the script gets the fold tables
// (Fold's result for every character where it is not the character's own
// lower case, and the Cyrillic letters whose spelling depends on the
// letter before) from meta.json, generated here from text.Fold itself.
//
// The files, under web/quick/<hash>/ (the hash of their content, so that
// a new build never mixes with an old one):
//
//	meta.json      {"count", "block", "key", "terms": [shards], "keys": [shards],
//	               "fold": {…}, "foldRanges": […], "after": {…}}
//	t/<key>.json   [[term, [title ids], [other ids]], …], the terms whose
//	               first two characters are the key; ids as gaps
//	k/<key>.json   the same for the loose keys of text.Key, for the words
//	               whose key is not the word itself
//	d/<n>.json     [[href, title, date, date label, lead], …] for the
//	               articles n*block to (n+1)*block-1
//
// An article's id is its place in the collection, newest first, so that
// the smaller id of two is the newer article.
package quick

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"broadsheet/app/text"
	"broadsheet/data"
)

// Block is how many articles' rows one d/ file holds: a page of results
// touches a few blocks, each a few kilobytes compressed.
const Block = 50

// keyRunes is how many leading characters of a term name its shard. Two
// keep the shards small at 100,000 articles; a query needs two characters
// before the quick search answers (the live app answers one).
const keyRunes = 2

// Options say what the rows show.
type Options struct {
	Base  string                   // the site's path prefix: "" or "/broadsheet"
	Href  func(slug string) string // an article's path under Base
	Label func(data.Date) string   // a date as the pages show it
	Lead  func(body string) string // the lines a row shows under the title
}

// Build returns the files, by path under web/, and the folder they are in.
func Build(c *data.Collection, o Options) (dir string, files map[string][]byte, err error) {
	type posting struct{ title, other []int }
	terms := map[string]*posting{}
	for id := range c.Articles {
		a := &c.Articles[id]
		inTitle := map[string]bool{}
		for t := range text.EachToken(a.Title) {
			inTitle[t.Term] = true
		}
		seen := map[string]bool{}
		add := func(term string, title bool) {
			if seen[term] {
				return
			}
			seen[term] = true
			p := terms[term]
			if p == nil {
				p = &posting{}
				terms[term] = p
			}
			if title {
				p.title = append(p.title, id)
			} else {
				p.other = append(p.other, id)
			}
		}
		for term := range inTitle {
			add(term, true)
		}
		for _, s := range []string{a.Summary, a.Body} {
			for t := range text.EachToken(s) {
				add(t.Term, false)
			}
		}
	}

	// The loose keys of text.Key (Rakhmon and Rahmon are both rakmon),
	// for the words whose key is not the word itself.
	looseKeys := map[string]*posting{}
	for term, p := range terms {
		k := text.Key(term)
		if k == term {
			continue
		}
		lp := looseKeys[k]
		if lp == nil {
			lp = &posting{}
			looseKeys[k] = lp
		}
		lp.title = append(lp.title, p.title...)
		lp.other = append(lp.other, p.other...)
	}
	for _, p := range looseKeys {
		p.title = ascending(p.title)
		p.other = ascending(p.other)
	}

	files = map[string][]byte{}
	entry := func(p *posting) []any { return []any{gaps(p.title), gaps(p.other)} }
	termShards, err := writeShards(files, "t/", terms, entry)
	if err != nil {
		return "", nil, err
	}
	keyShards, err := writeShards(files, "k/", looseKeys, entry)
	if err != nil {
		return "", nil, err
	}
	for start := 0; start < len(c.Articles); start += Block {
		var rows [][]string
		for i := start; i < min(start+Block, len(c.Articles)); i++ {
			a := &c.Articles[i]
			date := ""
			if !a.Date.IsZero() {
				date = a.Date.String()
			}
			rows = append(rows, []string{o.Base + o.Href(a.Slug), a.Title, date, o.Label(a.Date), o.Lead(a.Body)})
		}
		b, err := json.Marshal(rows)
		if err != nil {
			return "", nil, err
		}
		files[fmt.Sprintf("d/%d.json", start/Block)] = b
	}
	meta, err := json.Marshal(struct {
		Count     int                          `json:"count"`
		Block     int                          `json:"block"`
		Key       int                          `json:"key"`
		Terms     []string                     `json:"terms"`
		Keys      []string                     `json:"keys"`
		Fold      map[string]string            `json:"fold"`
		FoldUntil [][2]rune                    `json:"foldRanges"`
		After     map[string]map[string]string `json:"after"`
	}{len(c.Articles), Block, keyRunes, termShards, keyShards, foldTable(), foldRanges, afterTable()})
	if err != nil {
		return "", nil, err
	}
	files["meta.json"] = meta

	// The folder is named for the hash of everything in it.
	h := sha256.New()
	for _, name := range slices.Sorted(maps.Keys(files)) {
		fmt.Fprintf(h, "%s %d\n", name, len(files[name]))
		h.Write(files[name])
	}
	dir = "quick/" + hex.EncodeToString(h.Sum(nil))[:12]
	out := make(map[string][]byte, len(files))
	for name, b := range files {
		out[path.Join(dir, name)] = b
	}
	return dir, out, nil
}

// writeShards writes the entries of m, [word, entry(p)...], in shards by
// their first characters under prefix, and returns the shards' names.
func writeShards[P any](files map[string][]byte, prefix string, m map[string]P, entry func(P) []any) ([]string, error) {
	shards := map[string][][]any{}
	for _, w := range slices.Sorted(maps.Keys(m)) {
		k := key(w)
		shards[k] = append(shards[k], append([]any{w}, entry(m[w])...))
	}
	var names []string
	for _, k := range slices.Sorted(maps.Keys(shards)) {
		b, err := json.Marshal(shards[k])
		if err != nil {
			return nil, err
		}
		names = append(names, fileName(k))
		files[prefix+fileName(k)+".json"] = b
	}
	return names, nil
}

// ascending sorts ids and drops repeats.
func ascending(ids []int) []int {
	slices.Sort(ids)
	return slices.Compact(ids)
}

// key is the shard a term is in: its first keyRunes characters.
func key(term string) string {
	n := 0
	for i := range term {
		if n == keyRunes {
			return term[:i]
		}
		n++
	}
	return term
}

// fileName spells a shard key safely for any file system and URL: its
// UTF-8 bytes in hex ("ra" is 7261). The script does the same.
func fileName(k string) string { return hex.EncodeToString([]byte(k)) }

// gaps writes ascending ids as the first id and the gaps between them,
// which are small numbers and compress well.
func gaps(ids []int) []int {
	out := make([]int, len(ids))
	prev := 0
	for i, id := range ids {
		out[i] = id - prev
		prev = id
	}
	return out
}

// foldRanges are the characters whose fold the script takes from the
// table; above them it uses the character's own lower case, which is what
// Fold gives there (the test of the script checks every character).
var foldRanges = [][2]rune{{0, 0x2500}, {0xFE20, 0xFE30}}

// foldTable gives, for every character of foldRanges that can be in a word
// and is left as it is by NFKC (the script normalizes first), its part of
// a term inside a word, where that differs from the character itself.
func foldTable() map[string]string {
	t := map[string]string{}
	for _, rg := range foldRanges {
		for r := rg[0]; r < rg[1]; r++ {
			if !utf8.ValidRune(r) || !text.InWord(r) {
				continue
			}
			if f := foldAfter("b", r); f != string(r) {
				t[string(r)] = f
			}
		}
	}
	return t
}

// foldAfter is what r adds to the term of the word prev+r: r's spelling
// after the letters prev. Apostrophes add nothing wherever they are.
func foldAfter(prev string, r rune) string {
	if text.IsApostrophe(r) {
		return ""
	}
	before := text.Fold(prev)
	return strings.TrimPrefix(text.Fold(prev+string(r)), before)
}

// afterTable lists the letters whose spelling depends on the letter before
// them in the word (Cyrillic е: ye at the start and after a vowel, e after
// a consonant): for each, its spelling after each lower-case letter where
// that differs from foldTable's, "" standing for the start of the word or
// a digit.
func afterTable() map[string]map[string]string {
	prevs := []string{""}
	for r := rune('a'); r <= 'z'; r++ {
		prevs = append(prevs, string(r))
	}
	for r := rune(0x0400); r < 0x0530; r++ {
		if unicode.IsLower(r) {
			prevs = append(prevs, string(r))
		}
	}
	t := map[string]map[string]string{}
	for r := rune(0x0400); r < 0x0530; r++ {
		if !unicode.IsLower(r) {
			continue
		}
		usual := foldAfter("b", r)
		after := map[string]string{}
		for _, p := range prevs {
			if s := foldAfter(p, r); s != usual {
				after[p] = s
			}
		}
		if len(after) > 0 {
			t[string(r)] = after
		}
	}
	return t
}
