package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// aboutPage says what Broadsheet is, what the collection is and where it
// came from.
type aboutPage struct {
	app.Compo

	lib *Library
}

func newAboutPage(l *Library) *aboutPage { return &aboutPage{lib: l} }

func (p *aboutPage) OnPreRender(ctx app.Context) { p.load(ctx) }

func (p *aboutPage) OnNav(ctx app.Context) { p.load(ctx) }

// OnMount loads as well as OnNav (which go-app sends after the mount),
// so the page is drawn with its content before it is marked live.
func (p *aboutPage) OnMount(ctx app.Context) {
	p.load(ctx)
	ctx.Defer(func(app.Context) { markLive() })
}

func (p *aboutPage) load(ctx app.Context) { ctx.Page().SetTitle(T("About") + " — Broadsheet") }

func (p *aboutPage) Render() app.UI {
	c := p.lib.Collection
	var about []app.UI
	for _, para := range strings.Split(c.About, "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			about = append(about, app.Elem("p").Text(para))
		}
	}
	return layout(sectionAbout,
		app.Elem("h1").Text(T("About")),
		app.Elem("h2").Text(T("The collection: {0}", c.Name)),
		app.Elem("p").Class("count").Text(articleCount(len(c.Articles))+"."),
		app.Elem("div").Class("about-collection").Body(about...),
		app.Elem("h2").Text(T("Broadsheet")),
		app.Elem("p").Text(T("Broadsheet is a news-archive explorer that runs entirely in your browser: the articles, the search and the timeline are part of the page, with no server behind them. Once visited it can be installed and keeps working without a network.")),
		app.Elem("p").Text(T("It is made for researchers, journalists and readers following events from afar, on slow links and on phones.")),
	)
}
