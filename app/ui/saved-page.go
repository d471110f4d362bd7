package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"broadsheet/app/saved"
)

// savedPage is /saved: the reading list and the saved searches, with an
// export to a JSON file and an import from one.
type savedPage struct {
	app.Compo

	shelf  *saved.Store
	notice string
}

func newSavedPage() *savedPage { return &savedPage{shelf: saved.New()} }

func (p *savedPage) OnPreRender(ctx app.Context) { ctx.Page().SetTitle(T("Saved") + " — Broadsheet") }

func (p *savedPage) OnNav(ctx app.Context) {
	ctx.Page().SetTitle(T("Saved") + " — Broadsheet")
	p.load()
}

// load reads the shelf. A notice (a damaged store was set aside) stays:
// OnMount and OnNav both load, and the second read finds the new, empty
// store.
func (p *savedPage) load() {
	s, notice := loadShelf()
	p.shelf = s
	if notice != "" {
		p.notice = notice
	}
}

// OnMount loads as well as OnNav (which go-app sends after the mount),
// so the page is drawn with its content before it is marked live.
func (p *savedPage) OnMount(ctx app.Context) {
	p.load()
	ctx.Defer(func(app.Context) { markLive() })
}

func (p *savedPage) store() {
	if err := storeShelf(p.shelf); err != "" {
		p.notice = err
	}
}

func (p *savedPage) onRemoveReading(slug string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.shelf.RemoveReading(slug)
		p.store()
	}
}

func (p *savedPage) onRemoveSearch(url string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.shelf.RemoveSearch(url)
		p.store()
	}
}

// onExport downloads the shelf as broadsheet-saved.json.
func (p *savedPage) onExport(ctx app.Context, e app.Event) {
	saveFile("broadsheet-saved.json", "application/json", p.shelf.Encode())
}

// onImport reads the chosen file and merges it in.
func (p *savedPage) onImport(ctx app.Context, e app.Event) {
	files := ctx.JSSrc().Get("files")
	if !files.Truthy() || files.Get("length").Int() == 0 {
		return
	}
	var then app.Func
	then = app.FuncOf(func(this app.Value, args []app.Value) any {
		text := args[0].String()
		ctx.Dispatch(func(ctx app.Context) {
			in, err := saved.Decode([]byte(text))
			if err != nil {
				p.notice = T("Nothing imported: {0}", err.Error())
				return
			}
			n := p.shelf.Merge(in)
			p.store()
			p.notice = T("Imported {0} new item(s).", strconv.Itoa(n))
		})
		then.Release()
		return nil
	})
	files.Index(0).Call("text").Call("then", then)
}

func (p *savedPage) Render() app.UI {
	s := p.shelf
	return layout(sectionSaved,
		app.Elem("h1").Text(T("Saved")),
		app.Elem("p").Class("count").Text(T("Kept in this browser only. Export them to keep a copy or to move them to another device.")),
		app.If(p.notice != "", func() app.UI {
			return app.Elem("p").ID("saved-notice").Class("notice").Role("alert").Text(p.notice)
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
