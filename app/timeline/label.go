package timeline

import (
	"strconv"

	"broadsheet/app/i18n"
	"broadsheet/data"
)

// Label shows a date at the precision it is known, the way a reader
// writes it in l: "2025", "May 2025", "14 May 2025" ("май 2025", "14 мая
// 2025"). A month is never "1 May".
func Label(l i18n.Lang, d data.Date) string {
	t := d.Start
	switch d.Precision {
	case data.PrecisionYear:
		return strconv.Itoa(t.Year())
	case data.PrecisionMonth:
		return l.MonthYear(t)
	case data.PrecisionDay, data.PrecisionTime:
		return l.Day(t)
	}
	return "undated"
}

// LabelRange shows a span from one date to another, sharing what they
// share: "March–May 2025", "14–20 May 2025", "October 2024–May 2025".
func LabelRange(l i18n.Lang, from, to data.Date) string {
	if from.Precision != to.Precision {
		return Label(l, from) + " – " + Label(l, to)
	}
	f, t := from.Start, to.Start
	switch from.Precision {
	case data.PrecisionYear:
		return strconv.Itoa(f.Year()) + "–" + strconv.Itoa(t.Year())
	case data.PrecisionMonth:
		if f.Year() == t.Year() {
			return l.Month(f.Month()) + "–" + Label(l, to)
		}
	case data.PrecisionDay, data.PrecisionTime:
		if f.Year() == t.Year() && f.Month() == t.Month() {
			return strconv.Itoa(f.Day()) + "–" + Label(l, to)
		}
	}
	return Label(l, from) + " – " + Label(l, to)
}

// EventLabel is the date an event mentions, a range in words: "October
// and November 2024" reads as "October–November 2024".
func EventLabel(l i18n.Lang, e *Event) string {
	if e.Until.IsZero() {
		return Label(l, e.Date)
	}
	return LabelRange(l, e.Date, e.Until)
}
