package timeline

import (
	"sort"

	"broadsheet/data"
)

// Event is a date an article's own text mentions ("in July 2019", "on
// May 14", "a year earlier"), with the sentence it was read from. Events
// are extracted at build time (cmd/broadsheet/internal/events) and shipped to the browser in
// their own file; the sentence text is not stored but cut from the
// article's body by its offsets.
type Event struct {
	// Article is the slug of the article the sentence belongs to.
	Article string
	// Date is the date mentioned, at the precision the text gives it.
	// Inferred marks a date the text did not state whole: a year taken from
	// the article's date ("on May 14"), or a relative expression resolved
	// ("a year earlier").
	Date data.Date
	// Until is the last period of a range ("October and November 2024":
	// Date is October, Until November), zero otherwise.
	Until data.Date
	// Sentence locates the sentence in the article's body.
	Sentence Sentence
	// PhraseStart and PhraseEnd are the date phrase's rune offsets within
	// the sentence, End exclusive.
	PhraseStart, PhraseEnd int
}

// Before orders events by date, coarser periods first among those that
// start together ("2018" before "March 2018"), then by article and place.
func (e *Event) Before(o *Event) bool {
	if !e.Date.Start.Equal(o.Date.Start) {
		return e.Date.Start.Before(o.Date.Start)
	}
	if e.Date.Precision != o.Date.Precision {
		return e.Date.Precision < o.Date.Precision
	}
	if !e.Until.Start.Equal(o.Until.Start) {
		return e.Until.Start.Before(o.Until.Start)
	}
	if e.Article != o.Article {
		return e.Article < o.Article
	}
	return e.Sentence.Start+e.PhraseStart < o.Sentence.Start+o.PhraseStart
}

// Sort orders events in time (see Event.Before).
func Sort(events []Event) {
	sort.SliceStable(events, func(i, j int) bool { return events[i].Before(&events[j]) })
}

// Key is what events that mention the same date share: "2025-05-14",
// "2024-10..2024-11". Whether a year was inferred does not change it.
func (e *Event) Key() string {
	k := e.Date.String()
	if !e.Until.IsZero() {
		k += ".." + e.Until.String()
	}
	return k
}

// End is the first instant after the event's period (its range's end).
func (e *Event) End() data.Date {
	if !e.Until.IsZero() {
		return e.Until
	}
	return e.Date
}

// Events are a collection's events in time order, with the way back to
// their articles.
type Events struct {
	All        []Event
	collection *data.Collection
	bySlug     map[string]int // article index
}

// NewEvents sorts events and ties them to their collection.
func NewEvents(c *data.Collection, events []Event) *Events {
	Sort(events)
	ev := &Events{All: events, collection: c, bySlug: make(map[string]int, len(c.Articles))}
	for i := range c.Articles {
		ev.bySlug[c.Articles[i].Slug] = i
	}
	return ev
}

// Article returns the article an event came from.
func (ev *Events) Article(e *Event) *data.Article {
	i, ok := ev.bySlug[e.Article]
	if !ok {
		return nil
	}
	return &ev.collection.Articles[i]
}

// Text returns the sentence an event came from, cut from its article's
// body by rune offsets (walking the string: no copy of the body is kept,
// so concurrent prerendering may share an Events).
func (ev *Events) Text(e *Event) string {
	a := ev.Article(e)
	if a == nil {
		return ""
	}
	start, end, n := -1, -1, 0
	for i := range a.Body {
		if n == e.Sentence.Start {
			start = i
		}
		if n == e.Sentence.End {
			end = i
			break
		}
		n++
	}
	if end < 0 && n == e.Sentence.End {
		end = len(a.Body)
	}
	if start < 0 || end < start {
		return ""
	}
	return a.Body[start:end]
}

// Parts splits an event's sentence around its date phrase.
func (ev *Events) Parts(e *Event) (before, phrase, after string) {
	s := []rune(ev.Text(e))
	from, to := min(max(e.PhraseStart, 0), len(s)), min(max(e.PhraseEnd, 0), len(s))
	if from > to {
		from = to
	}
	return string(s[:from]), string(s[from:to]), string(s[to:])
}

// Of returns the events of the articles for which keep is true, in time
// order.
func (ev *Events) Of(keep func(slug string) bool) []*Event {
	var out []*Event
	for i := range ev.All {
		if keep(ev.All[i].Article) {
			out = append(out, &ev.All[i])
		}
	}
	return out
}
