package ui

import (
	"strconv"

	"broadsheet/data"
)

// N marks a message for translation where it is defined (in a table) and
// translated later with T; it returns msg unchanged.
func N(msg string) string { return msg }

// formatDate shows a date at the precision it is known, in the interface
// language: "May 2025", never "1 May 2025" for a month; ", approx." when
// it was inferred.
func formatDate(d data.Date) string {
	t := d.Start
	var s string
	switch d.Precision {
	case data.PrecisionYear:
		s = strconv.Itoa(t.Year())
	case data.PrecisionMonth:
		s = lang.MonthYear(t)
	case data.PrecisionDay, data.PrecisionTime:
		s = lang.Day(t)
	default:
		return T("Undated")
	}
	if d.Inferred {
		s = lang.Approx(s)
	}
	return s
}

// articleCount is "6 articles" / "6 статей".
func articleCount(n int) string {
	return lang.Number(n) + " " + lang.Plural(n, T("article"), T("articles"), T("articles (many)"))
}

// DateLabel is a date as the pages show it, for the rows of the quick
// search, which the site build writes before any page runs.
func DateLabel(d data.Date) string { return formatDate(d) }
