package ui

import (
	"encoding/base64"
	"net/url"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"broadsheet/app/i18n"
	"broadsheet/app/timeline"
)

// eventDatesShown and articlesShown are how many event dates and
// articles are drawn before "Show more": go-app's render path costs
// milliseconds per row.
const (
	eventDatesShown = 60
	articlesShown   = 100
)

// timelinePage is /timeline: the publication histogram, the timeline of
// events the articles' text mentions, and the articles by month. A search
// (q) and a range picked on the histogram (from, to) live in the URL and
// filter all three together: the articles shown are those that match and
// appeared in the range, the events are those of the articles shown.
type timelinePage struct {
	app.Compo

	lib    *Library
	loaded string // the URL the page was last loaded from
	view   *timeline.View
	// matchHis counts the matching articles over time; nil when there is
	// no search.
	matchHis *timeline.Histogram
	years    []timeline.YearGroup
	groups   []timeline.Group
	limit    int // event dates drawn
	listed   int // articles drawn

	exports []exportFile // built on request
}

// exportFile is an export offered as a link to a data: URL.
type exportFile struct {
	label, name, url string
	size             int
}

// newTimelinePage starts with an empty view: go-app renders the page once
// before OnMount loads the URL's.
func newTimelinePage(l *Library) *timelinePage {
	return &timelinePage{lib: l, view: &timeline.View{Name: l.Collection.Name, Source: l.Events}}
}

func (p *timelinePage) OnPreRender(ctx app.Context) { p.load(ctx) }

func (p *timelinePage) OnNav(ctx app.Context) { p.load(ctx) }

// OnMount loads too: go-app mounts the page with what the constructor
// gave it and sends OnNav after; the changes are drawn on the next frame,
// and defers run after that. So the page is marked live (which tests and
// styles wait for) only once it shows its articles.
func (p *timelinePage) OnMount(ctx app.Context) {
	p.load(ctx)
	ctx.Defer(func(app.Context) { markLive() })
}

func (p *timelinePage) load(ctx app.Context) {
	u := ctx.Page().URL()
	if u.String() == p.loaded {
		return // OnMount and OnNav of one visit
	}
	p.loaded = u.String()
	v := u.Query()
	p.show(ctx, v.Get("q"), timeline.RangeFromQuery(v))
	ctx.Page().SetTitle(pageTitle(p.view.Query, T("Timeline")))
}

// show computes the view of a search and a range, and what the page draws
// of it: with the index's shards at hand, and again when those it lacks
// have arrived.
func (p *timelinePage) show(ctx app.Context, q string, rng timeline.Range) {
	l := p.lib
	l.fetchFor(ctx, l.Index.Needs(q), func(ctx app.Context) {
		if p.view.Query == q && p.view.Range == rng {
			p.show(ctx, q, rng)
		}
	})
	p.view = timeline.NewView(l.Collection, l.Events, l.Index.Matching, q, rng)
	p.matchHis = nil
	if p.view.Searched {
		p.matchHis = timeline.NewHistogram(timeline.ArticleDates(p.view.Matching))
	}
	p.years = timeline.GroupEvents(p.view.Events)
	p.groups = timeline.ByMonth(lang, p.view.Shown)
	p.limit = eventDatesShown
	p.listed = articlesShown
	p.exports = nil
}

// params are the URL's query for the current search and range.
func (p *timelinePage) params() url.Values {
	v := url.Values{}
	if p.view.Query != "" {
		v.Set("q", p.view.Query)
	}
	p.view.Range.Query(v)
	return v
}

func (p *timelinePage) onInput(ctx app.Context, e app.Event) {
	p.loaded = "" // the URL changes under the page: load again on the next visit
	p.show(ctx, ctx.JSSrc().Get("value").String(), p.view.Range)
	collectWhenIdle()
	u := absPath("/timeline")
	if q := p.params().Encode(); q != "" {
		u += "?" + q
	}
	replaceURL(u)
	ctx.Page().SetTitle(pageTitle(p.view.Query, T("Timeline")))
}

func (p *timelinePage) onSubmit(ctx app.Context, e app.Event) { e.PreventDefault() }

func (p *timelinePage) onMore(ctx app.Context, e app.Event) { p.limit += eventDatesShown }

func (p *timelinePage) onMoreArticles(ctx app.Context, e app.Event) { p.listed += articlesShown }

// onExport builds the export files of what is in view and offers them as
// links (a data: URL with the download attribute, which go-app leaves to
// the browser).
func (p *timelinePage) onExport(ctx app.Context, e app.Event) {
	x := p.export()
	files := []struct {
		label, name, mime string
		build             func() ([]byte, error)
	}{
		{"TimelineJS JSON", "broadsheet-timeline.json", "application/json", x.TimelineJS},
		{"CSV", "broadsheet-timeline.csv", "text/csv", x.CSV},
	}
	p.exports = nil
	for _, f := range files {
		b, err := f.build()
		if err != nil {
			app.Log("export:", err)
			continue
		}
		p.exports = append(p.exports, exportFile{
			label: f.label, name: f.name, size: len(b),
			url: "data:" + f.mime + ";charset=utf-8;base64," + base64.StdEncoding.EncodeToString(b),
		})
	}
}

func (p *timelinePage) export() *timeline.Export {
	x := p.view.Export(lang)
	x.Link = func(path string) string {
		if !app.IsClient {
			return path
		}
		return app.Window().Get("location").Get("origin").String() + absPath(path)
	}
	return x
}

func (p *timelinePage) Render() app.UI {
	total := len(p.lib.Collection.Articles)
	return layout(sectionTimeline,
		app.Elem("h1").Text(T("Timeline")),
		app.Elem("form").
			Class("search-form").
			Role("search").
			Attr("action", absPath("/timeline")).
			Attr("method", "get").
			OnSubmit(p.onSubmit).
			Body(
				app.Elem("label").Attr("for", "timeline-search").Class("visually-hidden").Text(T("Search the timeline")),
				app.Elem("input").
					ID("timeline-search").
					Attr("type", "search").
					Attr("name", "q").
					Attr("value", p.view.Query).
					Attr("placeholder", T("Narrow the timeline — names, places, words")).
					Attr("autocomplete", "off").
					OnInput(p.onInput),
				app.If(!p.view.Range.From.IsZero(), func() app.UI {
					return app.Elem("input").Attr("type", "hidden").Attr("name", "from").Attr("value", p.view.Range.From.String())
				}),
				app.If(!p.view.Range.To.IsZero(), func() app.UI {
					return app.Elem("input").Attr("type", "hidden").Attr("name", "to").Attr("value", p.view.Range.To.String())
				}),
				app.Elem("button").Attr("type", "submit").Class("search-button").Text(T("Search")),
			),
		app.Elem("p").
			ID("timeline-count").
			Class("count").
			Aria("live", "polite").
			Text(p.countLine(total)),
		app.Elem("section").
			Class("publication").
			Aria("labelledby", "publication-heading").
			Body(
				app.Elem("h2").ID("publication-heading").Text(T("When the articles appeared")),
				newHistogram().
					Total(p.lib.Published).
					Matching(p.matchHis).
					Selected(p.view.Range).
					Path("/timeline").
					Query(p.queryOnly()),
			),
		p.renderEvents(),
		p.renderExport(),
		app.Elem("section").
			Class("by-month").
			Aria("labelledby", "by-month-heading").
			Body(
				app.Elem("h2").ID("by-month-heading").Text(T("Articles by month of publication")),
				p.renderMonths(),
				app.If(len(p.view.Shown) > p.listed, func() app.UI {
					return app.Elem("button").
						Class("more").
						OnClick(p.onMoreArticles).
						Text(T("Show {0} more articles", strconv.Itoa(min(articlesShown, len(p.view.Shown)-p.listed))))
				}),
			),
	)
}

// renderMonths lists the articles shown by month, the first p.listed of
// them.
func (p *timelinePage) renderMonths() app.UI {
	var sections []app.UI
	left := p.listed
	for i := range p.groups {
		if left <= 0 {
			break
		}
		g := &p.groups[i]
		arts := g.Articles[:min(len(g.Articles), left)]
		left -= len(arts)
		id := "month-" + strconv.Itoa(i)
		sections = append(sections, app.Elem("section").
			Class("month").
			Aria("labelledby", id).
			Body(
				app.Elem("h2").ID(id).Text(g.Label),
				app.Elem("ul").Body(
					app.Range(arts).Slice(func(j int) app.UI {
						a := arts[j]
						return app.Elem("li").Body(
							app.Elem("a").Attr("href", href(withQuery(ArticlePath(a.Slug), p.view.Query))).Text(a.Title),
							app.Text(" "),
							app.Elem("span").Class("meta").Text(formatDate(a.Date)),
						)
					}),
				),
			))
	}
	return app.Elem("div").Class("months").Body(sections...)
}

func (p *timelinePage) queryOnly() url.Values {
	v := url.Values{}
	if p.view.Query != "" {
		v.Set("q", p.view.Query)
	}
	return v
}

func (p *timelinePage) countLine(total int) string {
	if lang != i18n.English {
		return p.countLineTranslated(total)
	}
	s := plural(len(p.view.Shown), "article") + " of " + strconv.Itoa(total)
	switch {
	case p.view.Query != "" && !p.view.Range.IsZero():
		s += " match “" + p.view.Query + "” and appeared " + p.view.Range.String()
	case p.view.Query != "":
		s += " match “" + p.view.Query + "”"
	case !p.view.Range.IsZero():
		s += " appeared " + p.view.Range.String()
	default:
		s = plural(total, "article") + ", newest first"
	}
	s += "; " + plural(len(p.view.Events), "dated event") + " in their text."
	if p.view.Uncertain > 0 {
		s += " " + plural(p.view.Uncertain, "article") + " known only to a month or year that reaches into " + p.view.Range.String() + " " + isAre(p.view.Uncertain) + " included: " + itThey(p.view.Uncertain) + " may fall in it."
	}
	return s
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func itThey(n int) string {
	if n == 1 {
		return "it"
	}
	return "they"
}

func (p *timelinePage) renderEvents() app.UI {
	dates := 0
	for i := range p.years {
		dates += p.years[i].Len()
	}
	var span string
	if n := len(p.years); n > 0 {
		span = strconv.Itoa(p.years[0].Year)
		if last := p.years[n-1].Year; last != p.years[0].Year {
			span += "–" + strconv.Itoa(last)
		}
	}
	return app.Elem("section").
		Class("events").
		Aria("labelledby", "events-heading").
		Body(
			app.Elem("h2").ID("events-heading").Text(T("What the articles say happened")),
			app.If(len(p.view.Events) == 0, func() app.UI {
				return app.Elem("p").Class("count").Text(T("None of the articles shown mentions a date in its text."))
			}).Else(func() app.UI {
				if lang != i18n.English {
					return app.Elem("p").Class("count").Text(T("Dated events: {0}, on dates: {1}, {2}, read from the articles' own sentences. “Approx.” marks a date worked out from the article's date or from an earlier date in its text.",
						lang.Number(len(p.view.Events)), lang.Number(dates), span))
				}
				return app.Elem("p").Class("count").Text(plural(len(p.view.Events), "dated event") + " on " + plural(dates, "date") + ", " + span +
					", read from the articles' own sentences. “Approx.” marks a date worked out from the article's date or from an earlier date in its text.")
			}),
			eventList(p.years, p.lib.Events, p.limit),
			app.If(dates > p.limit, func() app.UI {
				return app.Elem("button").
					Class("more").
					OnClick(p.onMore).
					Text(T("Show {0} more dates", strconv.Itoa(min(eventDatesShown, dates-p.limit))))
			}),
		)
}

func (p *timelinePage) renderExport() app.UI {
	return app.Elem("section").
		Class("export").
		Aria("labelledby", "export-heading").
		Body(
			app.Elem("h2").ID("export-heading").Text(T("Take it with you")),
			app.Elem("p").Body(
				app.Text(T("The events and articles shown, as ")),
				app.Elem("a").Attr("href", "https://timeline.knightlab.com/docs/json-format.html").Attr("rel", "noopener noreferrer").Attr("target", "_blank").Text(T("TimelineJS")),
				app.Text(T(" JSON or as CSV. ")),
				app.Elem("button").Attr("type", "button").Class("prepare-export").OnClick(p.onExport).Text(T("Prepare downloads")),
			),
			app.If(len(p.exports) > 0, func() app.UI {
				return app.Elem("ul").Class("downloads").Body(
					app.Range(p.exports).Slice(func(i int) app.UI {
						d := p.exports[i]
						return app.Elem("li").Body(
							app.Elem("a").
								Class("download").
								Attr("href", d.url).
								Attr("download", d.name).
								Text(d.label),
							app.Text(" ("+byteSize(d.size)+")"),
						)
					}),
				)
			}),
		)
}

func byteSize(n int) string {
	if n < 1024 {
		return strconv.Itoa(n) + " B"
	}
	return strconv.Itoa((n+512)/1024) + " KB"
}

// countLineTranslated is countLine in the interface's other languages,
// whose plurals do not follow English: numbers stand before nouns that
// T and lang.Plural choose.
func (p *timelinePage) countLineTranslated(total int) string {
	var s string
	switch {
	case p.view.Query != "" && !p.view.Range.IsZero():
		s = T("{0} of {1} match “{2}” and appeared {3}", lang.Number(len(p.view.Shown)), articleCount(total), p.view.Query, p.view.Range.Label(lang))
	case p.view.Query != "":
		s = T("{0} of {1} match “{2}”", lang.Number(len(p.view.Shown)), articleCount(total), p.view.Query)
	case !p.view.Range.IsZero():
		s = T("{0} of {1} appeared {2}", lang.Number(len(p.view.Shown)), articleCount(total), p.view.Range.Label(lang))
	default:
		s = T("{0}, newest first", articleCount(total))
	}
	s += "; " + T("dated events in their text: {0}.", lang.Number(len(p.view.Events)))
	if p.view.Uncertain > 0 {
		s += " " + T("Articles known only to a month or year that reaches into the range are included: {0}.", lang.Number(p.view.Uncertain))
	}
	return s
}
