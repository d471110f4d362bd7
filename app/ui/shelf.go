package ui

import (
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"broadsheet/app/saved"
)

// The shelf — reading list and saved searches — lives in localStorage
// under one key. Service-worker updates clear caches, never this storage,
// so it outlives app updates. A value that does not decode is moved aside
// under a dated key (so nothing is lost) and the reader is told, instead of
// the page failing.
//
// Components never touch the storage. They observe the shelf as go-app
// state (shelfState, a shelf value) and ask for changes with actions; the
// handlers below, registered with the routes, read the storage, change it,
// write it back and publish the new shelf, which every observer renders.
const (
	shelfKey   = "broadsheet.saved"
	shelfState = "broadsheet/shelf"
)

// The shelf's actions, with the value each carries.
const (
	actShelfLoad          = "shelf/load"           // none: read the storage once
	actShelfToggleReading = "shelf/toggle-reading" // saved.Item
	actShelfSaveSearch    = "shelf/save-search"    // saved.Search
	actShelfRemoveReading = "shelf/remove-reading" // the article's slug
	actShelfRemoveSearch  = "shelf/remove-search"  // the search's URL
	actShelfImport        = "shelf/import"         // a File the reader chose
)

// shelf is the state the shelf's components render: the store, and what
// the last action has to tell the reader (a damaged store set aside, a
// full storage, what an import brought).
type shelf struct {
	Store  *saved.Store
	Notice string
}

// items is the store to render: an empty one before the state arrives
// (and in prerendered pages).
func (s shelf) items() *saved.Store {
	if s.Store == nil {
		return saved.New()
	}
	return s.Store
}

// observeShelf has a component render the shelf and asks for it to be
// read if nobody has yet.
func observeShelf(ctx app.Context, into *shelf) {
	ctx.ObserveState(shelfState, into)
	if into.Store == nil {
		ctx.NewAction(actShelfLoad)
	}
}

// handleShelf registers the shelf's action handlers.
func handleShelf() {
	app.Handle(actShelfLoad, func(ctx app.Context, a app.Action) {
		var cur shelf
		if ctx.GetState(shelfState, &cur); cur.Store != nil {
			return // read already, by another component of the page
		}
		s, notice := loadShelf()
		ctx.SetState(shelfState, shelf{Store: s, Notice: notice})
	})
	change := func(name string, f func(s *saved.Store, v any) (notice string)) {
		app.Handle(name, func(ctx app.Context, a app.Action) {
			s, notice := loadShelf()
			if n := f(s, a.Value); n != "" {
				notice = n
			}
			if err := storeShelf(s); err != "" {
				notice = err
			}
			ctx.SetState(shelfState, shelf{Store: s, Notice: notice})
		})
	}
	change(actShelfToggleReading, func(s *saved.Store, v any) string {
		it := v.(saved.Item)
		if s.Reads(it.Slug) {
			s.RemoveReading(it.Slug)
		} else {
			s.AddReading(it)
		}
		return ""
	})
	change(actShelfSaveSearch, func(s *saved.Store, v any) string { s.SaveSearch(v.(saved.Search)); return "" })
	change(actShelfRemoveReading, func(s *saved.Store, v any) string { s.RemoveReading(v.(string)); return "" })
	change(actShelfRemoveSearch, func(s *saved.Store, v any) string { s.RemoveSearch(v.(string)); return "" })
	// An import waits for the file's text (a promise), then merges it.
	app.Handle(actShelfImport, func(ctx app.Context, a app.Action) {
		file := a.Value.(app.Value)
		var then app.Func
		then = app.FuncOf(func(this app.Value, args []app.Value) any {
			text := args[0].String()
			then.Release()
			ctx.Async(func() {
				s, _ := loadShelf()
				in, err := saved.Decode([]byte(text))
				notice := ""
				if err != nil {
					notice = Tf("Nothing imported: {0}", err.Error())
				} else {
					notice = Tf("Imported {0} new item(s).", strconv.Itoa(s.Merge(in)))
					if err := storeShelf(s); err != "" {
						notice = err
					}
				}
				ctx.SetState(shelfState, shelf{Store: s, Notice: notice})
			})
			return nil
		})
		file.Call("text").Call("then", then)
	})
}

// loadShelf returns the stored shelf, or a new one and a notice when the
// stored one was damaged and set aside.
func loadShelf() (*saved.Store, string) {
	if !app.IsClient {
		return saved.New(), ""
	}
	ls := app.Window().Get("localStorage")
	raw := ls.Call("getItem", shelfKey)
	if raw.IsNull() || raw.IsUndefined() {
		return saved.New(), ""
	}
	s, err := saved.Decode([]byte(raw.String()))
	if err == nil {
		return s, ""
	}
	aside := shelfKey + ".damaged." + strconv.FormatInt(time.Now().Unix(), 10)
	ls.Call("setItem", aside, raw.String())
	ls.Call("removeItem", shelfKey)
	return saved.New(), Tf("Your saved items could not be read ({0}). They were set aside in this browser's storage as “{1}” and a new list was started.", err.Error(), aside)
}

// storeShelf saves the shelf; a full or forbidden storage is reported,
// not thrown (setItem raises a JavaScript exception then).
func storeShelf(s *saved.Store) (err string) {
	if !app.IsClient {
		return ""
	}
	defer func() {
		if r := recover(); r != nil {
			err = Tf("Could not save in this browser's storage: {0}", toString(r))
		}
	}()
	app.Window().Get("localStorage").Call("setItem", shelfKey, string(s.Encode()))
	return ""
}

func toString(v any) string {
	if e, ok := v.(error); ok {
		return e.Error()
	}
	if s, ok := v.(string); ok {
		return s
	}
	return "unknown error"
}

// readingListButton adds the article to the reading list or takes it off.
type readingListButton struct {
	app.Compo

	Slug, Title string
	shelf       shelf
}

func newReadingListButton(slug, title string) *readingListButton {
	return &readingListButton{Slug: slug, Title: title}
}

func (b *readingListButton) OnMount(ctx app.Context) { observeShelf(ctx, &b.shelf) }

func (b *readingListButton) onClick(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actShelfToggleReading, saved.Item{Slug: b.Slug, Title: b.Title, Added: time.Now().UTC()})
}

func (b *readingListButton) Render() app.UI {
	on := b.shelf.items().Reads(b.Slug)
	label := T("Save to reading list")
	if on {
		label = T("On your reading list — remove")
	}
	return parentEl("div.shelf-actions",
		el("button#reading-list-button[type=button]").
			Aria("pressed", on).
			OnClick(b.onClick).
			Text(label),
		when(b.shelf.Notice != "", textEl("p.notice[role=alert]", b.shelf.Notice)),
	)
}

// saveSearchButton keeps the view in the address bar — query, filters,
// range, sort — as a saved search named after its query. It says "Saved"
// once pressed, until the view changes.
type saveSearchButton struct {
	app.Compo

	Name  string
	done  bool
	shelf shelf
}

func newSaveSearchButton(name string) *saveSearchButton { return &saveSearchButton{Name: name} }

func (b *saveSearchButton) OnMount(ctx app.Context) { observeShelf(ctx, &b.shelf) }

func (b *saveSearchButton) OnUpdate(ctx app.Context) { b.done = false }

func (b *saveSearchButton) onClick(ctx app.Context, e app.Event) {
	u := app.Window().URL()
	path := appPath(u)
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	name := b.Name
	if name == "" {
		name = path
	}
	ctx.NewActionWithValue(actShelfSaveSearch, saved.Search{Name: name, URL: path, Saved: time.Now().UTC()})
	b.done = true
}

func (b *saveSearchButton) Render() app.UI {
	label := T("Save this search")
	if b.done && b.shelf.Notice == "" {
		label = T("Saved ✓")
	}
	return parentEl("span.save-search",
		button("#save-search-button[type=button]", label, b.onClick),
		when(b.done && b.shelf.Notice != "", textEl("span.notice[role=alert]", b.shelf.Notice)),
	)
}
