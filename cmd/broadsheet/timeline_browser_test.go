//go:build !(js && wasm)

package main

// Browser tests of the timeline page: brushing the publication histogram,
// the keyboard, events that open their sentence, exports. They use the
// site and browser of browser_test.go: the seed's six articles and the
// hostile one (January 2024).

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The month buckets of the histogram (year*12 + month-1).
const (
	barMarch2025   = 2025*12 + 2
	barApril2025   = 2025*12 + 3
	barJanuary2024 = 2024*12 + 0
)

func counts(t *testing.T, ctx context.Context) (articles, events int) {
	t.Helper()
	return eval[int](t, ctx, `document.querySelectorAll(".month li a").length`),
		eval[int](t, ctx, `document.querySelectorAll(".events .event").length`)
}

// barCentre is where a bar sits on the screen.
func barCentre(t *testing.T, ctx context.Context, bucket int) (x, y float64) {
	t.Helper()
	js := `(() => { const r = document.querySelector("#hbar-` + strconv.Itoa(bucket) + ` .hit").getBoundingClientRect();
		return [r.left + r.width/2, r.top + r.height/2]; })()`
	p := eval[[]float64](t, ctx, js)
	return p[0], p[1]
}

func TestTimelineBrushingFiltersArticlesAndEvents(t *testing.T) {
	e := setup(t)
	ctx := e.tab(t)
	open(t, ctx, e.url+"/timeline")

	articles, events := counts(t, ctx)
	if articles != 7 || events != 19 {
		t.Fatalf("the whole timeline lists %d articles and %d events, want 7 and 19", articles, events)
	}
	if res := eval[string](t, ctx, `document.querySelector(".res[aria-pressed=true]").textContent`); res != "Month" {
		t.Errorf("the seed is charted by %q, want Month", res)
	}
	if got := eval[string](t, ctx, `document.getElementById("hbar-`+strconv.Itoa(barMarch2025)+`").getAttribute("aria-label")`); got != "March 2025: 1 article" {
		t.Errorf("March 2025's bar is labelled %q", got)
	}

	// Drag from March to April 2025.
	x0, y0 := barCentre(t, ctx, barMarch2025)
	x1, y1 := barCentre(t, ctx, barApril2025)
	if err := chromedp.Do(ctx,
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x0, y0),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, x0, y0, chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, (x0+x1)/2, y0, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x1, y1, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, x1, y1, chromedp.ButtonLeft, chromedp.ClickCount(1)),
	); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the range in the URL", `location.search === "?from=2025-03&to=2025-04"`)
	waitFor(t, ctx, "the lists to follow the range", `document.querySelectorAll(".month li a").length === 3`)

	// The TikToker (March), the Tajik amendments (April) and the Kazakh
	// article, known only to 2025, which may fall in the range.
	titles := eval[[]string](t, ctx, `[...document.querySelectorAll(".month li a")].map(a => a.textContent)`)
	for _, want := range []string{"TikToker", "Tajikistan Abolishes", "Kazakhstan"} {
		if !strings.Contains(strings.Join(titles, "|"), want) {
			t.Errorf("after brushing March–April 2025 the list is %q, want %s in it", titles, want)
		}
	}
	if _, events := counts(t, ctx); events != 8 {
		t.Errorf("%d events after brushing, want the 8 of those three articles", events)
	}
	if n := eval[int](t, ctx, `[...document.querySelectorAll(".events mark")].filter(m => m.textContent === "2009").length`); n != 0 {
		t.Error("the 2009 redenomination, from a May article, is still listed")
	}
	if sel := eval[[]string](t, ctx, `[...document.querySelectorAll(".bar[aria-selected=true]")].map(b => b.id)`); len(sel) != 2 {
		t.Errorf("selected bars %q, want March and April", sel)
	}
	if c := eval[string](t, ctx, `document.getElementById("timeline-count").textContent`); !strings.Contains(c, "March–April 2025") {
		t.Errorf("count line %q does not say the range", c)
	}

	// One click clears it.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".clear-range"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the range to go", `location.search === "" && document.querySelectorAll(".month li a").length === 7`)
	if _, events := counts(t, ctx); events != 19 {
		t.Errorf("%d events after clearing, want 19", events)
	}
}

func TestTimelineSearchNarrowsTheHistogramAndEvents(t *testing.T) {
	e := setup(t)
	ctx := e.tab(t)
	open(t, ctx, e.url+"/timeline")
	typeInto(t, ctx, "#timeline-search", "telegram")
	waitFor(t, ctx, "the search to filter", `document.querySelectorAll(".month li a").length === 1`)
	if _, events := counts(t, ctx); events != 1 {
		t.Errorf("%d events for telegram, want Durov's detention in August 2024", events)
	}
	if u := eval[string](t, ctx, `location.search`); u != "?q=telegram" {
		t.Errorf("URL %q", u)
	}
	// The bars show the matching articles over all of them.
	if n := eval[int](t, ctx, `document.querySelectorAll(".bar .match[height]:not([height='0.0'])").length`); n != 0 {
		t.Errorf("%d bars have matching articles; the Kazakh article is known only to the year, so none should", n)
	}
	if got := eval[string](t, ctx, `document.getElementById("hbar-`+strconv.Itoa(barApril2025)+`").getAttribute("aria-label")`); got != "April 2025: 0 matching of 1 article" {
		t.Errorf("April 2025's bar is labelled %q", got)
	}
}

func TestTimelineKeyboard(t *testing.T) {
	e := setup(t)
	ctx := e.tab(t)
	open(t, ctx, e.url+"/timeline")
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(".histogram-chart"))); err != nil {
		t.Fatal(err)
	}
	active := func() string {
		return eval[string](t, ctx, `(() => { const c = document.querySelector(".histogram-chart");
			return document.getElementById(c.getAttribute("aria-activedescendant")).getAttribute("aria-label"); })()`)
	}
	if a := active(); a != "January 2024: 1 article" {
		t.Errorf("first bar %q", a)
	}
	key := func(k string, mods ...chromedp.Modifier) {
		t.Helper()
		opts := []chromedp.KeyOption{}
		for _, m := range mods {
			opts = append(opts, chromedp.KeyModifiers(m))
		}
		if err := chromedp.Do(ctx, chromedp.KeyEvent(k, opts...)); err != nil {
			t.Fatal(err)
		}
	}
	key(kb.ArrowRight)
	waitFor(t, ctx, "the next bar", `document.querySelector(".histogram-chart").getAttribute("aria-activedescendant") === "hbar-`+strconv.Itoa(barJanuary2024+1)+`"`)
	key(kb.ArrowLeft)
	key(kb.ArrowRight, chromedp.ModifierShift)
	waitFor(t, ctx, "a selection of two bars", `document.querySelectorAll(".bar[aria-selected=true]").length === 2`)
	key(kb.Enter)
	waitFor(t, ctx, "the range in the URL", `location.search === "?from=2024-01&to=2024-02"`)
	waitFor(t, ctx, "the hostile article alone", `document.querySelectorAll(".month li a").length === 1`)
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(".histogram-chart"))); err != nil {
		t.Fatal(err)
	}
	key(kb.Escape)
	waitFor(t, ctx, "Escape to clear", `location.search === "" && document.querySelectorAll(".month li a").length === 7`)

	// End goes to the last bar and does not scroll the page.
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(".histogram-chart"))); err != nil {
		t.Fatal(err)
	}
	before := eval[float64](t, ctx, `scrollY`)
	key(kb.End)
	waitFor(t, ctx, "the last bar", `document.querySelector(".histogram-chart").getAttribute("aria-activedescendant") === "hbar-`+strconv.Itoa(2025*12+11)+`"`)
	if after := eval[float64](t, ctx, `scrollY`); after != before {
		t.Errorf("End scrolled the page from %v to %v", before, after)
	}
}

func TestTimelineEventOpensItsSentence(t *testing.T) {
	e := setup(t)
	ctx := e.tab(t)
	open(t, ctx, e.url+"/timeline")
	// The event of July 2019: Kosimov's sentence.
	link := `[...document.querySelectorAll(".events .event")].find(li => li.querySelector("mark").textContent === "July 2019").querySelector("a.event-link")`
	href := eval[string](t, ctx, link+`.getAttribute("href")`)
	if !strings.HasPrefix(href, "/article/tajikistan-decriminalizes-") || !strings.Contains(href, "?s=7#s-7") {
		t.Fatalf("the July 2019 event links to %q", href)
	}
	eval[bool](t, ctx, link+`.click() || true`)
	waitFor(t, ctx, "the article", `!!document.querySelector("article .sentence.target")`)
	target := eval[string](t, ctx, `document.querySelector("article .sentence.target").textContent`)
	if !strings.HasPrefix(target, "In July 2019, Ibrohim Kosimov") {
		t.Errorf("the marked sentence is %q", target)
	}
	waitFor(t, ctx, "the sentence scrolled into view", `(() => { const r = document.querySelector(".sentence.target").getBoundingClientRect();
		return r.top >= 0 && r.bottom <= innerHeight; })()`)
	if bg := eval[string](t, ctx, `getComputedStyle(document.querySelector(".sentence.target")).backgroundColor`); bg == "rgba(0, 0, 0, 0)" {
		t.Error("the sentence is not highlighted")
	}

	// Prerendered, before the wasm: the fragment does the same.
	if err := chromedp.Do(ctx, chromedp.Navigate(e.url+"/article/tajikistan-decriminalizes-likes-and-other-reactions-to-provocative-social-media?wasm=false#s-7"),
		chromedp.WaitReady(chromedp.CSS("article"))); err != nil {
		t.Fatal(err)
	}
	if id := eval[string](t, ctx, `(document.querySelector(":target")||{}).id || ""`); id != "s-7" {
		t.Errorf("prerendered :target = %q, want s-7", id)
	}
}

func TestPrerenderedTimelineTellsTheStory(t *testing.T) {
	e := setup(t)
	ctx := e.tab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(e.url+"/timeline?wasm=false"), chromedp.WaitReady(chromedp.CSS(".events"))); err != nil {
		t.Fatal(err)
	}
	years := eval[[]string](t, ctx, `[...document.querySelectorAll(".event-year-label")].map(h => h.textContent)`)
	if strings.Join(years, " ") != "2009 2018 2019 2021 2023 2024 2025" {
		t.Errorf("the prerendered timeline has years %q", years)
	}
	marks := eval[[]string](t, ctx, `[...document.querySelectorAll(".events mark")].map(m => m.textContent)`)
	if len(marks) != 19 || marks[0] != "2009" || marks[len(marks)-1] != "May 28" {
		t.Errorf("events from %q to %q (%d), want 2009 to May 28", marks[0], marks[len(marks)-1], len(marks))
	}
	if g := eval[string](t, ctx, `[...document.querySelectorAll(".gather")].map(g => g.textContent).join("|")`); !strings.Contains(g, "3 articles mention 2018") {
		t.Errorf("gathered dates %q, want 3 articles mention 2018", g)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll(".histogram-chart .bar").length`); n != 24 {
		t.Errorf("prerendered histogram has %d bars, want 24 months", n)
	}
}

func TestTimelineExportsTimelineJS(t *testing.T) {
	e := setup(t)
	ctx := e.tab(t)
	open(t, ctx, e.url+"/timeline?q=likes")
	waitFor(t, ctx, "the search", `document.querySelectorAll(".month li a").length === 4`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".prepare-export"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the download links", `document.querySelectorAll("a.download[download]").length === 2`)
	// The link is a data: URL; read it as the browser would save it.
	body := eval[string](t, ctx, `(() => { const h = document.querySelector("a.download").href;
		return new TextDecoder().decode(Uint8Array.from(atob(h.slice(h.indexOf(",") + 1)), c => c.charCodeAt(0))); })()`)
	var f struct {
		Title  map[string]map[string]string `json:"title"`
		Events []struct {
			StartDate map[string]int    `json:"start_date"`
			Text      map[string]string `json:"text"`
			Group     string            `json:"group"`
		} `json:"events"`
	}
	if err := json.Unmarshal([]byte(body), &f); err != nil {
		t.Fatalf("the TimelineJS download is not JSON: %v\n%.300s", err, body)
	}
	if !strings.Contains(f.Title["text"]["headline"], "likes") {
		t.Errorf("title slide %v", f.Title)
	}
	published := 0
	for _, ev := range f.Events {
		if ev.StartDate["year"] == 0 || ev.Text["headline"] == "" {
			t.Errorf("slide without a year or headline: %+v", ev)
		}
		if ev.Group == "Articles published" {
			published++
		}
	}
	if published != 4 {
		t.Errorf("%d article slides, want the 4 that match likes", published)
	}
	if name := eval[string](t, ctx, `document.querySelectorAll("a.download")[1].getAttribute("download")`); name != "broadsheet-timeline.csv" {
		t.Errorf("CSV download named %q", name)
	}
}

// TestTimelineZoomAndPartialDates: by week, the seed's month-precision
// articles are not put on the 1st: every one is a band across its month.
func TestTimelineZoomAndPartialDates(t *testing.T) {
	e := setup(t)
	ctx := e.tab(t)
	open(t, ctx, e.url+"/timeline")
	if n := eval[int](t, ctx, `document.querySelectorAll(".bar").length`); n != 24 {
		t.Fatalf("%d bars, want 24 months", n)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".res[data-res=week]"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "weekly bars", `document.querySelectorAll(".bar").length > 100`)
	if n := eval[int](t, ctx, `[...document.querySelectorAll(".bar .total")].filter(r => r.getAttribute("height") !== "0.0").length`); n != 0 {
		t.Errorf("%d weekly bars are drawn, but no article is dated to the day", n)
	}
	bands := eval[[]string](t, ctx, `[...document.querySelectorAll(".band title")].map(t => t.textContent)`)
	want := "1 article dated only to January 2024|1 article dated only to 2025|1 article dated only to March 2025|1 article dated only to April 2025|3 articles dated only to May 2025"
	if strings.Join(bands, "|") != want {
		t.Errorf("bands %q, want %q", bands, want)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".res[data-res=month]")), chromedp.Click(chromedp.CSS(".zoom-in"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "a narrower view", `document.querySelectorAll(".bar").length < 24 && document.querySelectorAll(".bar").length >= 12`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".zoom-all"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the whole span again", `document.querySelectorAll(".bar").length === 24`)
}
