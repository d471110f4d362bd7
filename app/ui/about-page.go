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
			about = append(about, textEl("p", para))
		}
	}
	return layout(sectionAbout,
		textEl("h1", T("About")),
		textEl("h2", Tf("The collection: {0}", c.Name)),
		textEl("p.count", articleCount(len(c.Articles))+"."),
		parentEl("div.about-collection", about...),
		textEl("h2", T("Broadsheet")),
		textEl("p", T("Broadsheet is a news-archive explorer that runs entirely in your browser: the articles, the search and the timeline are part of the page, with no server behind them. Once visited it can be installed and keeps working without a network.")),
		textEl("p", T("It is made for researchers, journalists and readers following events from afar, on slow links and on phones.")),
	)
}
