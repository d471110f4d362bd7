package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// shortcut is one key the whole app answers to.
type shortcut struct{ key, what string }

var shortcuts = []shortcut{
	{"/", N("Focus the search box")},
	{"↑ ↓", N("Move through the results")},
	{"Enter", N("Open the focused result")},
	{"Esc", N("Clear the search, or close this list")},
	{"t", N("Open the timeline")},
	{"?", N("Show or hide these shortcuts")},
}

// keyboard answers the app-wide shortcuts. A key is left alone when a
// component already handled it (defaultPrevented), when a modifier is held,
// and — but for Esc and the arrows — while the reader types in a field.
type keyboard struct {
	app.Compo

	open     bool
	listener app.Func
}

func newKeyboard() *keyboard { return &keyboard{} }

func (k *keyboard) OnMount(ctx app.Context) {
	k.listener = app.FuncOf(func(this app.Value, args []app.Value) any {
		e := app.Event{Value: args[0]}
		if key, ok := shortcutKey(e); ok {
			ctx.Dispatch(func(ctx app.Context) { k.onKey(ctx, e, key) })
		}
		return nil
	})
	app.Window().Call("addEventListener", "keydown", k.listener)
}

func (k *keyboard) OnDismount() {
	if k.listener != nil {
		app.Window().Call("removeEventListener", "keydown", k.listener)
		k.listener.Release()
	}
}

// shortcutKey returns e's key if it is a shortcut's, for onKey. Only those
// are dispatched: a dispatch re-renders the page and starts go-app's frame
// clock (a frame 33 ms later), and for every letter typed in the search box
// that frame fell due while the box's input event, with its search, was
// still being handled, and joined its task: on the throttled profile, a
// long task per key. The key is read first, so that a letter costs one
// call into JavaScript here.
func shortcutKey(e app.Event) (string, bool) {
	key := e.Get("key").String()
	switch key {
	case "Escape", "ArrowDown", "ArrowUp":
	case "/", "t", "?":
		if typingInField() {
			return "", false
		}
	default:
		return "", false
	}
	if e.Get("defaultPrevented").Bool() || e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool() {
		return "", false
	}
	return key, true
}

// typingInField reports whether the focus is in a form field.
func typingInField() bool {
	active := document().Get("activeElement")
	if !active.Truthy() {
		return false
	}
	tag := active.Get("tagName").String()
	return tag == "INPUT" || tag == "TEXTAREA" || tag == "SELECT"
}

// onKey answers the key of a shortcut (shortcutKey).
func (k *keyboard) onKey(ctx app.Context, e app.Event, key string) {
	switch key {
	case "Escape":
		if k.open {
			k.open = false
			return
		}
		if box := app.Window().GetElementByID("search-input"); box.Truthy() && box.Get("value").String() != "" {
			box.Set("value", "")
			box.Call("dispatchEvent", app.Window().Get("Event").New("input", map[string]any{"bubbles": true}))
			box.Call("focus")
			e.PreventDefault()
		}
	case "ArrowDown", "ArrowUp":
		if moveThroughResults(document().Get("activeElement"), key == "ArrowDown") {
			e.PreventDefault()
		}
	case "/":
		if app.Window().GetElementByID("search-input").Truthy() {
			focus("search-input")
		} else {
			ctx.Navigate(href("/"))
		}
		e.PreventDefault()
	case "t":
		ctx.Navigate(href("/timeline"))
	case "?":
		k.open = !k.open
		e.PreventDefault()
	}
}

// moveThroughResults moves the focus from the search box or a result link
// (or a title in the search page's jump list, which comes first) to the
// next or previous one; it reports whether it moved.
func moveThroughResults(active app.Value, down bool) bool {
	links := document().Call("querySelectorAll", ".jump a, .result h2 a")
	n := links.Get("length").Int()
	if n == 0 {
		return false
	}
	at := -1
	for i := 0; i < n; i++ {
		if links.Index(i).Equal(active) {
			at = i
			break
		}
	}
	onBox := active.Truthy() && active.Get("id").String() == "search-input"
	switch {
	case at < 0 && !onBox:
		return false
	case at < 0 && down:
		links.Index(0).Call("focus")
	case at < 0:
		return false
	case down && at+1 < n:
		links.Index(at + 1).Call("focus")
	case !down && at > 0:
		links.Index(at - 1).Call("focus")
	case !down && at == 0:
		focus("search-input")
	default:
		return false
	}
	return true
}

func (k *keyboard) onClose(ctx app.Context, e app.Event) { k.open = false }

func (k *keyboard) Render() app.UI {
	if !k.open {
		return el("div.shortcuts-closed")
	}
	keys := make([]app.UI, len(shortcuts))
	for i, s := range shortcuts {
		keys[i] = parentEl("div",
			parentEl("dt", textEl("kbd", s.key)),
			textEl("dd", T(s.what)),
		)
	}
	return parentEl("div.shortcuts[role=dialog][aria-modal=false][aria-labelledby=shortcuts-title]",
		textEl("h2#shortcuts-title", T("Keyboard shortcuts")),
		parentEl("dl", keys...),
		button("[type=button]", T("Close"), k.onClose),
	)
}
