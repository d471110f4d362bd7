//go:build !(js && wasm)

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestReadingListSurvivesAReload: an article saved to the reading list is
// there on /saved after a reload, and can be removed.
func TestReadingListSurvivesAReload(t *testing.T) {
	e := setup(t)
	ctx := e.tab(t)
	open(t, ctx, e.url+"/article/tiktoker-arrested-for-insulting-uzbek-citizens-online")
	eval[bool](t, ctx, `localStorage.removeItem("broadsheet.saved"), true`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#reading-list-button"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the button to say saved", `document.getElementById("reading-list-button").getAttribute("aria-pressed") === "true"`)
	open(t, ctx, e.url+"/saved")
	if got := textOf(t, ctx, "#reading-list li a"); !strings.HasPrefix(got, "TikToker") {
		t.Errorf("reading list shows %q", got)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#reading-list .remove"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the list to empty", `document.querySelectorAll("#reading-list li").length === 0`)
	open(t, ctx, e.url+"/saved")
	if n := eval[int](t, ctx, `document.querySelectorAll("#reading-list li").length`); n != 0 {
		t.Errorf("%d items after removing the only one and reloading", n)
	}
}

// TestDamagedStoreIsSetAside: a store that does not decode is moved to a
// dated key and reported; the page works and starts a new list.
func TestDamagedStoreIsSetAside(t *testing.T) {
	e := setup(t)
	ctx := e.tab(t)
	open(t, ctx, e.url+"/about")
	eval[bool](t, ctx, `localStorage.setItem("broadsheet.saved", "{\"version\": 1, \"reading\": [{\"slug\""), true`)
	open(t, ctx, e.url+"/saved")
	if notice := textOf(t, ctx, "#saved-notice"); !strings.Contains(notice, "set aside") {
		t.Errorf("notice = %q", notice)
	}
	aside := eval[string](t, ctx, `Object.keys(localStorage).filter(k => k.startsWith("broadsheet.saved.damaged.")).join(",")`)
	if aside == "" {
		t.Fatal("the damaged store was not kept aside")
	}
	if raw := eval[string](t, ctx, `localStorage.getItem("`+strings.Split(aside, ",")[0]+`")`); !strings.HasPrefix(raw, `{"version": 1`) {
		t.Errorf("set-aside copy = %q", raw)
	}
	// The page is usable: import a saved search from a file.
	file := filepath.Join(t.TempDir(), "saved.json")
	os.WriteFile(file, []byte(`{"version": 1, "searches": [{"name": "Rahmon", "url": "/?q=rahmon", "saved": "2025-06-01T00:00:00Z"}]}`), 0o644)
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.CSS("#import-saved"), []string{file})); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the import", `document.getElementById("saved-notice").textContent.includes("Imported 1")`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#saved-searches a"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the saved search", `location.search === "?q=rahmon" && document.querySelectorAll(".result").length > 0`)
}

// TestCopyCitation: the citation names the article and its approximate
// date and points at the article's page.
func TestCopyCitation(t *testing.T) {
	e := setup(t)
	ctx := e.tab(t)
	open(t, ctx, e.url+"/article/tiktoker-arrested-for-insulting-uzbek-citizens-online")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#cite-button"))); err != nil {
		t.Fatal(err)
	}
	got := textOf(t, ctx, "#citation .citation-text")
	for _, want := range []string{"TikToker Arrested for Insulting Uzbek Citizens Online.", "(ca. 2025, March)", e.url + "/article/tiktoker-arrested-for-insulting-uzbek-citizens-online"} {
		if !strings.Contains(got, want) {
			t.Errorf("citation %q lacks %q", got, want)
		}
	}
}
