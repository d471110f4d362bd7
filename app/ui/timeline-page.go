package ui

import (
	"encoding/base64"
	"net/url"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"broadsheet/app/i18n"
	"broadsheet/app/timeline"
	"broadsheet/data"
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
	var missing []string
	match := func(q string) (matches []*data.Article, ok bool) {
		matches, ok, missing = l.Index.Match(q)
		return matches, ok
	}
	p.view = timeline.NewView(l.Collection, l.Events, match, q, rng)
	l.fetchFor(ctx, missing, func(ctx app.Context) {
		if p.view.Query == q && p.view.Range == rng {
			p.show(ctx, q, rng)
		}
	})
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
	x.Link = absoluteURL
	return x
}

func (p *timelinePage) Render() app.UI {
	v := p.view
	total := len(p.lib.Collection.Articles)
	rg := v.Range
	return layout(sectionTimeline,
		textEl("h1", T("Timeline")),
		el("form.search-form[role=search][method=get]").
			Attr("action", absPath("/timeline")).
			OnSubmit(p.onSubmit).
			Body(
				textEl("label[for=timeline-search].visually-hidden", T("Search the timeline")),
				el("input#timeline-search[type=search][name=q][autocomplete=off]").
					Attr("value", v.Query).
					Attr("placeholder", T("Narrow the timeline — names, places, words")).
					OnInput(p.onInput),
				when(!rg.From.IsZero(), el("input[type=hidden][name=from]").Attr("value", rg.From.String())),
				when(!rg.To.IsZero(), el("input[type=hidden][name=to]").Attr("value", rg.To.String())),
				textEl("button[type=submit].search-button", T("Search")),
			),
		textEl("p#timeline-count.count[aria-live=polite]", p.countLine(total)),
		parentEl("section.publication[aria-labelledby=publication-heading]",
			textEl("h2#publication-heading", T("When the articles appeared")),
			newHistogram().
				Total(p.lib.Published).
				Matching(p.matchHis).
				Selected(rg).
				Path("/timeline").
				Query(p.queryOnly()),
		),
		p.renderEvents(),
		p.renderExport(),
		parentEl("section.by-month[aria-labelledby=by-month-heading]",
			textEl("h2#by-month-heading", T("Articles by month of publication")),
			p.renderMonths(),
			when(len(v.Shown) > p.listed,
				button(".more", Tf("Show {0} more articles", strconv.Itoa(min(articlesShown, len(v.Shown)-p.listed))), p.onMoreArticles)),
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
		rows := make([]app.UI, len(arts))
		for j, a := range arts {
			rows[j] = parentEl("li",
				appLink("a", withQuery(ArticlePath(a.Slug), p.view.Query), a.Title),
				text(" "),
				textEl("span.meta", formatDate(a.Date)),
			)
		}
		sections = append(sections, el("section.month").
			Aria("labelledby", id).
			Body(
				textEl("h2#"+id, g.Label),
				parentEl("ul", rows...),
			))
	}
	return parentEl("div.months", sections...)
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
	v := p.view
	s := plural(len(v.Shown), "article") + " of " + strconv.Itoa(total)
	switch {
	case v.Query != "" && !v.Range.IsZero():
		s += " match “" + v.Query + "” and appeared " + v.Range.String()
	case v.Query != "":
		s += " match “" + v.Query + "”"
	case !v.Range.IsZero():
		s += " appeared " + v.Range.String()
	default:
		s = plural(total, "article") + ", newest first"
	}
	s += "; " + plural(len(v.Events), "dated event") + " in their text."
	if n := v.Uncertain; n > 0 {
		s += " " + plural(n, "article") + " known only to a month or year that reaches into " + v.Range.String() + " " + isAre(n) + " included: " + itThey(n) + " may fall in it."
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
	var count string
	switch {
	case len(p.view.Events) == 0:
		count = T("None of the articles shown mentions a date in its text.")
	case lang != i18n.English:
		count = Tf("Dated events: {0}, on dates: {1}, {2}, read from the articles' own sentences. “Approx.” marks a date worked out from the article's date or from an earlier date in its text.",
			lang.Number(len(p.view.Events)), lang.Number(dates), span)
	default:
		count = plural(len(p.view.Events), "dated event") + " on " + plural(dates, "date") + ", " + span +
			", read from the articles' own sentences. “Approx.” marks a date worked out from the article's date or from an earlier date in its text."
	}
	return parentEl("section.events[aria-labelledby=events-heading]",
		textEl("h2#events-heading", T("What the articles say happened")),
		textEl("p.count", count),
		eventList(p.years, p.lib.Events, p.limit),
		when(dates > p.limit, button(".more", Tf("Show {0} more dates", strconv.Itoa(min(eventDatesShown, dates-p.limit))), p.onMore)),
	)
}

func (p *timelinePage) renderExport() app.UI {
	var downloads app.UI
	if len(p.exports) > 0 {
		items := make([]app.UI, len(p.exports))
		for i, d := range p.exports {
			items[i] = parentEl("li",
				el("a.download").Attr("href", d.url).Attr("download", d.name).Text(d.label),
				text(" ("+byteSize(d.size)+")"),
			)
		}
		downloads = parentEl("ul.downloads", items...)
	}
	return parentEl("section.export[aria-labelledby=export-heading]",
		textEl("h2#export-heading", T("Take it with you")),
		parentEl("p",
			text(T("The events and articles shown, as ")),
			link("a[rel=noopener noreferrer][target=_blank]", "https://timeline.knightlab.com/docs/json-format.html", T("TimelineJS")),
			text(T(" JSON or as CSV. ")),
			button("[type=button].prepare-export", T("Prepare downloads"), p.onExport),
		),
		downloads,
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
	v := p.view
	shown, all := lang.Number(len(v.Shown)), articleCount(total)
	var s string
	switch {
	case v.Query != "" && !v.Range.IsZero():
		s = Tf("{0} of {1} match “{2}” and appeared {3}", shown, all, v.Query, v.Range.Label(lang))
	case v.Query != "":
		s = Tf("{0} of {1} match “{2}”", shown, all, v.Query)
	case !v.Range.IsZero():
		s = Tf("{0} of {1} appeared {2}", shown, all, v.Range.Label(lang))
	default:
		s = Tf("{0}, newest first", all)
	}
	s += "; " + Tf("dated events in their text: {0}.", lang.Number(len(v.Events)))
	if v.Uncertain > 0 {
		s += " " + Tf("Articles known only to a month or year that reaches into the range are included: {0}.", lang.Number(v.Uncertain))
	}
	return s
}
