package timeline

import (
	"strconv"

	"broadsheet/data"
)

// Label shows a date at the precision it is known, the way a reader
// writes it: "2025", "May 2025", "14 May 2025". A month is never "1 May".
func Label(d data.Date) string {
	t := d.Start
	switch d.Precision {
	case data.PrecisionYear:
		return strconv.Itoa(t.Year())
	case data.PrecisionMonth:
		return Months[t.Month()-1] + " " + strconv.Itoa(t.Year())
	case data.PrecisionDay, data.PrecisionTime:
		return strconv.Itoa(t.Day()) + " " + MonthsOf[t.Month()-1] + " " + strconv.Itoa(t.Year())
	}
	return "undated"
}

// LabelRange shows a span from one date to another, sharing what they
// share: "March–May 2025", "14–20 May 2025", "October 2024–May 2025".
func LabelRange(from, to data.Date) string {
	if from.Precision != to.Precision {
		return Label(from) + " – " + Label(to)
	}
	f, t := from.Start, to.Start
	switch from.Precision {
	case data.PrecisionYear:
		return strconv.Itoa(f.Year()) + "–" + strconv.Itoa(t.Year())
	case data.PrecisionMonth:
		if f.Year() == t.Year() {
			return Months[f.Month()-1] + "–" + Label(to)
		}
	case data.PrecisionDay, data.PrecisionTime:
		if f.Year() == t.Year() && f.Month() == t.Month() {
			return strconv.Itoa(f.Day()) + "–" + Label(to)
		}
	}
	return Label(from) + " – " + Label(to)
}

// EventLabel is the date an event mentions, a range in words: "October
// and November 2024" reads as "October–November 2024".
func EventLabel(e *Event) string {
	if e.Until.IsZero() {
		return Label(e.Date)
	}
	return LabelRange(e.Date, e.Until)
}
