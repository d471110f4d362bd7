package timeline

import (
	"broadsheet/app/i18n"
	"broadsheet/data"
)

// Matcher finds every article a query matches, newest first; ok is false
// when the query asks for nothing (no words), and then every article is in
// view. The search index is one (search.Index.Matching).
type Matcher func(query string) (matches []*data.Article, ok bool)

// View is what the timeline shows for a search and a published range:
// the articles that match and may have appeared in the range, and the
// events their text mentions. The timeline page and `broadsheet export`
// both show a View, so that a download holds what the page showed.
type View struct {
	Name  string // the collection's
	Query string
	Range Range
	// Matching are the articles the search matched, newest first (every
	// article when the query is empty); Searched is false then.
	Matching []*data.Article
	Searched bool
	// Shown are the matching articles whose date may fall in the range (an
	// article known only to May 2025 is shown for 10–20 May, as the search
	// engine does), Uncertain how many of them are not sure to.
	Shown     []*data.Article
	Uncertain int
	// Events are those of the articles shown, in time order.
	Events []*Event
	Source *Events
}

// NewView runs query through match and applies rng.
func NewView(c *data.Collection, ev *Events, match Matcher, query string, rng Range) *View {
	v := &View{Name: c.Name, Query: query, Source: ev}
	if v.Matching, v.Searched = match(query); !v.Searched {
		v.Matching = make([]*data.Article, len(c.Articles))
		for i := range c.Articles {
			v.Matching[i] = &c.Articles[i]
		}
	}
	v.setRange(rng)
	return v
}

// setRange applies rng to the matching articles and gathers their events.
func (v *View) setRange(rng Range) {
	v.Range = rng
	v.Shown, v.Uncertain = v.Shown[:0], 0
	in := make(map[string]bool, len(v.Matching))
	for _, a := range v.Matching {
		if rng.Overlaps(a.Date) {
			v.Shown = append(v.Shown, a)
			in[a.Slug] = true
			if !rng.Contains(a.Date) {
				v.Uncertain++
			}
		}
	}
	v.Events = v.Source.Of(func(slug string) bool { return in[slug] })
}

// Export is the view as a download, its dates labelled in l: its events
// and articles under a title that says what was searched.
func (v *View) Export(l i18n.Lang) *Export {
	title := v.Name
	if v.Query != "" {
		title += " — “" + v.Query + "”"
	}
	if !v.Range.IsZero() {
		title += ", published " + v.Range.Label(l)
	}
	return &Export{Lang: l, Title: title, Events: v.Events, Articles: v.Shown, Source: v.Source}
}
