package ui

import (
	"sort"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"broadsheet/app/bundle"
	"broadsheet/app/search"
	"broadsheet/app/timeline"
	"broadsheet/data"
)

// Library is the bundle the app was given, with what the pages derive
// from it once.
type Library struct {
	*bundle.Bundle
	// Suggestions are searches worth trying, drawn from the titles.
	Suggestions []string
	// Published counts the articles over time, once, for every histogram.
	Published *timeline.Histogram
	positions []int
	bySlug    map[string]int
}

// NewLibrary readies a bundle for the pages.
func NewLibrary(b *bundle.Bundle) *Library {
	c := b.Collection
	l := &Library{Bundle: b, bySlug: make(map[string]int, len(c.Articles))}
	for i, a := range c.Articles {
		l.bySlug[a.Slug] = i
	}
	l.Suggestions = suggestedWords(c, 4)
	l.Published = timeline.NewHistogram(timeline.Dates(c.Articles))
	if l.Events == nil {
		l.Events = timeline.NewEvents(c, nil)
	}
	return l
}

// fetchFor fetches, in the background, the shards of the index a search
// found missing, and calls done in a dispatch once they have arrived, to
// search again. It does nothing when nothing is missing, nor for a bundle
// built whole (prerendering).
func (l *Library) fetchFor(ctx app.Context, missing []string, done func(app.Context)) {
	if len(missing) == 0 || l.Fetch == nil {
		return
	}
	ctx.Async(func() {
		err := l.Index.Fetch(missing, search.Fetch(l.Fetch))
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				// The results stay what the shards at hand gave; the next
				// keystroke asks again (a failed fetch is not remembered).
				app.Log("broadsheet:", err)
				return
			}
			done(ctx)
		})
	})
}

// Positions are 0, 1, … len(articles)-1: every article, for facets over
// the whole collection.
func (l *Library) Positions() []int {
	if len(l.positions) != len(l.Collection.Articles) {
		l.positions = make([]int, len(l.Collection.Articles))
		for i := range l.positions {
			l.positions[i] = i
		}
	}
	return l.positions
}

// Article returns the article with slug, and its position (newest first).
func (l *Library) Article(slug string) (*data.Article, int, bool) {
	i, ok := l.bySlug[slug]
	if !ok {
		return nil, -1, false
	}
	return &l.Collection.Articles[i], i, true
}

// Routes registers every page of the app for l. Static hosts serve
// "/timeline/" for "/timeline" when the page is a folder's index.html, so
// each route also accepts a trailing slash.
func Routes(l *Library) {
	handleShelf()
	handlePreferences()
	app.Route("/", func() app.Composer { return newSearchPage(l) })
	app.RouteWithRegexp(`^/timeline/?$`, func() app.Composer { return newTimelinePage(l) })
	app.RouteWithRegexp(`^/about/?$`, func() app.Composer { return newAboutPage(l) })
	app.RouteWithRegexp(`^/saved/?$`, func() app.Composer { return newSavedPage() })
	app.RouteWithRegexp(`^/article/[a-z0-9-]+/?$`, func() app.Composer { return newArticlePage(l) })
	// Last: go-app tries regexp routes in order.
	app.RouteWithRegexp(`^/`, func() app.Composer { return &notFoundPage{} })
}

// Pages lists the path of every page to prerender, in a stable order.
func Pages(l *Library) []string {
	pages := []string{"/", "/about", "/saved", "/timeline"}
	for _, a := range l.Collection.Articles {
		pages = append(pages, ArticlePath(a.Slug))
	}
	return pages
}

// ArticlePath is the path of an article's page.
func ArticlePath(slug string) string { return "/article/" + slug }

// suggestedWords picks the n title words shared by the most articles (but
// not by all of them), longest first among equals, skipping short words.
func suggestedWords(c *data.Collection, n int) []string {
	df := map[string]int{}
	for _, a := range c.Articles {
		seen := map[string]bool{}
		for _, w := range search.Words(a.Title) {
			if len([]rune(w)) >= 5 && !seen[w] {
				seen[w] = true
				df[w]++
			}
		}
	}
	words := make([]string, 0, len(df))
	for w, k := range df {
		if k < len(c.Articles) || len(c.Articles) == 1 {
			words = append(words, w)
		}
	}
	sort.Slice(words, func(i, j int) bool {
		a, b := words[i], words[j]
		if df[a] != df[b] {
			return df[a] > df[b]
		}
		if len(a) != len(b) {
			return len(a) > len(b)
		}
		return a < b
	})
	return words[:min(n, len(words))]
}
