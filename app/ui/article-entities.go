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
		items := make([]app.UI, len(ids))
		for i, id := range ids {
			e := ix.Entities[id]
			items[i] = parentEl("li", appLink("a", facetPath(e), e.Name))
		}
		groups = append(groups, parentEl("div.mention-group",
			textEl("h3", T(mk.label)),
			parentEl("ul", items...),
		))
	}
	if len(groups) == 0 {
		return nil
	}
	return parentEl("section.mentions[aria-labelledby=mentions-heading]",
		append([]app.UI{textEl("h2#mentions-heading", T("In this article"))}, groups...)...)
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
	items := make([]app.UI, len(rel))
	for i, r := range rel {
		if r.Article < 0 || r.Article >= len(arts) {
			continue
		}
		a := &arts[r.Article]
		items[i] = parentEl("li",
			appLink("a", ArticlePath(a.Slug), a.Title),
			textEl("span.meta", " "+formatDate(a.Date)),
			textEl("p.reason", l.Entities.Reason(r)),
		)
	}
	return parentEl("section.related[aria-labelledby=related-heading]",
		textEl("h2#related-heading", T("Related articles")),
		parentEl("ul", items...),
	)
}
