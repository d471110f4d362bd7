package ui

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"broadsheet/app/entity"
)

// facetPath is the search page filtered to one facet value:
// /?person=Emomali+Rahmon. The search page reads kind=name pairs.
func facetPath(e entity.Entity) string {
	return "/?" + url.Values{e.Kind.String(): {e.Name}}.Encode()
}

// articleMentions lists the people, organisations, places and countries
// the article mentions, each a link to the articles that mention it too.
func articleMentions(l *Library, pos int) app.UI {
	if l.Entities == nil || pos < 0 {
		return nil
	}
	ix := l.Entities
	byKind := map[entity.Kind][]entity.ID{}
	for _, id := range ix.Values(pos) {
		k := ix.Entities[id].Kind
		byKind[k] = append(byKind[k], id)
	}
	var groups []app.UI
	for _, mk := range kindLabels {
		if mk.kind > entity.Country {
			continue // source, author, tags, language: the collection's metadata, not the text's
		}
		ids := byKind[mk.kind]
		if len(ids) == 0 {
			continue
		}
		groups = append(groups, app.Elem("div").Class("mention-group").Body(
			app.Elem("h3").Text(T(mk.label)),
			app.Elem("ul").Body(
				app.Range(ids).Slice(func(i int) app.UI {
					e := ix.Entities[ids[i]]
					return app.Elem("li").Body(app.Elem("a").Attr("href", href(facetPath(e))).Text(e.Name))
				}),
			),
		))
	}
	if len(groups) == 0 {
		return nil
	}
	return app.Elem("section").
		Class("mentions").
		Aria("labelledby", "mentions-heading").
		Body(append([]app.UI{app.Elem("h2").ID("mentions-heading").Text(T("In this article"))}, groups...)...)
}

// relatedArticles lists the five articles that share the most rare terms
// and names with this one, each with what they share.
func relatedArticles(l *Library, pos int) app.UI {
	if l.Entities == nil || pos < 0 || pos >= len(l.Entities.Articles) {
		return nil
	}
	rel := l.Entities.Articles[pos].Related
	if len(rel) == 0 {
		return nil
	}
	rel = rel[:min(len(rel), 5)]
	arts := l.Collection.Articles
	return app.Elem("section").
		Class("related").
		Aria("labelledby", "related-heading").
		Body(
			app.Elem("h2").ID("related-heading").Text(T("Related articles")),
			app.Elem("ul").Body(
				app.Range(rel).Slice(func(i int) app.UI {
					r := rel[i]
					if r.Article < 0 || r.Article >= len(arts) {
						return nil
					}
					a := &arts[r.Article]
					return app.Elem("li").Body(
						app.Elem("a").Attr("href", href(ArticlePath(a.Slug))).Text(a.Title),
						app.Elem("span").Class("meta").Text(" "+formatDate(a.Date)),
						app.Elem("p").Class("reason").Text(l.Entities.Reason(r)),
					)
				}),
			),
		)
}
