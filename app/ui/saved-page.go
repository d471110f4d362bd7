package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// savedPage is /saved: the reading list and the saved searches, with an
// export to a JSON file and an import from one.
type savedPage struct {
	app.Compo

	shelf shelf
}

func newSavedPage() *savedPage { return &savedPage{} }

func (p *savedPage) OnPreRender(ctx app.Context) { ctx.Page().SetTitle(T("Saved") + " — Broadsheet") }

func (p *savedPage) OnNav(ctx app.Context) { ctx.Page().SetTitle(T("Saved") + " — Broadsheet") }

// OnMount observes the shelf; the page is marked live once it shows it.
func (p *savedPage) OnMount(ctx app.Context) {
	ctx.ObserveState(shelfState, &p.shelf).OnChange(func() {
		ctx.Defer(func(app.Context) { markLive() })
	})
	if p.shelf.Store == nil {
		ctx.NewAction(actShelfLoad)
	} else {
		ctx.Defer(func(app.Context) { markLive() })
	}
}

func (p *savedPage) onRemoveReading(slug string) app.EventHandler {
	return func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actShelfRemoveReading, slug) }
}

func (p *savedPage) onRemoveSearch(url string) app.EventHandler {
	return func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actShelfRemoveSearch, url) }
}

// onExport downloads the shelf as broadsheet-saved.json.
func (p *savedPage) onExport(ctx app.Context, e app.Event) {
	saveFile("broadsheet-saved.json", "application/json", p.shelf.items().Encode())
}

// onImport hands the chosen file to the shelf, which merges it in.
func (p *savedPage) onImport(ctx app.Context, e app.Event) {
	files := ctx.JSSrc().Get("files")
	if !files.Truthy() || files.Get("length").Int() == 0 {
		return
	}
	ctx.NewActionWithValue(actShelfImport, files.Index(0))
}

func (p *savedPage) Render() app.UI {
	s := p.shelf.items()
	return layout(sectionSaved,
		app.Elem("h1").Text(T("Saved")),
		app.Elem("p").Class("count").Text(T("Kept in this browser only. Export them to keep a copy or to move them to another device.")),
		app.If(p.shelf.Notice != "", func() app.UI {
			return app.Elem("p").ID("saved-notice").Class("notice").Role("alert").Text(p.shelf.Notice)
		}),
		app.Elem("section").Aria("labelledby", "reading-heading").Body(
			app.Elem("h2").ID("reading-heading").Text(T("Reading list")),
			app.If(len(s.Reading) == 0, func() app.UI {
				return app.Elem("p").Class("empty").Text(T("No articles yet: use “Save to reading list” on an article."))
			}),
			app.Elem("ul").ID("reading-list").Class("shelf").Body(
				app.Range(s.Reading).Slice(func(i int) app.UI {
					it := s.Reading[i]
					return app.Elem("li").Body(
						app.Elem("a").Attr("href", href(ArticlePath(it.Slug))).Text(it.Title),
						app.Elem("button").Attr("type", "button").Class("remove").
							Aria("label", T("Remove from the reading list")).
							OnClick(p.onRemoveReading(it.Slug), app.EventScope(it.Slug)).
							Text(T("Remove")),
					)
				}),
			),
		),
		app.Elem("section").Aria("labelledby", "searches-heading").Body(
			app.Elem("h2").ID("searches-heading").Text(T("Saved searches")),
			app.If(len(s.Searches) == 0, func() app.UI {
				return app.Elem("p").Class("empty").Text(T("No saved searches yet: use “Save this search” next to the results."))
			}),
			app.Elem("ul").ID("saved-searches").Class("shelf").Body(
				app.Range(s.Searches).Slice(func(i int) app.UI {
					sr := s.Searches[i]
					return app.Elem("li").Body(
						app.Elem("a").Attr("href", href(sr.URL)).Text(sr.Name),
						app.Elem("button").Attr("type", "button").Class("remove").
							Aria("label", T("Forget this search")).
							OnClick(p.onRemoveSearch(sr.URL), app.EventScope(sr.URL)).
							Text(T("Remove")),
					)
				}),
			),
		),
		app.Elem("section").Class("shelf-files").Aria("label", T("Export and import")).Body(
			app.Elem("button").ID("export-saved").Attr("type", "button").OnClick(p.onExport).Text(T("Export as JSON")),
			app.Elem("label").Attr("for", "import-saved").Class("import").Body(
				app.Text(T("Import from JSON ")),
				app.Elem("input").ID("import-saved").Attr("type", "file").Attr("accept", "application/json,.json").OnChange(p.onImport),
			),
		),
	)
}

// saveFile hands the browser a file made in the page.
func saveFile(name, mime string, b []byte) {
	if !app.IsClient {
		return
	}
	arr := app.Window().Get("Uint8Array").New(len(b))
	app.CopyBytesToJS(arr, b)
	blob := app.Window().Get("Blob").New([]any{arr}, map[string]any{"type": mime})
	url := app.Window().Get("URL").Call("createObjectURL", blob)
	a := app.Window().Get("document").Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	app.Window().Get("document").Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	app.Window().Get("URL").Call("revokeObjectURL", url)
}
