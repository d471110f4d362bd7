package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"broadsheet/app/timeline"
)

// timelinePage is /timeline: the articles grouped by month, newest first.
type timelinePage struct {
	app.Compo

	lib    *Library
	groups []timeline.Group
}

func newTimelinePage(l *Library) *timelinePage {
	return &timelinePage{lib: l, groups: timeline.ByMonth(l.Collection.Articles)}
}

func (p *timelinePage) OnPreRender(ctx app.Context) { p.load(ctx) }

func (p *timelinePage) OnNav(ctx app.Context) { p.load(ctx) }

func (p *timelinePage) OnMount(ctx app.Context) { markLive() }

func (p *timelinePage) load(ctx app.Context) {
	ctx.Page().SetTitle("Timeline — Broadsheet")
}

func (p *timelinePage) Render() app.UI {
	return layout(sectionTimeline,
		app.H1().Text("Timeline"),
		app.P().Class("count").Text(strconv.Itoa(len(p.lib.Collection.Articles))+" articles by month of publication, newest first."),
		app.Range(p.groups).Slice(func(i int) app.UI {
			g := &p.groups[i]
			return app.Section().
				Class("month").
				Aria("labelledby", "month-"+strconv.Itoa(i)).
				Body(
					app.H2().ID("month-"+strconv.Itoa(i)).Text(g.Label),
					app.Ul().Body(
						app.Range(g.Articles).Slice(func(j int) app.UI {
							a := g.Articles[j]
							return app.Li().Body(
								app.A().Href(href(ArticlePath(a.Slug))).Text(a.Title),
								app.Text(" "),
								app.Span().Class("meta").Text(formatDate(a.Date)),
							)
						}),
					),
				)
		}),
	)
}
