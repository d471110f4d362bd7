//go:build !(js && wasm)

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/chromedp/chromedp"

	"broadsheet/app/text"
	"broadsheet/data"
)

// The quick search (web/quick-search.js) answers before the wasm arrives;
// go-app's ?wasm=false keeps the wasm away for as long as a test needs.

// TestQuickFoldIsTheIndexFold holds the script's folding and keys to the
// text package's: every character of the ranges readers type in, alone and
// between letters, the Cyrillic letters after every letter, the seed
// collection, and the BBC export when it is there.
func TestQuickFoldIsTheIndexFold(t *testing.T) {
	e := setup(t)
	ctx := e.tab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(e.url+"/?wasm=false"), chromedp.WaitReady(chromedp.CSS("#search-input"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the quick search", `!!window.broadsheetQuick`)

	var inputs []string
	for r := rune(0x20); r < 0x3000; r++ {
		if utf8.ValidRune(r) && unicode.IsPrint(r) {
			inputs = append(inputs, string(r), "b"+string(r)+"d", "Ба"+string(r)+"е")
		}
	}
	for r := rune(0x3000); r < 0x30000; r += 7 {
		if unicode.IsPrint(r) {
			inputs = append(inputs, "x"+string(r))
		}
	}
	for p := rune(0x400); p < 0x530; p++ {
		for _, l := range "еЕёЁєїѐ" {
			inputs = append(inputs, string(p)+string(l), "1"+string(l), string(p)+"\u0301"+string(l))
		}
	}
	inputs = append(inputs,
		"O‘zbekiston's 1,507 people", "Rahmon’s", "3.5 and 179(3)", "Kazakh-Russian",
		"Фарҳод Одинаев", "Мирзиёев", "Горбачёв", "ЦСКА", "ﬁne Ｔａｊｉｋ", "İstanbul", "ΣΟΦΟΣ", "Şəhər",
		"и\u0306", "Дж", "1,5070", "abc’s’d", "a'b", "'quoted'")
	c := testCollection(t)
	for _, a := range c.Articles {
		inputs = append(inputs, a.Title, a.Summary)
		inputs = append(inputs, strings.Split(a.Body, "\n")...)
	}
	if bbc := bbcExport(); fileExists(bbc) {
		for _, a := range bbcIngested(t).Articles {
			inputs = append(inputs, a.Title, a.Body)
		}
	} else {
		t.Logf("no %s: the seed and the character tables only", bbc)
	}

	bad := 0
	for start := 0; start < len(inputs); start += 2000 {
		batch := inputs[start:min(start+2000, len(inputs))]
		js, _ := json.Marshal(batch)
		got := evalAwait[[]string](t, ctx, fmt.Sprintf(`Promise.all(%s.map(s => window.broadsheetQuick.fold(s).then(ts => ts.join(" "))))`, js))
		for i, s := range batch {
			if want := text.Fold(s); got[i] != want {
				if bad++; bad <= 20 {
					t.Errorf("fold %q (%U): script %q, text.Fold %q", s, []rune(s), got[i], want)
				}
			}
		}
	}
	if bad > 20 {
		t.Errorf("… %d differences in all, of %d strings", bad, len(inputs))
	}

	// Keys, for every term of those strings.
	seen := map[string]bool{}
	var terms []string
	for _, s := range inputs {
		for _, w := range strings.Fields(text.Fold(s)) {
			if !seen[w] {
				seen[w] = true
				terms = append(terms, w)
			}
		}
	}
	terms = append(terms, "rakhmon", "rahmonov", "balayeva", "dzhaksybekov", "mirziyoyev", "kyiv", "dmitrii", "bakhyt", "qazaqstan", "shamsiddin")
	bad = 0
	for start := 0; start < len(terms); start += 5000 {
		batch := terms[start:min(start+5000, len(terms))]
		js, _ := json.Marshal(batch)
		got := eval[[]string](t, ctx, fmt.Sprintf(`%s.map(window.broadsheetQuick.key)`, js))
		for i, w := range batch {
			if want := text.Key(w); got[i] != want {
				if bad++; bad <= 20 {
					t.Errorf("key %q: script %q, text.Key %q", w, got[i], want)
				}
			}
		}
	}
	t.Logf("%d strings folded and %d keys made alike", len(inputs), len(terms))
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// quickExpected is what the quick search must list for one query word:
// the articles with a word starting with it, those with it in the title
// first, then the newest.
func quickExpected(c *data.Collection, prefix string) []string {
	var inTitle, other []string
	has := func(s string) bool {
		for tok := range text.EachToken(s) {
			if strings.HasPrefix(tok.Term, prefix) {
				return true
			}
		}
		return false
	}
	for _, a := range c.Articles {
		switch {
		case has(a.Title):
			inTitle = append(inTitle, a.Title)
		case has(a.Summary) || has(a.Body):
			other = append(other, a.Title)
		}
	}
	return append(inTitle, other...)
}

func TestQuickSearchAnswersBeforeTheApp(t *testing.T) {
	e := setup(t)
	ctx := e.tab(t)
	c := testCollection(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(e.url+"/?wasm=false"), chromedp.WaitReady(chromedp.CSS("#search-input"))); err != nil {
		t.Fatal(err)
	}
	latest := eval[int](t, ctx, `document.querySelectorAll(".latest .result").length`)
	if latest == 0 {
		t.Fatal("the prerendered page lists no latest articles")
	}
	quickTitles := func(q string) []string {
		t.Helper()
		waitFor(t, ctx, "quick results for "+q, fmt.Sprintf(`!!document.querySelector('section.results[data-quick][data-query=%q]')`, q))
		if eval[bool](t, ctx, `document.documentElement.hasAttribute("data-live")`) {
			t.Fatal("the wasm ran despite ?wasm=false")
		}
		return resultTitles(t, ctx)
	}

	typeInto(t, ctx, "#search-input", "rahmon")
	want := quickExpected(c, "rahmon")
	if got := quickTitles("rahmon"); !slices.Equal(got, want) || len(want) == 0 {
		t.Errorf("rahmon: quick results %q, want %q", got, want)
	}
	if count := textOf(t, ctx, "#result-count"); !strings.HasPrefix(count, fmt.Sprintf("%d of %d articles", len(want), len(c.Articles))) {
		t.Errorf("count line %q", count)
	}
	if u := eval[string](t, ctx, `location.search`); !strings.Contains(u, "q=rahmon") {
		t.Errorf("the address %q does not carry the query", u)
	}

	// Cyrillic, through the loose key: Рахмон is rakhmon, the articles
	// write Rahmon.
	eval[bool](t, ctx, `(b => { b.value = ""; b.dispatchEvent(new Event("input", {bubbles: true})); return true })(document.getElementById("search-input"))`)
	waitFor(t, ctx, "the latest articles back", `document.querySelectorAll(".latest .result").length > 0`)
	typeInto(t, ctx, "#search-input", "Рахмон")
	if got := quickTitles("Рахмон"); !slices.Equal(got, want) {
		t.Errorf("Рахмон: quick results %q, want those of rahmon %q", got, want)
	}

	// The hostile title stays text.
	for _, a := range c.Articles {
		if strings.Contains(a.Title, "<") {
			word := strings.Fields(text.Fold(a.Title))[0]
			if err := chromedp.Do(ctx, chromedp.Navigate(e.url+"/?wasm=false&q="+word)); err != nil {
				t.Fatal(err)
			}
			titles := quickTitles(word)
			if !slices.Contains(titles, a.Title) {
				t.Errorf("%q: quick results %q lack the title %q", word, titles, a.Title)
			}
			if n := eval[int](t, ctx, `document.querySelectorAll(".result h2 img, .result h2 script, .result [onerror], .result [onfocus]").length`); n != 0 {
				t.Errorf("the hostile title made %d elements", n)
			}
		}
	}

	// A query in the address is answered on arrival, and the box shows it.
	if err := chromedp.Do(ctx, chromedp.Navigate(e.url+"/?wasm=false&q=likes")); err != nil {
		t.Fatal(err)
	}
	if got, want := quickTitles("likes"), quickExpected(c, "likes"); !slices.Equal(got, want) || len(want) == 0 {
		t.Errorf("likes from the address: %q, want %q", got, want)
	}
	if v := eval[string](t, ctx, `document.getElementById("search-input").value`); v != "likes" {
		t.Errorf("the box shows %q", v)
	}
}

// TestQuickSearchUnderSubPath: under /broadsheet/ the quick results link
// into the sub-path, and the app, once it arrives, answers the query the
// quick search put in the address.
func TestQuickSearchUnderSubPath(t *testing.T) {
	e := setup(t)
	dist := buildSite(t, "/broadsheet/", nil)
	srv := serveUnder("/broadsheet", mustServer(t, dist))
	defer srv.Close()
	ctx := e.tab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/broadsheet/?wasm=false"), chromedp.WaitReady(chromedp.CSS("#search-input"))); err != nil {
		t.Fatal(err)
	}
	typeInto(t, ctx, "#search-input", "likes")
	waitFor(t, ctx, "quick results", `!!document.querySelector('section.results[data-quick][data-query="likes"] .result')`)
	hrefs := eval[[]string](t, ctx, `[...document.querySelectorAll(".result h2 a")].map(a => a.getAttribute("href"))`)
	for _, h := range hrefs {
		if !strings.HasPrefix(h, "/broadsheet/article/") || !strings.HasSuffix(h, "?q=likes") {
			t.Errorf("quick result link %q", h)
		}
	}
	if p := eval[string](t, ctx, `location.pathname + location.search`); p != "/broadsheet/?wasm=false&q=likes" {
		t.Errorf("address %q", p)
	}
	// The same address without ?wasm=false: the app starts and answers.
	open(t, ctx, srv.URL+"/broadsheet/?q=likes")
	waitFor(t, ctx, "the app's results", `!!document.querySelector('section.results[data-query="likes"]:not([data-quick]) .result')`)
	if got, want := len(resultTitles(t, ctx)), len(quickExpected(testCollection(t), "likes")); got < want {
		t.Errorf("the app lists %d results, the quick search %d", got, want)
	}
}
