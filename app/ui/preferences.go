package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"broadsheet/app/i18n"
)

// The interface language and the theme are the reader's, remembered in
// localStorage. The language comes from there, else from the browser;
// prerendered pages are in English.
const (
	langKey  = "broadsheet.lang"
	themeKey = "broadsheet.theme"
)

// lang is the interface language of this page. It is set once, before the
// first render (initLang); switching reloads the page, so every component
// renders in the new language from the start.
var lang = i18n.English

// T translates an interface message into the page's language.
func T(msg string) string { return lang.T(msg) }

// Tf translates a message with placeholders, {0}, {1}, …, and puts args
// in their places. T is kept apart for the messages that have none (most
// of them): a call with no variadic arguments still passes an empty
// slice, three words more to store at each of some 120 calls in the wasm.
func Tf(msg string, args ...string) string { return lang.T(msg, args...) }

// InitLang picks the language for the live app.
func InitLang() {
	if !app.IsClient {
		return
	}
	tag := ""
	if v := storageGet(langKey); v != "" {
		tag = v
	} else if nav := app.Window().Get("navigator").Get("language"); nav.Truthy() {
		tag = nav.String()
	}
	lang = i18n.Parse(tag)
	app.Window().Get("document").Get("documentElement").Set("lang", string(lang))
}

func storageGet(key string) (v string) {
	defer func() {
		if recover() != nil {
			v = "" // storage refused (private mode, policy)
		}
	}()
	r := app.Window().Get("localStorage").Call("getItem", key)
	if r.IsNull() || r.IsUndefined() {
		return ""
	}
	return r.String()
}

func storageSet(key, value string) {
	defer func() { recover() }() // refused storage: the choice lasts this page only
	app.Window().Get("localStorage").Call("setItem", key, value)
}

// The preferences' actions and state: the component dispatches the
// reader's choice, the handlers remember it and apply it to the page.
const (
	actPrefsLang  = "prefs/lang"  // a language tag: remembered, then the page reloads
	actPrefsTheme = "prefs/theme" // "system", "light" or "dark"
	themeState    = "broadsheet/theme"
)

// handlePreferences registers the preferences' action handlers.
func handlePreferences() {
	app.Handle(actPrefsLang, func(ctx app.Context, a app.Action) {
		storageSet(langKey, a.Value.(string))
		ctx.Reload()
	})
	app.Handle(actPrefsTheme, func(ctx app.Context, a app.Action) {
		theme := a.Value.(string)
		root := app.Window().Get("document").Get("documentElement")
		if theme == "light" || theme == "dark" {
			storageSet(themeKey, theme)
			root.Call("setAttribute", "data-theme", theme)
		} else {
			storageSet(themeKey, "")
			root.Call("removeAttribute", "data-theme")
		}
		ctx.SetState(themeState, theme)
	})
}

// preferences are the language and theme switches in the header.
type preferences struct {
	app.Compo

	theme string
}

func newPreferences() *preferences { return &preferences{} }

// OnMount shows the theme remembered (set on the page before the app ran,
// by web/broadsheet.js) and follows the reader's changes.
func (p *preferences) OnMount(ctx app.Context) {
	p.theme = storageGet(themeKey)
	if p.theme == "" {
		p.theme = "system"
	}
	ctx.ObserveState(themeState, &p.theme)
}

func (p *preferences) onLang(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actPrefsLang, ctx.JSSrc().Get("value").String())
}

func (p *preferences) onTheme(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actPrefsTheme, ctx.JSSrc().Get("value").String())
}

func (p *preferences) Render() app.UI {
	langs := make([]app.UI, len(i18n.Langs))
	for i, l := range i18n.Langs {
		langs[i] = option(string(l), l.Name(), l == lang)
	}
	return parentEl("div.prefs",
		textEl("label[for=lang-select].visually-hidden", T("Language")),
		el("select#lang-select").OnChange(p.onLang).Body(langs...),
		textEl("label[for=theme-select].visually-hidden", T("Theme")),
		el("select#theme-select").
			OnChange(p.onTheme).
			Body(
				option("system", T("System"), p.theme == "system" || p.theme == ""),
				option("light", T("Light"), p.theme == "light"),
				option("dark", T("Dark"), p.theme == "dark"),
			),
	)
}
