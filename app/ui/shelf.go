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
const shelfKey = "broadsheet.saved"

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
	return saved.New(), T("Your saved items could not be read ({0}). They were set aside in this browser's storage as “{1}” and a new list was started.", err.Error(), aside)
}

// storeShelf saves the shelf; a full or forbidden storage is reported,
// not thrown (setItem raises a JavaScript exception then).
func storeShelf(s *saved.Store) (err string) {
	if !app.IsClient {
		return ""
	}
	defer func() {
		if r := recover(); r != nil {
			err = T("Could not save in this browser's storage: {0}", toString(r))
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
	on          bool
	notice      string
}

func newReadingListButton(slug, title string) *readingListButton {
	return &readingListButton{Slug: slug, Title: title}
}

func (b *readingListButton) OnMount(ctx app.Context) { b.refresh() }

func (b *readingListButton) OnUpdate(ctx app.Context) { b.refresh() }

func (b *readingListButton) refresh() {
	s, notice := loadShelf()
	b.on, b.notice = s.Reads(b.Slug), notice
}

func (b *readingListButton) onClick(ctx app.Context, e app.Event) {
	s, notice := loadShelf()
	if b.on = !s.Reads(b.Slug); b.on {
		s.AddReading(saved.Item{Slug: b.Slug, Title: b.Title, Added: time.Now().UTC()})
	} else {
		s.RemoveReading(b.Slug)
	}
	if err := storeShelf(s); err != "" {
		notice = err
	}
	b.notice = notice
}

func (b *readingListButton) Render() app.UI {
	label := T("Save to reading list")
	if b.on {
		label = T("On your reading list — remove")
	}
	return app.Elem("div").
		Class("shelf-actions").
		Body(
			app.Elem("button").
				ID("reading-list-button").
				Attr("type", "button").
				Aria("pressed", b.on).
				OnClick(b.onClick).
				Text(label),
			app.If(b.notice != "", func() app.UI {
				return app.Elem("p").Class("notice").Role("alert").Text(b.notice)
			}),
		)
}

// saveSearchButton keeps the view in the address bar — query, filters,
// range, sort — as a saved search named after its query.
type saveSearchButton struct {
	app.Compo

	Name   string
	done   bool
	notice string
}

func newSaveSearchButton(name string) *saveSearchButton { return &saveSearchButton{Name: name} }

func (b *saveSearchButton) OnUpdate(ctx app.Context) { b.done = false }

func (b *saveSearchButton) onClick(ctx app.Context, e app.Event) {
	u := app.Window().URL()
	path := appPath(u)
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	s, notice := loadShelf()
	name := b.Name
	if name == "" {
		name = path
	}
	s.SaveSearch(saved.Search{Name: name, URL: path, Saved: time.Now().UTC()})
	if err := storeShelf(s); err != "" {
		notice = err
	}
	b.done, b.notice = notice == "", notice
}

func (b *saveSearchButton) Render() app.UI {
	label := T("Save this search")
	if b.done {
		label = T("Saved ✓")
	}
	return app.Elem("span").
		Class("save-search").
		Body(
			app.Elem("button").
				ID("save-search-button").
				Attr("type", "button").
				OnClick(b.onClick).
				Text(label),
			app.If(b.notice != "", func() app.UI {
				return app.Elem("span").Class("notice").Role("alert").Text(b.notice)
			}),
		)
}
