package timeline

import (
	"encoding/json"
	"fmt"
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

// The events file, as written by EncodeEvents, is JSON:
//
//	{"version": 1, "events": [
//	  {"a": "slug", "d": "~2025-05-14", "u": "", "s": 3, "b": 412, "e": 530, "pb": 48, "pe": 54}, …]}
//
// a is the article's slug; d and u the date and range end in
// data.Date's text form ("~" marks an inferred date); s the sentence's
// index, b and e its rune offsets in the body; pb and pe the phrase's
// offsets in the sentence. Keys are short because a large collection has
// tens of thousands of events.
const eventsVersion = 1

type eventsFile struct {
	Version int         `json:"version"`
	Events  []eventJSON `json:"events"`
}

type eventJSON struct {
	Article     string    `json:"a"`
	Date        data.Date `json:"d"`
	Until       data.Date `json:"u,omitzero"`
	Sentence    int       `json:"s"`
	Start       int       `json:"b"`
	End         int       `json:"e"`
	PhraseStart int       `json:"pb"`
	PhraseEnd   int       `json:"pe"`
}

// EncodeEvents writes events as the file the browser loads.
func EncodeEvents(events []Event) ([]byte, error) {
	f := eventsFile{Version: eventsVersion, Events: make([]eventJSON, len(events))}
	for i, e := range events {
		f.Events[i] = eventJSON{
			Article: e.Article, Date: e.Date, Until: e.Until,
			Sentence: e.Sentence.Index, Start: e.Sentence.Start, End: e.Sentence.End,
			PhraseStart: e.PhraseStart, PhraseEnd: e.PhraseEnd,
		}
	}
	return json.Marshal(f)
}

// DecodeEvents reads what EncodeEvents wrote and checks every event
// against the collection it was extracted from, so that a stale events
// file is reported once, here, and not as a sentence cut wrongly later.
func DecodeEvents(c *data.Collection, b []byte) (*Events, error) {
	var f eventsFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("decoding events: %w", err)
	}
	if f.Version != eventsVersion {
		return nil, fmt.Errorf("events file version %d, want %d (rebuild the site)", f.Version, eventsVersion)
	}
	bodyLen := make(map[string]int, len(c.Articles))
	for i := range c.Articles {
		bodyLen[c.Articles[i].Slug] = len([]rune(c.Articles[i].Body))
	}
	events := make([]Event, len(f.Events))
	for i, j := range f.Events {
		n, ok := bodyLen[j.Article]
		switch {
		case !ok:
			return nil, fmt.Errorf("event %d: no article %q in the collection (rebuild the site)", i, j.Article)
		case j.Start < 0 || j.End > n || j.Start >= j.End:
			return nil, fmt.Errorf("event %d of %q: sentence %d..%d outside the body (%d runes)", i, j.Article, j.Start, j.End, n)
		case j.PhraseStart < 0 || j.PhraseEnd > j.End-j.Start || j.PhraseStart >= j.PhraseEnd:
			return nil, fmt.Errorf("event %d of %q: phrase %d..%d outside its sentence", i, j.Article, j.PhraseStart, j.PhraseEnd)
		case j.Date.IsZero():
			return nil, fmt.Errorf("event %d of %q: no date", i, j.Article)
		}
		events[i] = Event{
			Article: j.Article, Date: j.Date, Until: j.Until,
			Sentence:    Sentence{Index: j.Sentence, Start: j.Start, End: j.End},
			PhraseStart: j.PhraseStart, PhraseEnd: j.PhraseEnd,
		}
	}
	return NewEvents(c, events), nil
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
