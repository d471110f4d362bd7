package ui

import (
	"strconv"

	"broadsheet/data"
)

var monthNames = [...]string{"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// formatDate shows a date at the precision it is known: "May 2025", never
// "1 May 2025" for a month; ", approx." when it was inferred.
func formatDate(d data.Date) string {
	t := d.Start
	var s string
	switch d.Precision {
	case data.PrecisionYear:
		s = strconv.Itoa(t.Year())
	case data.PrecisionMonth:
		s = monthNames[t.Month()-1] + " " + strconv.Itoa(t.Year())
	case data.PrecisionDay, data.PrecisionTime:
		s = strconv.Itoa(t.Day()) + " " + monthNames[t.Month()-1] + " " + strconv.Itoa(t.Year())
	default:
		return "Undated"
	}
	if d.Inferred {
		s += ", approx."
	}
	return s
}
