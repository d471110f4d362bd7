package ui

import (
	"broadsheet/app/timeline"
	"broadsheet/data"
)

// N marks a message for translation where it is defined (in a table) and
// translated later with T. It is a conversion rather than a function:
// N("Search") is the constant "Search", so the tables it marks are static
// data in the binary instead of code run at start-up (as calls, the 26
// marks were 5 KB of wasm).
type N = string

// formatDate shows a date at the precision it is known, in the interface
// language (timeline.Label): "May 2025", never "1 May 2025" for a month;
// ", approx." when it was inferred.
func formatDate(d data.Date) string {
	if d.IsZero() {
		return T("Undated")
	}
	s := timeline.Label(lang, d)
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
