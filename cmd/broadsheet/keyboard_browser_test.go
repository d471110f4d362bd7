//go:build !(js && wasm)

package main

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestKeyboardAlone: search, move through the results, open one, come back
// to the search box, list the shortcuts and open the timeline, all without
// a mouse.
func TestKeyboardAlone(t *testing.T) {
	e := setup(t)
	ctx := e.tab(t)
	open(t, ctx, e.url+"/")
	key := func(k string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.KeyEvent(k)); err != nil {
			t.Fatal(err)
		}
	}
	typeInto(t, ctx, "#search-input", "likes")
	// Wait for the results of the whole word, not of a prefix typed on the way.
	waitFor(t, ctx, "results", `(document.querySelector("[data-query]") || {dataset: {}}).dataset.query === "likes" && document.querySelectorAll(".result").length >= 3`)
	second := resultTitles(t, ctx)[1]
	// Down from the box goes through the titles to jump to, if any, then
	// the results.
	for i := 0; i < 12 && !eval[bool](t, ctx, `document.activeElement === document.querySelectorAll(".result h2 a")[1]`); i++ {
		key(kb.ArrowDown)
	}
	waitFor(t, ctx, "the second result to have focus", `document.activeElement === document.querySelectorAll(".result h2 a")[1]`)
	key(kb.ArrowUp)
	waitFor(t, ctx, "the first result to have focus", `document.activeElement === document.querySelectorAll(".result h2 a")[0]`)
	key(kb.ArrowDown)
	key(kb.Enter)
	waitFor(t, ctx, "the article", `location.pathname.startsWith("/article/")`)
	if h1 := textOf(t, ctx, "article h1"); h1 != second {
		t.Errorf("Enter opened %q, want %q", h1, second)
	}

	key("?")
	waitFor(t, ctx, "the shortcut list", `!!document.querySelector(".shortcuts")`)
	if list := textOf(t, ctx, ".shortcuts"); !strings.Contains(list, "Open the timeline") {
		t.Errorf("shortcut list = %q", list)
	}
	key(kb.Escape)
	waitFor(t, ctx, "the list to close", `!document.querySelector(".shortcuts")`)

	key("/")
	waitFor(t, ctx, "the search box, focused", `location.pathname === "/" && document.activeElement && document.activeElement.id === "search-input"`)
	typeInto(t, ctx, "#search-input", "rahmon")
	waitFor(t, ctx, "results", `document.querySelectorAll(".result").length > 0`)
	key(kb.Escape)
	waitFor(t, ctx, "the box cleared", `document.getElementById("search-input").value === "" && !location.search.includes("q=")`)

	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`)); err != nil {
		t.Fatal(err)
	}
	key("t")
	waitFor(t, ctx, "the timeline", `location.pathname === "/timeline"`)
	// Focus is always visible: the focused element has an outline.
	key(kb.Tab)
	if style := eval[string](t, ctx, `getComputedStyle(document.activeElement).outlineStyle`); style == "none" {
		t.Error("the focused element shows no outline")
	}
}
