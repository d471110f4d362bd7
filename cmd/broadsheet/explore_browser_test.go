//go:build !(js && wasm)

package main

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestResearcherFlow is issue 7's walk: narrow the seed collection to
// Tajikistan and Rahmon with the facets, open an article, follow a related
// one, come back, save the search, export the results for Zotero, switch
// to Russian, reload, and find the same view.
func TestResearcherFlow(t *testing.T) {
	e := setup(t)
	ctx := e.tab(t)
	open(t, ctx, e.url+"/")
	eval[bool](t, ctx, `localStorage.clear(), true`)

	clickFacet := func(kind, name string) {
		t.Helper()
		sel := `[...document.querySelectorAll("#facets .facet a")].find(a => a.querySelector(".facet-name").textContent === ` + jsString(name) + `)`
		waitFor(t, ctx, "the facet "+name, "!!"+sel)
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](sel+`.click()`)); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the filter in the URL", `new URLSearchParams(location.search).getAll("`+kind+`").includes(`+jsString(name)+`)`)
	}
	clickFacet("country", "Tajikistan")
	clickFacet("person", "Emomali Rahmon")
	waitFor(t, ctx, "the filtered list", `document.querySelectorAll(".result").length > 0`)
	titles := resultTitles(t, ctx)
	if len(titles) != 3 {
		t.Errorf("Tajikistan + Rahmon lists %d articles, want the 3 Tajik ones: %q", len(titles), titles)
	}
	for _, title := range titles {
		if !strings.HasPrefix(title, "Tajikistan") {
			t.Errorf("%q is not a Tajik article", title)
		}
	}
	filtered := eval[string](t, ctx, `location.href`)

	// Export for Zotero: capture the file the page hands the browser.
	eval[bool](t, ctx, `(() => { const orig = URL.createObjectURL; URL.createObjectURL = b => { b.text().then(t => window.__download = t); return orig(b) }; return true })()`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#export-csl"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the CSL-JSON file", `typeof window.__download === "string"`)
	var csl []map[string]any
	if err := json.Unmarshal([]byte(eval[string](t, ctx, `window.__download`)), &csl); err != nil {
		t.Fatalf("CSL-JSON export: %v", err)
	}
	if len(csl) != 3 || csl[0]["type"] != "article-newspaper" || csl[0]["issued"] == nil {
		t.Errorf("CSL-JSON export = %v", csl)
	}

	// Save the search.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#save-search-button"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "saved", `document.getElementById("save-search-button").textContent.includes("✓")`)

	// Open an article, then a related one; Back twice returns to the view.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".result h2 a"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the article", `location.pathname.startsWith("/article/") && !!document.querySelector(".related a")`)
	if got := textOf(t, ctx, "#mentions-heading"); got == "" {
		t.Error("the article lists no people, places or organisations")
	}
	if reason := textOf(t, ctx, ".related .reason"); !strings.Contains(reason, "also mentions") {
		t.Errorf("related article reason = %q", reason)
	}
	first := eval[string](t, ctx, `location.pathname`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".related a"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the related article", `location.pathname.startsWith("/article/") && location.pathname !== `+jsString(first))
	if err := chromedp.Do(ctx, chromedp.NavigateBack()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the first article again", `location.pathname === `+jsString(first))
	if err := chromedp.Do(ctx, chromedp.NavigateBack()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the filtered view again", `location.href === `+jsString(filtered)+` && document.querySelectorAll(".result").length === 3`)

	// Russian, remembered across a reload; the view is the same.
	// The language is remembered in the browser: forget it whatever
	// happens, or the tests after this one would run in Russian.
	t.Cleanup(func() {
		chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`localStorage.removeItem("broadsheet.lang")`))
	})
	eval[bool](t, ctx, `(s => { s.value = "ru"; s.dispatchEvent(new Event("change", {bubbles: true})); return true })(document.getElementById("lang-select"))`)
	waitFor(t, ctx, "the Russian interface", `document.documentElement.lang === "ru" && document.querySelector("nav a").textContent === "Поиск"`)
	open(t, ctx, filtered)
	waitFor(t, ctx, "Russian after a reload", `document.documentElement.lang === "ru" && document.querySelectorAll(".result").length === 3`)
	if count := textOf(t, ctx, "#result-count"); !strings.Contains(count, "из") {
		t.Errorf("count line in Russian = %q", count)
	}
	open(t, ctx, e.url+"/saved")
	link := eval[string](t, ctx, `document.querySelector("#saved-searches a").getAttribute("href")`)
	u, _ := url.Parse(filtered)
	if link != u.RequestURI() {
		t.Errorf("saved search links to %q, want %q", link, u.RequestURI())
	}
}
