package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// installButton offers to install Broadsheet as an app. Chromium-based
// browsers give a prompt, which the button opens. Apple's browsers have no
// prompt (go-app's IsAppInstallable is true there, yet
// ShowAppInstallPrompt does nothing), so there the button shows how to add
// the app to the home screen by hand. Elsewhere, and once installed, it
// renders nothing.
type installButton struct {
	app.Compo

	installable bool
	apple       bool
	showHowTo   bool
}

func newInstallButton() *installButton { return &installButton{} }

func (b *installButton) OnMount(ctx app.Context) { b.refresh(ctx) }

func (b *installButton) OnAppInstallChange(ctx app.Context) { b.refresh(ctx) }

func (b *installButton) refresh(ctx app.Context) {
	b.apple = ctx.IsAppleBrowser()
	b.installable = ctx.IsAppInstallable()
}

func (b *installButton) onClick(ctx app.Context, e app.Event) {
	if b.apple {
		b.showHowTo = !b.showHowTo
		return
	}
	ctx.ShowAppInstallPrompt()
}

func (b *installButton) Render() app.UI {
	if !b.installable {
		return app.Elem("span").Class("install")
	}
	return app.Elem("span").
		Class("install").
		Body(
			app.Elem("button").
				ID("install-button").
				Attr("type", "button").
				Aria("expanded", b.apple && b.showHowTo).
				OnClick(b.onClick).
				Text(T("Install")),
			app.If(b.apple && b.showHowTo, func() app.UI {
				return app.Elem("p").
					ID("install-howto").
					Class("install-howto").
					Role("note").
					Text(T("To install Broadsheet: in Safari, tap the Share button, then “Add to Home Screen” (on a Mac: File → Add to Dock). It then opens like an app and works offline."))
			}),
		)
}
