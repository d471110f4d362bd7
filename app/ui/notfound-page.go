package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// notFoundPage answers any path no other route knows; the build writes it
// as 404.html.
type notFoundPage struct {
	app.Compo
}

func (p *notFoundPage) OnPreRender(ctx app.Context) {
	ctx.Page().SetTitle("Page not found — Broadsheet")
}

func (p *notFoundPage) OnNav(ctx app.Context) {
	ctx.Page().SetTitle(T("Page not found") + " — Broadsheet")
}

// OnMount loads as well as OnNav (which go-app sends after the mount),
// so the page is drawn with its content before it is marked live.
func (p *notFoundPage) OnMount(ctx app.Context) {
	ctx.Defer(func(app.Context) { markLive() })
}

func (p *notFoundPage) Render() app.UI {
	return notFound("", T("Page not found"), T("Nothing lives at this address. "))
}

// notFound is the page for an address with nothing behind it: a heading,
// why, and the ways on (search, timeline). The article page uses it too.
func notFound(current section, heading, why string) app.UI {
	return layout(current,
		textEl("h1", heading),
		parentEl("p",
			text(why),
			appLink("a", "/", T("Search the articles")),
			text(T(" or browse the ")),
			appLink("a", "/timeline", T("timeline")),
			text(T(".")),
		),
	)
}
