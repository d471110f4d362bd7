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
		app.Elem("form").
			Class("search-form").
			Role("search").
			Attr("action", absPath("/")).
			Attr("method", "get").
			OnSubmit(p.onSubmit).
			Body(
				app.Elem("label").
					Attr("for", "search-input").
					Class("visually-hidden").
					Text(T("Search the articles")),
				app.Elem("input").
					ID("search-input").
					Attr("type", "search").
					Attr("name", "q").
					Attr("value", p.query).
					Attr("placeholder", T("Search articles — names, places, words")).
					Attr("autocomplete", "off").
					Attr("autofocus", true).
					Aria("describedby", "search-help").
					// ArrowDown to the results is the keyboard's (shortcuts.go):
					// a keydown handler here would dispatch for every letter.
					OnInput(p.onInput),
				app.Elem("button").
					Attr("type", "submit").
					Class("search-button").
					Text(T("Search")),
				p.renderOptions(),
			),
		p.renderJump(),
		app.Elem("div").
			Class("search-layout").
			Body(
				facetPanel(p.lib.Entities, p.facets, p.sel, p.baseValues()),
				app.Elem("div").Class("search-main").Body(
					p.renderBody(),
				),
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
	return app.Elem("div").
		Class("search-options").
		Body(
			app.Elem("p").
				ID("search-help").
				Class("help").
				Text(T("Every word is a prefix. \"Quoted words\" for a phrase, -word to leave out.")),
			app.Elem("label").
				Attr("for", "search-sort").
				Text(T("Sort ")),
			app.Elem("select").
				ID("search-sort").
				Attr("name", "sort").
				OnChange(p.onSort).
				Body(
					app.Elem("option").Attr("value", "relevance").Attr("selected", present(p.order == search.ByRelevance)).Text(T("by relevance")),
					app.Elem("option").Attr("value", "date").Attr("selected", present(p.order == search.ByDate)).Text(T("newest first")),
				),
			app.Elem("label").
				Attr("for", "search-from").
				Text(T(" from ")),
			app.Elem("input").
				ID("search-from").
				Attr("type", "month").
				Attr("name", "from").
				Attr("value", p.from).
				OnChange(p.onFrom),
			app.Elem("label").
				Attr("for", "search-to").
				Text(T(" to ")),
			app.Elem("input").
				ID("search-to").
				Attr("type", "month").
				Attr("name", "to").
				Attr("value", p.to).
				OnChange(p.onTo),
			app.If(p.from != "" || p.to != "", func() app.UI {
				return app.Elem("button").
					Attr("type", "button").
					Class("clear-dates").
					OnClick(p.onClearDates).
					Text(T("any date"))
			}),
		)
}

// renderJump lists a few articles whose titles match, to go straight to
// one: ArrowDown from the box reaches them.
func (p *searchPage) renderJump() app.UI {
	jump := p.results.Jump
	if len(jump) == 0 {
		return app.Elem("nav").Class("jump").Hidden(true)
	}
	return app.Elem("nav").
		Class("jump").
		Aria("label", T("Jump to an article")).
		Body(
			app.Elem("span").Class("jump-label").Text(T("Jump to ")),
			app.Elem("ul").Body(
				app.Range(jump).Slice(func(i int) app.UI {
					j := &jump[i]
					return app.Elem("li").Body(
						app.Elem("a").
							Attr("href", href(ArticlePath(j.Article.Slug))).
							Body(highlighted(j.Article.Title, j.Spans)...),
					)
				}),
			),
		)
}

func (p *searchPage) renderBody() app.UI {
	r := &p.results
	if r.Query.Empty() {
		return p.renderLatest()
	}
	if r.Count == 0 && len(r.Missing) > 0 {
		// The index is fetching what the query needs: not "no match" yet.
		return app.Elem("p").ID("result-count").Class("count").Aria("live", "polite").Aria("busy", true).Text(T("Searching…"))
	}
	if r.Count == 0 {
		return p.renderEmpty()
	}
	return p.resultsSection("results", T("Search results"), countLine(r),
		resultTools(p.lib, p.exportRequest(), p.query),
		app.If(r.AnyWord, func() app.UI {
			return app.Elem("p").
				ID("any-word").
				Class("any-word").
				Text(T("No article has all of these words: showing articles with any of them."))
		}),
		app.Elem("ol").
			Class("result-list").
			Body(
				app.Range(r.Hits).Slice(func(i int) app.UI {
					return resultRow(&r.Hits[i], p.query)
				}),
			),
		app.If(r.Count > len(r.Hits), func() app.UI {
			return app.Elem("button").
				Class("more").
				OnClick(p.onMore).
				Text(T("Show {0} more", lang.Number(min(pageSize, r.Count-len(r.Hits)))))
		}),
	)
}

func countLine(r *search.Results) string {
	if lang != i18n.English {
		n := lang.Number(r.Count)
		if r.Partial {
			n = T("at least {0}", n)
		}
		return T("Found: {0} of {1}", n, lang.Number(r.Total))
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
	count := T("No articles match “{0}”.", p.query)
	if dated {
		count = T("No articles match “{0}” in these dates.", p.query)
	}
	return p.resultsSection("results empty", T("Search results"), count,
		app.If(dated, func() app.UI {
			return app.Elem("p").Body(
				app.Elem("button").
					Attr("type", "button").
					Class("clear-dates").
					OnClick(p.onClearDates).
					Text(T("Search any date")),
			)
		}),
		app.Elem("p").Text(T("Try fewer or shorter words (each is a prefix), or one of these:")),
		suggestions(p.lib),
		app.Elem("p").Body(
			app.Text(T("You can also browse every article by month on the ")),
			app.Elem("a").Attr("href", href("/timeline")).Text(T("timeline")),
			app.Text("."),
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
	return p.resultsSection("results", T("Filtered articles"), T("{0} of {1}", lang.Number(len(p.browse)), articleCount(len(arts))),
		resultTools(p.lib, all, ""),
		app.Elem("ol").
			Class("result-list").
			Body(
				app.Range(shown).Slice(func(i int) app.UI {
					return articleRow(&arts[shown[i]])
				}),
			),
		app.If(len(p.browse) > len(shown), func() app.UI {
			return app.Elem("button").
				Class("more").
				OnClick(p.onMore).
				Text(T("Show {0} more", lang.Number(min(pageSize, len(p.browse)-len(shown)))))
		}),
	)
}

func (p *searchPage) renderLatest() app.UI {
	if len(p.sel) > 0 {
		return p.renderBrowse()
	}
	arts := p.lib.Collection.Articles
	latest := arts[:min(len(arts), pageSize)]
	return app.Elem("section").
		Class("latest").
		Aria("labelledby", "latest-heading").
		DataSet("query", metaText(p.query)).
		Body(
			app.Elem("h1").ID("latest-heading").Text(T("Latest articles")),
			app.Elem("p").Class("count").Text(p.lib.Collection.Name+" — "+strconv.Itoa(len(arts))+" articles. Try searching for:"),
			suggestions(p.lib),
			app.Elem("ol").
				Class("result-list").
				Body(
					app.Range(latest).Slice(func(i int) app.UI {
						return articleRow(&latest[i])
					}),
				),
		)
}

// suggestions offers searches drawn from the collection's own titles.
func suggestions(l *Library) app.UI {
	return app.Elem("ul").
		Class("suggestions").
		Body(
			app.Range(l.Suggestions).Slice(func(i int) app.UI {
				w := l.Suggestions[i]
				return app.Elem("li").Body(
					app.Elem("a").Attr("href", href(withQuery("/", w))).Text(w),
				)
			}),
		)
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
	return app.Elem("section").
		Class(class).
		Aria("labelledby", "results-heading").
		DataSet("query", metaText(p.query)).
		Body(append([]app.UI{
			app.Elem("h1").
				ID("results-heading").
				Class("visually-hidden").
				Text(heading),
			app.Elem("p").
				ID("result-count").
				Class("count").
				Aria("live", "polite").
				Text(count),
		}, rest...)...)
}
