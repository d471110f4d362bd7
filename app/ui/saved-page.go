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
	reading := make([]app.UI, len(s.Reading))
	forget := T("Remove from the reading list")
	for i, it := range s.Reading {
		reading[i] = shelfRow(ArticlePath(it.Slug), it.Title, forget, p.onRemoveReading(it.Slug), it.Slug)
	}
	searches := make([]app.UI, len(s.Searches))
	forget = T("Forget this search")
	for i, sr := range s.Searches {
		searches[i] = shelfRow(sr.URL, sr.Name, forget, p.onRemoveSearch(sr.URL), sr.URL)
	}
	return layout(sectionSaved,
		textEl("h1", T("Saved")),
		textEl("p.count", T("Kept in this browser only. Export them to keep a copy or to move them to another device.")),
		when(p.shelf.Notice != "", textEl("p#saved-notice.notice[role=alert]", p.shelf.Notice)),
		parentEl("section[aria-labelledby=reading-heading]",
			textEl("h2#reading-heading", T("Reading list")),
			when(len(s.Reading) == 0, textEl("p.empty", T("No articles yet: use “Save to reading list” on an article."))),
			parentEl("ul#reading-list.shelf", reading...),
		),
		parentEl("section[aria-labelledby=searches-heading]",
			textEl("h2#searches-heading", T("Saved searches")),
			when(len(s.Searches) == 0, textEl("p.empty", T("No saved searches yet: use “Save this search” next to the results."))),
			parentEl("ul#saved-searches.shelf", searches...),
		),
		el("section.shelf-files").Aria("label", T("Export and import")).Body(
			button("#export-saved[type=button]", T("Export as JSON"), p.onExport),
			parentEl("label[for=import-saved].import",
				text(T("Import from JSON ")),
				el("input#import-saved[type=file][accept=application/json,.json]").OnChange(p.onImport),
			),
		),
	)
}

// shelfRow is an item of the reading list or of the saved searches: a
// link to it, and a button (named for screen readers by forget) that
// takes it off. The handler's scope, the item's key, keeps go-app from
// giving a row's handler to the next row when one is removed.
func shelfRow(path, name, forget string, remove app.EventHandler, key string) app.UI {
	return parentEl("li",
		appLink("a", path, name),
		el("button[type=button].remove").
			Aria("label", forget).
			OnClick(remove, app.EventScope(key)).
			Text(T("Remove")),
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
	a := document().Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	document().Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	app.Window().Get("URL").Call("revokeObjectURL", url)
}
