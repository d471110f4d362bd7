package ui

import (
	"reflect"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// TestSelectors holds each selector to the element go-app's own setters
// make: the same tag, attributes and children.
func TestSelectors(t *testing.T) {
	for _, c := range []struct {
		got, want app.UI
	}{
		{el("li"), app.Elem("li")},
		{el("p.count"), app.Elem("p").Class("count")},
		{el("p.range.hint"), app.Elem("p").Class("range hint")},
		{el("h2#events-heading"), app.Elem("h2").ID("events-heading")},
		{
			el("p#timeline-count.count[aria-live=polite]"),
			app.Elem("p").ID("timeline-count").Class("count").Aria("live", "polite"),
		},
		{
			el("input#search-input[type=search][name=q][autocomplete=off][autofocus=true]"),
			app.Elem("input").ID("search-input").Attr("type", "search").Attr("name", "q").Attr("autocomplete", "off").Attr("autofocus", true),
		},
		{
			// A value runs to its "]": dots, commas and spaces are part of it.
			el("input[type=file][accept=application/json,.json]"),
			app.Elem("input").Attr("type", "file").Attr("accept", "application/json,.json"),
		},
		{
			el("a[rel=noopener noreferrer][target=_blank]"),
			app.Elem("a").Attr("rel", "noopener noreferrer").Attr("target", "_blank"),
		},
		{
			el("span.sentence.target[aria-current=location]#s-3"),
			app.Elem("span").Class("sentence").Class("target").Aria("current", "location").ID("s-3"),
		},
		{el("nav.jump[hidden=true]"), app.Elem("nav").Class("jump").Hidden(true)},
		{svg("g.band"), app.Elem("g").XMLNS(svgNS).Class("band")},
		{textEl("h1", "Saved"), app.Elem("h1").Text("Saved")},
		{
			parentEl("ul.shelf", textEl("li", "a"), nil, text("b")),
			app.Elem("ul").Class("shelf").Body(app.Elem("li").Text("a"), app.Text("b")),
		},
		{link("a.brand", "/x?q=1", "B"), app.Elem("a").Class("brand").Attr("href", "/x?q=1").Text("B")},
		{timeEl("2025-05", "May 2025"), app.Elem("time").Attr("datetime", "2025-05").Text("May 2025")},
		{option("date", "newest first", true), app.Elem("option").Attr("value", "date").Attr("selected", "true").Text("newest first")},
		{option("date", "newest first", false), app.Elem("option").Attr("value", "date").Text("newest first")},
		{when(false, textEl("p", "x")), nil},
		{when(true, textEl("p", "x")), app.Elem("p").Text("x")},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("got  %s\nwant %s", app.HTMLString(c.got), app.HTMLString(c.want))
		}
	}
}
