package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"broadsheet/app/cite"
	"broadsheet/data"
)

// citeButton copies a citation of the article to the clipboard. Where the
// clipboard is refused (no permission, an old browser) it shows the text,
// selected, to copy by hand.
type citeButton struct {
	app.Compo

	Article *data.Article
	text    string
	status  string
}

func newCiteButton(a *data.Article) *citeButton { return &citeButton{Article: a} }

func (b *citeButton) OnUpdate(ctx app.Context) { b.text, b.status = "", "" }

// articleURL is where a reference to a points: the original article if
// the collection knows it, else its page in this app.
func articleURL(a *data.Article) string {
	if u := safeURL(a.URL); u != "" {
		return u
	}
	if !app.IsClient {
		return ""
	}
	return absoluteURL(ArticlePath(a.Slug))
}

func (b *citeButton) onClick(ctx app.Context, e app.Event) {
	b.text = cite.Citation(b.Article, articleURL(b.Article))
	b.status = T("Citation:")
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		return
	}
	done := app.FuncOf(func(this app.Value, args []app.Value) any {
		ctx.Dispatch(func(app.Context) { b.status = T("Copied to the clipboard:") })
		return nil
	})
	clip.Call("writeText", b.text).Call("then", done)
}

func (b *citeButton) Render() app.UI {
	return parentEl("div.cite",
		button("#cite-button[type=button]", T("Copy citation"), b.onClick),
		when(b.text != "", parentEl("p#citation[role=status]",
			textEl("span.label", b.status+" "),
			textEl("span.citation-text", b.text),
		)),
	)
}
