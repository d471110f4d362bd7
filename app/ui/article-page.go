package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"broadsheet/app/search"
	"broadsheet/data"
)

// articlePage is /article/<slug>: the whole article with its date, the
// query it was reached from highlighted, and its neighbours in time.
type articlePage struct {
	app.Compo

	lib     *Library
	article *data.Article
	pos     int
	query   string
	target  int // the sentence an event link points at, -1 for none
}

func newArticlePage(l *Library) *articlePage { return &articlePage{lib: l} }

func (p *articlePage) OnPreRender(ctx app.Context) { p.load(ctx) }

func (p *articlePage) OnNav(ctx app.Context) {
	p.load(ctx)
	if p.target >= 0 {
		id := "s-" + strconv.Itoa(p.target)
		ctx.Defer(func(app.Context) { scrollToCenter(id) })
	}
}

// OnMount loads as well as OnNav (which go-app sends after the mount),
// so the page is drawn with its content before it is marked live.
func (p *articlePage) OnMount(ctx app.Context) {
	p.load(ctx)
	ctx.Defer(func(app.Context) { markLive() })
}

func (p *articlePage) load(ctx app.Context) {
	u := ctx.Page().URL()
	slug := strings.TrimPrefix(appPath(u), "/article/")
	p.article, p.pos, _ = p.lib.Article(slug)
	p.query = u.Query().Get("q")
	p.target = targetSentence(u.Query().Get("s"), u.Fragment)
	if p.article != nil {
		ctx.Page().SetTitle(metaText(p.article.Title) + " — Broadsheet")
		ctx.Page().SetDescription(metaText(lead(p.article.Body, 160)))
	} else {
		ctx.Page().SetTitle(T("Article not found") + " — Broadsheet")
	}
}

func (p *articlePage) Render() app.UI {
	if p.article == nil {
		return notFound(sectionSearch, T("Article not found"), T("This collection has no article at this address. "))
	}
	a := p.article
	body := articleBody(a, p.query, p.target)
	original := safeURL(a.URL)
	return layout(sectionSearch,
		parentEl("article.article",
			when(p.query != "", parentEl("p.back", appLink("a", withQuery("/", p.query), T("← Back to results")))),
			parentEl("h1", highlighted(a.Title, search.Highlight(a.Title, p.query))...),
			parentEl("p.meta",
				timeEl(a.Date.String(), formatDate(a.Date)),
				when(a.Author != "", text(" · "+a.Author)),
				when(a.Source != "", text(" · "+a.Source)),
			),
			parentEl("div.article-actions",
				newReadingListButton(a.Slug, a.Title),
				newCiteButton(a),
			),
			parentEl("div.body", body...),
			when(a.Truncated, textEl("p.truncated", T("The source cut this text short; the rest of the article is not in the collection."))),
			when(original != "", parentEl("p.source-link",
				text(T("Original: ")),
				link("a[rel=noopener noreferrer][target=_blank]", original, a.URL),
			)),
		),
		articleMentions(p.lib, p.pos),
		relatedArticles(p.lib, p.pos),
		p.renderNeighbours(),
	)
}

// renderNeighbours links the next older and newer articles.
func (p *articlePage) renderNeighbours() app.UI {
	arts := p.lib.Collection.Articles
	var links []app.UI
	if p.pos+1 < len(arts) {
		older := &arts[p.pos+1]
		links = append(links, el("a.prev[rel=prev]").
			Attr("href", href(ArticlePath(older.Slug))).
			Body(textEl("span.label", T("← Older")), textEl("span", older.Title)))
	}
	if p.pos > 0 {
		newer := &arts[p.pos-1]
		links = append(links, el("a.next[rel=next]").
			Attr("href", href(ArticlePath(newer.Slug))).
			Body(textEl("span.label", T("Newer →")), textEl("span", newer.Title)))
	}
	return el("nav.neighbours").Aria("label", T("Older and newer articles")).Body(links...)
}
