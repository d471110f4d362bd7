package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"broadsheet/app/search"
	"broadsheet/data"
)

// resultRow is one hit: its title with the matches marked, its date and a
// snippet of the body around the match. The link carries the query so the
// article page can highlight it too.
func resultRow(h *search.Hit, q string) app.UI {
	a := h.Article
	var why app.UI
	if len(h.Why) > 0 {
		why = textEl("p.why", whyLine(h.Why))
	}
	return parentEl("li.result",
		parentEl("h2", el("a").Attr("href", href(withQuery(ArticlePath(a.Slug), q))).Body(highlighted(a.Title, h.TitleSpans)...)),
		parentEl("p.meta", timeEl(a.Date.String(), formatDate(a.Date))),
		parentEl("p.snippet", snippetNodes(&h.Snippet)...),
		why,
	)
}

// The note kinds, for the catalogue: search.NoteKind.String's words.
var _ = []string{N("transliteration"), N("spelling"), N("typo")}

// whyLine says how words matched that are not in the article as typed:
// "Matched Рахмон → Rahmon (transliteration)".
func whyLine(notes []search.Note) string {
	s := T("Matched") + " "
	for i, n := range notes {
		if i > 0 {
			s += ", "
		}
		s += n.String() + " (" + T(n.Kind.String()) + ")"
	}
	return s
}

func snippetNodes(sn *search.Snippet) []app.UI {
	var nodes []app.UI
	if sn.Before {
		nodes = append(nodes, text("… "))
	}
	nodes = append(nodes, highlighted(sn.Text, sn.Spans)...)
	if sn.After {
		nodes = append(nodes, text(" …"))
	}
	return nodes
}

// articleRow lists an article without a query: title, date, first lines.
func articleRow(a *data.Article) app.UI {
	return parentEl("li.result",
		parentEl("h2", appLink("a", ArticlePath(a.Slug), a.Title)),
		parentEl("p.meta", timeEl(a.Date.String(), formatDate(a.Date))),
		textEl("p.snippet", Lead(a.Body)),
	)
}

// Lead is the first lines of an article's body as a row shows them.
func Lead(body string) string { return lead(body, 200) }

// lead is the start of s, cut at a word boundary near n characters.
func lead(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n
	for cut > n/2 && r[cut] != ' ' {
		cut--
	}
	return string(r[:cut]) + " …"
}
