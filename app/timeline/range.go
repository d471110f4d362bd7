package timeline

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"broadsheet/app/i18n"
	"broadsheet/data"
)

// Range is a span of time picked on the histogram and kept in the URL as
// from and to (/?q=likes&from=2025-03&to=2025-05). Each end is a
// data.Date in its canonical form at the precision of the histogram's
// bars: "2025", "2025-03" or "2025-03-14" (a week is its Monday to its
// Sunday). To is inclusive: to=2025-05 runs to the end of May. Either end
// may be missing.
type Range struct {
	From, To data.Date
}

// ParseRange reads the from and to parameters. A malformed end is an
// error; the caller decides whether to ignore it.
func ParseRange(from, to string) (Range, error) {
	var r Range
	var err error
	if s := strings.TrimSpace(from); s != "" {
		if r.From, err = data.ParseDate(s); err != nil {
			return Range{}, fmt.Errorf("from: %w", err)
		}
	}
	if s := strings.TrimSpace(to); s != "" {
		if r.To, err = data.ParseDate(s); err != nil {
			return Range{}, fmt.Errorf("to: %w", err)
		}
	}
	if !r.From.IsZero() && !r.To.IsZero() && r.To.End().Before(r.From.Start) {
		r.From, r.To = r.To, r.From
	}
	return r, nil
}

// RangeFromQuery reads from and to out of URL query values, ignoring
// malformed ones (a hand-edited URL still shows every article).
func RangeFromQuery(v url.Values) Range {
	r, err := ParseRange(v.Get("from"), v.Get("to"))
	if err != nil {
		return Range{}
	}
	return r
}

// IsZero reports whether the range is unbounded at both ends.
func (r Range) IsZero() bool { return r.From.IsZero() && r.To.IsZero() }

// start and end are the range as instants, end exclusive; an open end is
// the zero time.
func (r Range) start() time.Time { return r.From.Start }
func (r Range) end() time.Time {
	if r.To.IsZero() {
		return time.Time{}
	}
	return r.To.End()
}

// Contains reports whether d lies wholly inside the range: a bar is
// selected when its period does. An article known only to May 2025 is not
// inside 10–20 May (it Overlaps it). An undated article is inside only the
// unbounded range.
func (r Range) Contains(d data.Date) bool {
	if r.IsZero() {
		return true
	}
	if d.IsZero() {
		return false
	}
	if !r.From.IsZero() && d.Start.Before(r.start()) {
		return false
	}
	if e := r.end(); !e.IsZero() && d.End().After(e) {
		return false
	}
	return true
}

// Overlaps reports whether d may lie in the range: its period and the
// range share some time. This is how the search engine filters (and so
// the timeline page too): an article known only to May 2025 is listed
// for 10–20 May, as one that may be in it.
func (r Range) Overlaps(d data.Date) bool {
	if r.IsZero() {
		return true
	}
	if d.IsZero() {
		return false
	}
	end := d.End()
	if !end.After(d.Start) {
		end = d.Start.Add(time.Nanosecond) // an instant
	}
	if !r.From.IsZero() && !end.After(r.start()) {
		return false
	}
	if e := r.end(); !e.IsZero() && !d.Start.Before(e) {
		return false
	}
	return true
}

// Query sets from and to in v (deleting them for an open end).
func (r Range) Query(v url.Values) {
	v.Del("from")
	v.Del("to")
	if !r.From.IsZero() {
		v.Set("from", r.From.String())
	}
	if !r.To.IsZero() {
		v.Set("to", r.To.String())
	}
}

// Label is a reader's label, months named in l: "March–May 2025", "14 May
// 2025", "since 2018".
func (r Range) Label(l i18n.Lang) string {
	switch {
	case r.IsZero():
		return "all time"
	case r.To.IsZero():
		return "since " + Label(l, r.From)
	case r.From.IsZero():
		return "until " + Label(l, r.To)
	case r.From == r.To:
		return Label(l, r.From)
	}
	return LabelRange(l, r.From, r.To)
}

// String is the label in English.
func (r Range) String() string { return r.Label(i18n.English) }
