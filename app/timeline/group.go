package timeline

import "broadsheet/data"

// DateGroup is the events that mention one date (or range), from one or
// more articles: "3 articles mention 2018".
type DateGroup struct {
	Key    string // Event.Key
	Events []*Event
	// Articles counts the distinct articles among Events.
	Articles int
}

// Date is the date the group's events mention; Inferred only when every
// one of them inferred it.
func (g *DateGroup) Date() data.Date {
	d := g.Events[0].Date
	for _, e := range g.Events {
		if !e.Date.Inferred {
			d.Inferred = false
		}
	}
	return d
}

// MonthGroup is a month's dated events, by date.
type MonthGroup struct {
	Month  data.Date // month precision
	Groups []DateGroup
}

// YearGroup is a year's events: those known only to the year (or a span of
// years starting in it), then its months.
type YearGroup struct {
	Year   int
	Whole  []DateGroup
	Months []MonthGroup
}

// Len counts the date groups of a year.
func (y *YearGroup) Len() int {
	n := len(y.Whole)
	for _, m := range y.Months {
		n += len(m.Groups)
	}
	return n
}

// GroupEvents arranges events (in time order, see Sort) by year, then
// month, then date, gathering the events that mention the same date.
func GroupEvents(events []*Event) []YearGroup {
	var years []YearGroup
	for _, e := range events {
		y := e.Date.Start.Year()
		if len(years) == 0 || years[len(years)-1].Year != y {
			years = append(years, YearGroup{Year: y})
		}
		yg := &years[len(years)-1]
		var groups *[]DateGroup
		if e.Date.Precision == data.PrecisionYear {
			groups = &yg.Whole
		} else {
			m := data.Date{Start: Month.Start(Month.Bucket(e.Date.Start)), Precision: data.PrecisionMonth}
			if len(yg.Months) == 0 || yg.Months[len(yg.Months)-1].Month.Start != m.Start {
				yg.Months = append(yg.Months, MonthGroup{Month: m})
			}
			groups = &yg.Months[len(yg.Months)-1].Groups
		}
		k := e.Key()
		if n := len(*groups); n == 0 || (*groups)[n-1].Key != k {
			*groups = append(*groups, DateGroup{Key: k})
		}
		g := &(*groups)[len(*groups)-1]
		// Events of one date are in article order (Event.Before), so a
		// new article is one unlike the last.
		if len(g.Events) == 0 || g.Events[len(g.Events)-1].Article != e.Article {
			g.Articles++
		}
		g.Events = append(g.Events, e)
	}
	return years
}
