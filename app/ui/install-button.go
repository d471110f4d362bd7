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
		return el("span.install")
	}
	howTo := b.apple && b.showHowTo
	return parentEl("span.install",
		el("button#install-button[type=button]").
			Aria("expanded", howTo).
			OnClick(b.onClick).
			Text(T("Install")),
		when(howTo, textEl("p#install-howto.install-howto[role=note]", T("To install Broadsheet: in Safari, tap the Share button, then “Add to Home Screen” (on a Mac: File → Add to Dock). It then opens like an app and works offline."))),
	)
}
