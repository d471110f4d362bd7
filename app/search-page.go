package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"broadsheet/app/search"
)

// pageSize is how many result rows are rendered at once: go-app's render
// path costs milliseconds per row, so a long list is shown a page at a time.
const pageSize = 20

// searchPage is "/": a search box, results as the user types, and the
// latest articles while the box is empty. The query lives in the URL
// (/?q=likes) so a search can be shared and reloaded.
type searchPage struct {
	app.Compo

	lib     *Library
	query   string
	results search.Results
	shown   int
}

func newSearchPage(l *Library) *searchPage { return &searchPage{lib: l} }

func (p *searchPage) OnPreRender(ctx app.Context) { p.load(ctx) }

func (p *searchPage) OnNav(ctx app.Context) { p.load(ctx) }

func (p *searchPage) OnMount(ctx app.Context) {
	markLive()
	ctx.Defer(func(app.Context) { focus("search-input") })
}

func (p *searchPage) load(ctx app.Context) {
	p.setQuery(ctx.Page().URL().Query().Get("q"))
	ctx.Page().SetTitle(pageTitle(p.query, "Search"))
}

func (p *searchPage) setQuery(q string) {
	p.query = q
	p.results = p.lib.Index.Search(q)
	p.shown = pageSize
}

func (p *searchPage) onInput(ctx app.Context, e app.Event) {
	p.setQuery(ctx.JSSrc().Get("value").String())
	// Replace, not push: one history entry per search, not per keystroke.
	replaceURL(withQuery(absPath("/"), p.query))
	ctx.Page().SetTitle(pageTitle(p.query, "Search"))
}

func (p *searchPage) onSubmit(ctx app.Context, e app.Event) {
	e.PreventDefault() // results are already on screen
}

func (p *searchPage) onMore(ctx app.Context, e app.Event) {
	p.shown += pageSize
}

func (p *searchPage) Render() app.UI {
	return layout(sectionSearch,
		app.Form().
			Class("search-form").
			Role("search").
			Action(absPath("/")).
			Method("get").
			OnSubmit(p.onSubmit).
			Body(
				app.Label().
					For("search-input").
					Class("visually-hidden").
					Text("Search the articles"),
				app.Input().
					ID("search-input").
					Type("search").
					Name("q").
					Value(p.query).
					Placeholder("Search articles — names, places, words").
					AutoComplete(false).
					AutoFocus(true).
					OnInput(p.onInput),
				app.Button().
					Type("submit").
					Class("search-button").
					Text("Search"),
			),
		p.renderBody(),
	)
}

func (p *searchPage) renderBody() app.UI {
	if p.results.Query.Empty() {
		return p.renderLatest()
	}
	n := len(p.results.Hits)
	if n == 0 {
		return p.renderEmpty()
	}
	hits := p.results.Hits[:min(n, p.shown)]
	return app.Section().
		Class("results").
		Aria("label", "Results").
		Body(
			app.P().
				ID("result-count").
				Class("count").
				Aria("live", "polite").
				Text(countLine(n, p.results.Total)),
			app.Ol().
				Class("result-list").
				Body(
					app.Range(hits).Slice(func(i int) app.UI {
						return resultRow(&hits[i], p.query)
					}),
				),
			app.If(n > len(hits), func() app.UI {
				return app.Button().
					Class("more").
					OnClick(p.onMore).
					Text("Show " + strconv.Itoa(min(pageSize, n-len(hits))) + " more")
			}),
		)
}

func countLine(n, total int) string {
	noun := "articles"
	if total == 1 {
		noun = "article"
	}
	verb := "match"
	if n == 1 {
		verb = "matches"
	}
	return strconv.Itoa(n) + " of " + strconv.Itoa(total) + " " + noun + " " + verb
}

func (p *searchPage) renderEmpty() app.UI {
	return app.Section().
		Class("results empty").
		Aria("label", "Results").
		Body(
			app.P().
				ID("result-count").
				Class("count").
				Aria("live", "polite").
				Text("No articles match “"+p.query+"”."),
			app.P().Text("Try fewer or shorter words (every word must appear), check the spelling, or try one of these:"),
			suggestions(p.lib),
			app.P().Body(
				app.Text("You can also browse every article by month on the "),
				app.A().Href(href("/timeline")).Text("timeline"),
				app.Text("."),
			),
		)
}

func (p *searchPage) renderLatest() app.UI {
	arts := p.lib.Collection.Articles
	latest := arts[:min(len(arts), pageSize)]
	return app.Section().
		Class("latest").
		Aria("labelledby", "latest-heading").
		Body(
			app.H1().ID("latest-heading").Text("Latest articles"),
			app.P().Class("count").Text(p.lib.Collection.Name+" — "+strconv.Itoa(len(arts))+" articles. Try searching for:"),
			suggestions(p.lib),
			app.Ol().
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
	return app.Ul().
		Class("suggestions").
		Body(
			app.Range(l.Suggestions).Slice(func(i int) app.UI {
				w := l.Suggestions[i]
				return app.Li().Body(
					app.A().Href(href(withQuery("/", w))).Text(w),
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
