package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The shapes every page repeats, built here once. In the wasm each call
// of go-app's fluent setters (.Class, .Attr, .Aria, .Text, .Body, …) is
// 100–150 bytes of code where it is made, and a page of them came to
// 10–15 KB a Render. So an element's fixed attributes are written as one
// selector string, which costs as much at the call as a single argument,
// and the helpers below take what varies.

// el makes the element a selector describes: a tag, then any of #id,
// .class and [name=value], as in CSS: el("p#timeline-count.count[aria-live=polite]").
// The attributes are set with Attr, which is what go-app's own setters
// (ID, Class, Role, Aria, DataSet, Title) do with a string.
func el(sel string) app.HTMLElem {
	i := strings.IndexAny(sel, "#.[")
	if i < 0 {
		return app.Elem(sel)
	}
	return withAttrs(app.Elem(sel[:i]), sel[i:])
}

// withAttrs sets the #id, .class and [name=value] of spec on e.
func withAttrs(e app.HTMLElem, spec string) app.HTMLElem {
	for len(spec) > 0 {
		kind := spec[0]
		spec = spec[1:]
		if kind == '[' {
			end := strings.IndexByte(spec, ']')
			eq := strings.IndexByte(spec[:end], '=')
			e.Attr(spec[:eq], spec[eq+1:end])
			spec = spec[end+1:]
			continue
		}
		end := strings.IndexAny(spec, "#.[")
		if end < 0 {
			end = len(spec)
		}
		name := "class" // go-app joins the classes with spaces
		if kind == '#' {
			name = "id"
		}
		e.Attr(name, spec[:end])
		spec = spec[end:]
	}
	return e
}

// text is a text node. app.Text takes a value of any type, and each call
// with a string made the conversion where it stood.
func text(s string) app.UI { return app.Text(s) }

// textEl is an element holding one text node.
func textEl(sel, s string) app.UI { return el(sel).Text(s) }

// parentEl is an element holding children.
func parentEl(sel string, children ...app.UI) app.UI { return el(sel).Body(children...) }

// link is an <a> to url (taken as it is) showing s.
func link(sel, url, s string) app.UI { return el(sel).Attr("href", url).Text(s) }

// appLink is a link to a path of the app (href).
func appLink(sel, path, s string) app.UI { return link(sel, href(path), s) }

// button is a <button> with the attributes of spec (#id, .class,
// [name=value]), showing s, with h to answer clicks.
func button(spec, s string, h app.EventHandler) app.UI {
	return withAttrs(app.Elem("button"), spec).OnClick(h).Text(s)
}

// timeEl is a <time> showing s, with the date machines read.
func timeEl(datetime, s string) app.UI {
	return el("time").Attr("datetime", datetime).Text(s)
}

// option is an <option> of a <select> showing s, selected or not.
func option(value, s string, selected bool) app.UI {
	return el("option").Attr("value", value).Attr("selected", present(selected)).Text(s)
}

// when is ui if on holds, and nothing otherwise (go-app leaves nil
// children out). Unlike app.If it takes ui made already, so it suits
// cheap elements; it makes no closure.
func when(on bool, ui app.UI) app.UI {
	if on {
		return ui
	}
	return nil
}
