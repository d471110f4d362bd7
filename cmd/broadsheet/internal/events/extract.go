// Package events reads the dates an article's own text mentions — "in July
// 2019", "on May 14", "a year earlier", "в октябре 2024 года" — and turns
// each into a timeline.Event that keeps its precision, its sentence and its
// article.
//
// It runs at build time only (broadsheet build and export): it is never
// imported by the wasm, which loads the events the build wrote. Most dates
// are read by the patterns in match.go, which know English and Russian
// month names in every case and tell a year from "1,507", "9.5 years" or
// "Group 24". go-dateparser is a second pass for what the patterns leave:
// numeric dates ("14.05.2025") and articles in languages the patterns do
// not know (see dateparser.go).
package events

import (
	"time"

	"broadsheet/app/timeline"
	"broadsheet/data"
)

// anchorReach is how many sentences back the date a relative expression
// leans on may be ("In April 2024, … A similar incident … a year earlier").
const anchorReach = 5

// Extractor finds events in articles. The zero value uses the patterns
// alone; DateParser adds go-dateparser's second pass.
type Extractor struct {
	DateParser *SecondPass
}

// Extract reads every article of a collection, with the second pass.
func Extract(c *data.Collection) []timeline.Event {
	x := Extractor{DateParser: NewSecondPass()}
	var out []timeline.Event
	for i := range c.Articles {
		out = append(out, x.Article(&c.Articles[i])...)
	}
	return out
}

// Article reads one article's events, in text order.
func (x *Extractor) Article(a *data.Article) []timeline.Event {
	body := []rune(a.Body)
	r := reader{ref: a.Date, lang: a.Language}
	var out []timeline.Event
	for _, sent := range timeline.Sentences(body) {
		text := body[sent.Start:sent.End]
		s := scanner{t: tokenize(text)}
		matches := s.scan()
		seen := map[string]bool{}
		for _, m := range matches {
			date, until, ok := r.resolve(&s, &m, sent.Index)
			if !ok {
				continue
			}
			e := timeline.Event{
				Article:     a.Slug,
				Date:        date,
				Until:       until,
				Sentence:    sent,
				PhraseStart: s.t[m.from].start,
				PhraseEnd:   s.t[m.to-1].end,
			}
			r.anchor, r.anchorAt = date, sent.Index
			if !until.IsZero() {
				r.anchor = until
			}
			if k := e.Key(); !seen[k] {
				seen[k] = true
				out = append(out, e)
			}
		}
		if x.DateParser != nil {
			out = append(out, x.DateParser.sentence(a, sent, text, &s, matches, seen)...)
		}
	}
	return out
}

// reader is what resolving a match needs beyond its sentence: the
// article's date, and the date the text last mentioned.
type reader struct {
	ref      data.Date
	lang     string
	anchor   data.Date
	anchorAt int // its sentence
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// resolve turns a match into dates, or reports that it cannot be dated
// honestly (a relative phrase with nothing to lean on).
func (r *reader) resolve(s *scanner, m *match, sentence int) (date, until data.Date, ok bool) {
	switch m.kind {
	case absolute:
		return m.dates(m.y, m.y2)
	case partial:
		y, ok := r.yearFor(m, sentence)
		if !ok {
			return data.Date{}, data.Date{}, false
		}
		y2 := 0
		if m.m2 != 0 {
			y2 = y
			if m.m2 < m.m {
				y2++
			}
		}
		date, until, ok = m.dates(y, y2)
		date.Inferred = true
		if !until.IsZero() {
			until.Inferred = true
		}
		return date, until, ok
	case fromArticle:
		date, ok = r.fromArticle(s, m)
		return date, data.Date{}, ok
	case fromAnchor:
		if r.anchor.IsZero() || sentence-r.anchorAt > anchorReach {
			return data.Date{}, data.Date{}, false
		}
		date, ok = fromAnchorDate(r.anchor, m)
		return date, data.Date{}, ok
	}
	return data.Date{}, data.Date{}, false
}

// dates builds the date (and range end) of a match once its year is known.
func (m *match) dates(y, y2 int) (date, until data.Date, ok bool) {
	mk := func(y, mo, d int) data.Date {
		switch {
		case mo == 0:
			return data.Date{Start: day(y, 1, 1), Precision: data.PrecisionYear}
		case d == 0:
			return data.Date{Start: day(y, mo, 1), Precision: data.PrecisionMonth}
		}
		return data.Date{Start: day(y, mo, d), Precision: data.PrecisionDay}
	}
	if m.d != 0 && !validDay(y, m.m, m.d) {
		return data.Date{}, data.Date{}, false
	}
	date = mk(y, m.m, m.d)
	if m.isRange() {
		if y2 == 0 {
			y2 = y
		}
		until = mk(y2, m.m2, m.d2)
	}
	return date, until, true
}

// yearFor finds the year a month or day without one belongs to. After
// "weeks later" it is the first such date after the one the text last
// mentioned; otherwise the one nearest the article's date (a May article's
// "on March 25" is this March, a January article's "in November" last
// November).
func (r *reader) yearFor(m *match, sentence int) (int, bool) {
	if m.dir != 0 && !r.anchor.IsZero() && sentence-r.anchorAt <= anchorReach {
		a := r.anchor.Start
		y := a.Year()
		if r.anchor.Precision >= data.PrecisionMonth {
			at := day(y, m.m, max(m.d, 1))
			if m.dir > 0 && at.Before(day(y, int(a.Month()), 1)) {
				y++
			}
			if m.dir < 0 && at.After(a) {
				y--
			}
		}
		return y, true
	}
	if r.ref.IsZero() {
		return 0, false
	}
	y := r.ref.Start.Year()
	if r.ref.Precision == data.PrecisionYear {
		return y, true
	}
	mid := func(t time.Time, end time.Time) time.Time { return t.Add(end.Sub(t) / 2) }
	refMid := mid(r.ref.Start, r.ref.End())
	best, bestGap := y, time.Duration(1<<62)
	for _, c := range []int{y - 1, y, y + 1} {
		d, _, ok := m.dates(c, 0)
		if !ok {
			continue
		}
		gap := mid(d.Start, d.End()).Sub(refMid)
		if gap < 0 {
			gap = -gap
		}
		if gap < bestGap {
			best, bestGap = c, gap
		}
	}
	return best, true
}

// fromArticle resolves "last year", "yesterday", "on Monday" against the
// article's date, which must be precise enough: "yesterday" in an article
// known only to the month is no date at all.
func (r *reader) fromArticle(s *scanner, m *match) (data.Date, bool) {
	ref := r.ref
	t := ref.Start
	switch m.unit {
	case "year":
		if ref.IsZero() {
			return data.Date{}, false
		}
		return data.Date{Start: day(t.Year()+m.n, 1, 1), Precision: data.PrecisionYear, Inferred: true}, true
	case "month":
		if ref.Precision < data.PrecisionMonth {
			return data.Date{}, false
		}
		return data.Date{Start: day(t.Year(), int(t.Month())+m.n, 1), Precision: data.PrecisionMonth, Inferred: true}, true
	case "day":
		if ref.Precision < data.PrecisionDay {
			return data.Date{}, false
		}
		return data.Date{Start: day(t.Year(), int(t.Month()), t.Day()+m.n), Precision: data.PrecisionDay, Inferred: true}, true
	case "weekday":
		if ref.Precision < data.PrecisionDay {
			return data.Date{}, false
		}
		base := day(t.Year(), int(t.Month()), t.Day())
		diff := int(base.Weekday()) - m.n
		future := false
		for i := range s.t {
			if futureCues[s.t[i].lower] || (s.t[i].lower == "next" && i+1 == m.to-1) {
				future = true
			}
		}
		if future {
			diff = (m.n - int(base.Weekday()) + 7) % 7
			return data.Date{Start: base.AddDate(0, 0, diff), Precision: data.PrecisionDay, Inferred: true}, true
		}
		diff = (diff + 7) % 7
		return data.Date{Start: base.AddDate(0, 0, -diff), Precision: data.PrecisionDay, Inferred: true}, true
	}
	return data.Date{}, false
}

// fromAnchorDate resolves "a year earlier", "weeks later" against the date
// the text last mentioned. A span of years keeps only the year; "weeks
// later" is no more precise than the month it lands in.
func fromAnchorDate(a data.Date, m *match) (data.Date, bool) {
	t := a.Start
	switch m.unit {
	case "year":
		return data.Date{Start: day(t.Year()+m.dir*m.n, 1, 1), Precision: data.PrecisionYear, Inferred: true}, true
	case "week", "day", "vague":
		if a.Precision < data.PrecisionDay {
			// "Weeks after" a month or a year: that month or year, roughly.
			return data.Date{Start: a.Start, Precision: a.Precision, Inferred: true}, true
		}
		days := m.n
		switch m.unit {
		case "week":
			days *= 7
		case "vague":
			days = 14
		}
		d := t.AddDate(0, 0, m.dir*days)
		if m.unit == "day" {
			return data.Date{Start: day(d.Year(), int(d.Month()), d.Day()), Precision: data.PrecisionDay, Inferred: true}, true
		}
		return data.Date{Start: day(d.Year(), int(d.Month()), 1), Precision: data.PrecisionMonth, Inferred: true}, true
	}
	return data.Date{}, false
}
