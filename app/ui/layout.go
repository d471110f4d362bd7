package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"broadsheet/app/search"
)

// section names the navigation entry a page belongs to.
type section string

const (
	sectionSearch   section = "search"
	sectionTimeline section = "timeline"
	sectionAbout    section = "about"
	sectionSaved    section = "saved"
)

// layout is the frame shared by every page: a header with the product name
// and navigation, the page's content in <main>, a footer.
func layout(current section, content ...app.UI) app.UI {
	return parentEl("div.page",
		link("a.skip-link", "#content", T("Skip to content")),
		parentEl("header.site-header",
			appLink("a.brand", "/", T("Broadsheet")),
			el("nav").
				Aria("label", T("Main")).
				Body(
					navLink("/", N("Search"), current == sectionSearch),
					navLink("/timeline", N("Timeline"), current == sectionTimeline),
					navLink("/saved", N("Saved"), current == sectionSaved),
					navLink("/about", N("About"), current == sectionAbout),
				),
			newPreferences(),
			newInstallButton(),
		),
		newKeyboard(),
		parentEl("main#content", content...),
		parentEl("footer.site-footer",
			text(T("Broadsheet runs in your browser and keeps working offline. Press ? for keyboard shortcuts.")),
		),
	)
}

func navLink(path, label string, current bool) app.UI {
	a := el("a").Attr("href", href(path)).Text(T(label))
	if current {
		a = a.Aria("current", "page")
	}
	return a
}

// highlighted renders s with the spans marked. Every piece is a text node,
// so go-app escapes it: article text never goes through app.Raw.
func highlighted(s string, spans []search.Span) []app.UI {
	if len(spans) == 0 {
		return []app.UI{text(s)}
	}
	r := []rune(s)
	var out []app.UI
	at := 0
	for _, sp := range spans {
		if sp.Start < at || sp.End > len(r) || sp.Start >= sp.End {
			continue
		}
		if sp.Start > at {
			out = append(out, text(string(r[at:sp.Start])))
		}
		out = append(out, textEl("mark", string(r[sp.Start:sp.End])))
		at = sp.End
	}
	if at < len(r) {
		out = append(out, text(string(r[at:])))
	}
	return out
}
