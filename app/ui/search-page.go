package ui

import (
	"net/url"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"broadsheet/app/entity"
	"broadsheet/app/i18n"
	"broadsheet/app/search"
	"broadsheet/data"
)

// pageSize is how many result rows are rendered at once: go-app's render
// path costs milliseconds per row, so a long list is shown a page at a time.
const pageSize = 20

// searchPage is "/": a search box, results as the user types, and the
// latest articles while the box is empty. The search lives in the URL
// (/?q=likes&sort=date&from=2025-03&to=2025-05) so it can be shared and
// reloaded.
type searchPage struct {
	app.Compo

	lib      *Library
	query    string
	order    search.Order
	from, to string // YYYY-MM, or ""
	shown    int    // hits asked of the index and rendered: pages of pageSize
	results  search.Results
	// sel are the facet values filtering the results (AND across kinds,
	// OR within one); facets the values of the matches, with counts;
	// browse the filtered articles when there is no query.
	sel    []entity.ID
	facets []entity.Facet
	browse []int
	// pendingURL is the address to show once the browser has painted,
	// "" when none is waiting (see changed).
	pendingURL string
}

func newSearchPage(l *Library) *searchPage { return &searchPage{lib: l, shown: pageSize} }

func (p *searchPage) OnPreRender(ctx app.Context) { p.load(ctx) }

func (p *searchPage) OnNav(ctx app.Context) { p.load(ctx) }

func (p *searchPage) OnMount(ctx app.Context) {
	markLive()
	ctx.Defer(func(app.Context) { focus("search-input") })
}

// load reads the search from the URL.
func (p *searchPage) load(ctx app.Context) {
	v := ctx.Page().URL().Query()
	p.query = v.Get("q")
	p.order = search.ByRelevance
	if v.Get("sort") == "date" {
		p.order = search.ByDate
	}
	p.from, p.to = monthParam(v.Get("from")), monthParam(v.Get("to"))
	p.sel = selectedFacets(p.lib.Entities, v)
	p.shown = pageSize
	// n is how many rows "Show more" had reached, so a reload or a shared
	// link shows as much as the reader saw.
	if n, err := strconv.Atoi(v.Get("n")); err == nil && n > pageSize {
		p.shown = min(n, 50*pageSize)
	}
	p.run(ctx)
	ctx.Page().SetTitle(pageTitle(p.query, T("Search")))
}

// monthParam keeps a from/to value only if it is a date the collection
// format knows (2025, 2025-03 or 2025-03-14).
func monthParam(s string) string {
	if _, err := data.ParseDate(s); err != nil {
		return ""
	}
	return s
}

// run searches with the page's state. What the index has at hand is
// shown at once; the shards it lacks are fetched, and the search runs
// again when they arrive, if the page still shows it.
func (p *searchPage) run(ctx app.Context) {
	r := search.Request{Query: p.query, Order: p.order, Limit: p.shown}
	r.From, _ = data.ParseDate(p.from)
	r.To, _ = data.ParseDate(p.to)
	ix := p.lib.Entities
	if ix != nil {
		r.Matches = true
		if len(p.sel) > 0 {
			r.Keep = ix.Matcher(p.sel)
		}
	}
	p.results = p.lib.Index.Run(r)
	p.lib.fetchFor(ctx, p.results.Missing, func(ctx app.Context) {
		if p.results.Request.Query == r.Query && p.results.Request.Limit == r.Limit {
			p.run(ctx)
		}
	})
	p.facets, p.browse = nil, nil
	if ix == nil {
		return
	}
	matches := p.results.Matches
	if p.results.Query.Empty() {
		// No query: the facets browse the whole collection.
		matches = p.lib.Positions()
	}
	p.facets = ix.Facets(matches, p.sel, facetLimit)
	if p.results.Query.Empty() && len(p.sel) > 0 {
		p.browse = ix.Filter(matches, p.sel)
	}
}

// changed reruns the search after an edit and puts it in the address bar.
// Replace, not push: one history entry per search, not per keystroke.
// history.replaceState takes 5 to 100 ms in Chromium (a round trip to the
// browser process), longer than the search and the render together, so
// it waits until the results are painted, and only the last address of a
// burst of keys is written.
//
// A keystroke renders the page once. The address is written outside a
// dispatch, which would render the whole page again for nothing: on the
// throttled phone profile (BBC set, "ukraine" typed at 150 ms a key)
// that second render per key (it used to bring the rows after the first
// eight) doubled the tasks over 50 ms, 15 against 7, medians of 6 runs.
// The callback runs when Go is idle, between dispatches, so it reads and
// clears pendingURL as a dispatch would.
func (p *searchPage) changed(ctx app.Context) {
	p.shown = pageSize
	p.run(ctx)
	collectWhenIdle()
	if p.pendingURL == "" {
		afterPaint(func() {
			// The reader may have left the page meanwhile.
			if appPath(ctx.Page().URL()) == "/" {
				replaceURL(p.pendingURL)
				ctx.Page().SetTitle(pageTitle(p.query, T("Search")))
			}
			p.pendingURL = ""
		})
	}
	p.pendingURL = absPath("/") + p.queryString()
}

// queryString is "?q=…&sort=…&from=…&to=…", with only what is set.
func (p *searchPage) queryString() string {
	v := url.Values{}
	if p.query != "" {
		v.Set("q", p.query)
	}
	if p.order == search.ByDate {
		v.Set("sort", "date")
	}
	if p.from != "" {
		v.Set("from", p.from)
	}
	if p.to != "" {
		v.Set("to", p.to)
	}
	if p.lib.Entities != nil {
		withFacets(p.lib.Entities, v, p.sel)
	}
	if p.shown > pageSize {
		v.Set("n", strconv.Itoa(p.shown))
	}
	if len(v) == 0 {
		return ""
	}
	return "?" + v.Encode()
}

func (p *searchPage) onInput(ctx app.Context, e app.Event) {
	p.query = ctx.JSSrc().Get("value").String()
	p.changed(ctx)
}

func (p *searchPage) onSort(ctx app.Context, e app.Event) {
	p.order = search.ByRelevance
	if ctx.JSSrc().Get("value").String() == "date" {
		p.order = search.ByDate
	}
	p.changed(ctx)
}

func (p *searchPage) onFrom(ctx app.Context, e app.Event) {
	p.from = monthParam(ctx.JSSrc().Get("value").String())
	p.changed(ctx)
}

func (p *searchPage) onTo(ctx app.Context, e app.Event) {
	p.to = monthParam(ctx.JSSrc().Get("value").String())
	p.changed(ctx)
}

func (p *searchPage) onClearDates(ctx app.Context, e app.Event) {
	p.from, p.to = "", ""
	p.changed(ctx)
}

func (p *searchPage) onSubmit(ctx app.Context, e app.Event) {
	e.PreventDefault() // results are already on screen
}

func (p *searchPage) onMore(ctx app.Context, e app.Event) {
	p.shown += pageSize
	p.run(ctx)
	replaceURL(absPath("/") + p.queryString())
}

func (p *searchPage) Render() app.UI {
	return layout(sectionSearch,
		el("form.search-form[role=search][method=get]").
			Attr("action", absPath("/")).
			OnSubmit(p.onSubmit).
			Body(
				textEl("label[for=search-input].visually-hidden", T("Search the articles")),
				el("input#search-input[type=search][name=q][autocomplete=off][autofocus=true][aria-describedby=search-help]").
					Attr("value", p.query).
					Attr("placeholder", T("Search articles — names, places, words")).
					// ArrowDown to the results is the keyboard's (shortcuts.go):
					// a keydown handler here would dispatch for every letter.
					OnInput(p.onInput),
				textEl("button[type=submit].search-button", T("Search")),
				p.renderOptions(),
			),
		p.renderJump(),
		parentEl("div.search-layout",
			facetPanel(p.lib.Entities, p.facets, p.sel, p.baseValues()),
			parentEl("div.search-main", p.renderBody()),
		),
	)
}

// baseValues is the page's URL query without the facets: what a facet
// link keeps.
func (p *searchPage) baseValues() url.Values {
	v, _ := url.ParseQuery(p.queryStringWithout())
	return v
}

func (p *searchPage) queryStringWithout() string {
	sel := p.sel
	p.sel = nil
	q := p.queryString()
	p.sel = sel
	if q == "" {
		return ""
	}
	return q[1:]
}

// renderOptions are the order and the date range. Without the wasm they
// still work: they are fields of the form, sent with the query.
func (p *searchPage) renderOptions() app.UI {
	return parentEl("div.search-options",
		textEl("p#search-help.help", T("Every word is a prefix. \"Quoted words\" for a phrase, -word to leave out.")),
		textEl("label[for=search-sort]", T("Sort ")),
		el("select#search-sort[name=sort]").
			OnChange(p.onSort).
			Body(
				option("relevance", T("by relevance"), p.order == search.ByRelevance),
				option("date", T("newest first"), p.order == search.ByDate),
			),
		textEl("label[for=search-from]", T(" from ")),
		el("input#search-from[type=month][name=from]").Attr("value", p.from).OnChange(p.onFrom),
		textEl("label[for=search-to]", T(" to ")),
		el("input#search-to[type=month][name=to]").Attr("value", p.to).OnChange(p.onTo),
		when(p.from != "" || p.to != "", button("[type=button].clear-dates", T("any date"), p.onClearDates)),
	)
}

// renderJump lists a few articles whose titles match, to go straight to
// one: ArrowDown from the box reaches them.
func (p *searchPage) renderJump() app.UI {
	jump := p.results.Jump
	if len(jump) == 0 {
		return el("nav.jump[hidden=true]")
	}
	items := make([]app.UI, len(jump))
	for i := range jump {
		j := &jump[i]
		items[i] = parentEl("li", el("a").Attr("href", href(ArticlePath(j.Article.Slug))).Body(highlighted(j.Article.Title, j.Spans)...))
	}
	return el("nav.jump").
		Aria("label", T("Jump to an article")).
		Body(
			textEl("span.jump-label", T("Jump to ")),
			parentEl("ul", items...),
		)
}

func (p *searchPage) renderBody() app.UI {
	r := &p.results
	if r.Query.Empty() {
		return p.renderLatest()
	}
	if r.Count == 0 && len(r.Missing) > 0 {
		// The index is fetching what the query needs: not "no match" yet.
		return textEl("p#searching.count[aria-live=polite][aria-busy=true]", T("Searching…"))
	}
	if r.Count == 0 {
		return p.renderEmpty()
	}
	rows := make([]app.UI, len(r.Hits))
	for i := range r.Hits {
		rows[i] = resultRow(&r.Hits[i], p.query)
	}
	return p.resultsSection("results", T("Search results"), countLine(r),
		resultTools(p.lib, p.exportRequest(), p.query),
		when(r.AnyWord, textEl("p#any-word.any-word", T("No article has all of these words: showing articles with any of them."))),
		parentEl("ol.result-list", rows...),
		when(r.Count > len(r.Hits), button(".more", Tf("Show {0} more", lang.Number(min(pageSize, r.Count-len(r.Hits)))), p.onMore)),
	)
}

func countLine(r *search.Results) string {
	if lang != i18n.English {
		n := lang.Number(r.Count)
		if r.Partial {
			n = Tf("at least {0}", n)
		}
		return Tf("Found: {0} of {1}", n, lang.Number(r.Total))
	}
	noun := "articles"
	if r.Total == 1 {
		noun = "article"
	}
	verb := "match"
	if r.Count == 1 && !r.Partial {
		verb = "matches"
	}
	n := strconv.Itoa(r.Count)
	if r.Partial {
		n = "at least " + n
	}
	return n + " of " + strconv.Itoa(r.Total) + " " + noun + " " + verb
}

func (p *searchPage) renderEmpty() app.UI {
	dated := p.from != "" || p.to != ""
	count := Tf("No articles match “{0}”.", p.query)
	if dated {
		count = Tf("No articles match “{0}” in these dates.", p.query)
	}
	return p.resultsSection("results empty", T("Search results"), count,
		when(dated, parentEl("p", button("[type=button].clear-dates", T("Search any date"), p.onClearDates))),
		textEl("p", T("Try fewer or shorter words (each is a prefix), or one of these:")),
		suggestions(p.lib),
		parentEl("p",
			text(T("You can also browse every article by month on the ")),
			appLink("a", "/timeline", T("timeline")),
			text("."),
		),
	)
}

// renderBrowse lists the articles the facets select when there is no
// query, newest first.
func (p *searchPage) renderBrowse() app.UI {
	arts := p.lib.Collection.Articles
	shown := p.browse[:min(len(p.browse), p.shown)]
	all := func() []*data.Article {
		out := make([]*data.Article, len(p.browse))
		for i, pos := range p.browse {
			out[i] = &arts[pos]
		}
		return out
	}
	rows := make([]app.UI, len(shown))
	for i, pos := range shown {
		rows[i] = articleRow(&arts[pos])
	}
	return p.resultsSection("results", T("Filtered articles"), Tf("{0} of {1}", lang.Number(len(p.browse)), articleCount(len(arts))),
		resultTools(p.lib, all, ""),
		parentEl("ol.result-list", rows...),
		when(len(p.browse) > len(shown), button(".more", Tf("Show {0} more", lang.Number(min(pageSize, len(p.browse)-len(shown)))), p.onMore)),
	)
}

func (p *searchPage) renderLatest() app.UI {
	if len(p.sel) > 0 {
		return p.renderBrowse()
	}
	arts := p.lib.Collection.Articles
	latest := arts[:min(len(arts), pageSize)]
	rows := make([]app.UI, len(latest))
	for i := range latest {
		rows[i] = articleRow(&latest[i])
	}
	return el("section.latest[aria-labelledby=latest-heading]").
		DataSet("query", metaText(p.query)).
		Body(
			textEl("h1#latest-heading", T("Latest articles")),
			textEl("p.count", p.lib.Collection.Name+" — "+strconv.Itoa(len(arts))+" articles. Try searching for:"),
			suggestions(p.lib),
			parentEl("ol.result-list", rows...),
		)
}

// suggestions offers searches drawn from the collection's own titles.
func suggestions(l *Library) app.UI {
	items := make([]app.UI, len(l.Suggestions))
	for i, w := range l.Suggestions {
		items[i] = parentEl("li", appLink("a", withQuery("/", w), w))
	}
	return parentEl("ul.suggestions", items...)
}

func pageTitle(q, page string) string {
	if q != "" {
		return metaText(q) + " — Broadsheet"
	}
	return page + " — Broadsheet"
}

// afterPaint runs f once the browser has painted the next frame: after
// the requestAnimationFrame callbacks of that frame, in a new task.
func afterPaint(f func()) {
	if !app.IsClient {
		f()
		return
	}
	var frame, task app.Func
	task = app.FuncOf(func(app.Value, []app.Value) any {
		task.Release()
		f()
		return nil
	})
	frame = app.FuncOf(func(app.Value, []app.Value) any {
		frame.Release()
		app.Window().Call("setTimeout", task, 0)
		return nil
	})
	app.Window().Call("requestAnimationFrame", frame)
}

// exportRequest is the page's search for every match, for the exports.
func (p *searchPage) exportRequest() func() []*data.Article {
	return func() []*data.Article {
		r := search.Request{Query: p.query, Order: p.order, Limit: max(p.results.Count, 1), Plain: true}
		r.From, _ = data.ParseDate(p.from)
		r.To, _ = data.ParseDate(p.to)
		if p.lib.Entities != nil && len(p.sel) > 0 {
			r.Keep = p.lib.Entities.Matcher(p.sel)
		}
		res := p.lib.Index.Run(r)
		arts := make([]*data.Article, len(res.Hits))
		for i := range res.Hits {
			arts[i] = res.Hits[i].Article
		}
		return arts
	}
}

// resultsSection frames a list of results: a heading for screen readers,
// the count line (announced as it changes), then the rest. data-query says
// which query the section answers, for tests and styles that must not
// mistake the results of a prefix typed on the way for the final ones.
func (p *searchPage) resultsSection(class, heading, count string, rest ...app.UI) app.UI {
	return el("section[aria-labelledby=results-heading]").
		Class(class).
		DataSet("query", metaText(p.query)).
		Body(append([]app.UI{
			textEl("h1#results-heading.visually-hidden", heading),
			textEl("p#result-count.count[aria-live=polite]", count),
		}, rest...)...)
}
