package ingest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"broadsheet/app/i18n"
	"broadsheet/data"
)

// Dates arrive in every shape. Rather than one Go layout per combination of
// weekday, clock, AM/PM and time zone, a date is first taken apart: the
// weekday is dropped (it only restates the date, and is often wrong), the
// clock and the zone are cut out and read on their own, month names are
// shortened to Go's "Jan", commas and ordinal suffixes go. What remains is
// the calendar date, matched against dateLayouts below; the clock, if any,
// is added back and the zone's offset taken away, giving UTC.
//
// So "Mon, 07 Mar 2022 08:01:56 GMT" becomes the date "07 Mar 2022", the
// clock 08:01:56 and the zone +0000; " 7:51  PM EST Fri, 17 Jul 2020"
// becomes "17 Jul 2020", 19:51 and -0500.

// dateLayout is one shape of calendar date. A layout whose day and month are
// both numbers is ambiguous: Layout reads it month first (the US habit and
// the default), DayFirst day first (with -dayfirst).
type dateLayout struct {
	Layout    string
	DayFirst  string // the day-first reading; "" when the layout is not ambiguous
	Precision data.Precision
	Seen      string // where it is met, for the reader
}

// dateLayouts is every calendar-date layout met in the wild, after the
// weekday, clock and zone are cut out. Go's "2" and "1" read one or two
// digits, and month names match in any case.
var dateLayouts = []dateLayout{
	{"2006-1-2", "", data.PrecisionDay, "ISO 8601 and RFC 3339: 2022-03-07, 2022-03-07T08:01:56Z"},
	{"2006/1/2", "", data.PrecisionDay, "2022/03/07"},
	{"20060102", "", data.PrecisionDay, "ISO 8601 basic: 20220307"},
	{"2 Jan 2006", "", data.PrecisionDay, "RFC 1123 and RFC 822: Mon, 07 Mar 2022 08:01:56 GMT; 7 March 2022"},
	{"2 Jan 06", "", data.PrecisionDay, "RFC 822 with a two-digit year: 07 Mar 22 08:01 GMT"},
	{"2-Jan-06", "", data.PrecisionDay, "RFC 850 and spreadsheets: 18-Jul-20"},
	{"2-Jan-2006", "", data.PrecisionDay, "07-Mar-2022"},
	{"Jan 2 2006", "", data.PrecisionDay, "March 7, 2022; Unix date(1): Mon Mar  7 08:01:56 UTC 2022"},
	{"2006 Jan 2", "", data.PrecisionDay, "2022 Mar 07"},
	{"1/2/2006", "2/1/2006", data.PrecisionDay, "07/03/2022 (month first unless -dayfirst)"},
	{"1/2/06", "2/1/06", data.PrecisionDay, "7/3/22"},
	{"1-2-2006", "2-1-2006", data.PrecisionDay, "07-03-2022"},
	{"2.1.2006", "", data.PrecisionDay, "07.03.2022: dotted dates are day first in every country that writes them"},
	{"2006-1", "", data.PrecisionMonth, "ISO 8601 month: 2022-03"},
	{"Jan 2006", "", data.PrecisionMonth, "March 2022"},
	{"1/2006", "", data.PrecisionMonth, "03/2022"},
	{"2006", "", data.PrecisionYear, "2022"},
}

// zoneOffsets are the zone names met in feeds, in seconds east of UTC.
// Go's time.Parse would give an unknown name an offset of zero, silently
// moving "EST" five hours; naming them here avoids that. Ambiguous names
// take the reading most common in English-language news: BST is British
// Summer Time, IST India, CST US Central.
var zoneOffsets = map[string]int{
	"Z": 0, "UT": 0, "UTC": 0, "GMT": 0, "WET": 0,
	"BST": 3600, "WEST": 3600, "IST": 19800, "CET": 3600, "MET": 3600,
	"CEST": 7200, "MEST": 7200, "EET": 7200, "EEST": 10800, "MSK": 10800,
	"EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
	"MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
	"AKST": -9 * 3600, "AKDT": -8 * 3600, "HST": -10 * 3600,
	"AST": -4 * 3600, "ADT": -3 * 3600, "NST": -12600, "NDT": -9000,
	"PKT": 5 * 3600, "WIB": 7 * 3600, "HKT": 8 * 3600, "SGT": 8 * 3600,
	"AWST": 8 * 3600, "JST": 9 * 3600, "KST": 9 * 3600, "ACST": 34200,
	"ACDT": 37800, "AEST": 10 * 3600, "AEDT": 11 * 3600,
	"NZST": 12 * 3600, "NZDT": 13 * 3600,
}

var (
	// clockRE is a time of day, perhaps with a zone stuck to it, as in
	// RFC 3339's "08:01:56.5+01:00" or "7:51PM".
	clockRE = regexp.MustCompile(`^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?i:\s*([ap])\.?m\.?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?$`)
	// numericZoneRE is "+0100", "-05:00", "+05", also after GMT or UTC.
	numericZoneRE = regexp.MustCompile(`^(?i:GMT|UTC|UT)?([+-])(\d{1,2})(?::?(\d{2}))?$`)
	// isoRE splits an RFC 3339 stamp at its "T", or an XML Schema date from
	// its zone ("2022-03-07+01:00").
	isoRE = regexp.MustCompile(`^(\d{4}-\d{1,2}-\d{1,2})(?:[Tt](.+)|([Zz]|[+-]\d{2}:?\d{2}))$`)
	// ordinalRE is the "th" of "7th March".
	ordinalRE = regexp.MustCompile(`^(\d{1,2})(?i:st|nd|rd|th)$`)
)

// months turns an English month name or abbreviation, lower-cased, into
// Go's "Jan" ("september" and "sept" into "Sep"), which time.Parse reads.
var months = map[string]string{}

func init() {
	for m := time.January; m <= time.December; m++ {
		for _, w := range i18n.English.MonthWords(m) {
			months[strings.ToLower(w)] = m.String()[:3]
		}
	}
}

var weekdays = map[string]bool{
	"mon": true, "monday": true, "tue": true, "tues": true, "tuesday": true,
	"wed": true, "weds": true, "wednesday": true, "thu": true, "thur": true,
	"thurs": true, "thursday": true, "fri": true, "friday": true,
	"sat": true, "saturday": true, "sun": true, "sunday": true,
}

// clock is a time of day cut out of a date.
type clock struct {
	hour, min, sec, nsec int
}

// ParseDate reads a date in any layout of dateLayouts, with or without a
// weekday, a clock and a zone, and returns it in UTC with its precision.
// A date without a zone is taken to be UTC. An empty string is no date.
// Numbers of 9 to 13 digits are Unix times in seconds or milliseconds, as
// JSON exports write them.
func ParseDate(s string, dayFirst bool) (data.Date, error) {
	s = strings.Trim(s, "\"' \t\r\n") // stray quotes from a broken CSV row
	if s == "" {
		return data.Date{}, nil
	}
	if d, ok := parseUnix(s); ok {
		return d, nil
	}
	rest, clk, zone, err := takeApart(s)
	if err != nil {
		return data.Date{}, fmt.Errorf("date %q: %v", s, err)
	}
	l, t, ok := matchLayout(rest, dayFirst)
	if !ok {
		return data.Date{}, fmt.Errorf("date %q: %s", s, whyNot(rest, dayFirst))
	}
	if t.Year() < 1000 {
		return data.Date{}, fmt.Errorf("date %q: year %d is out of range", s, t.Year())
	}
	d := data.Date{Start: t, Precision: l.Precision}
	if clk != nil {
		if l.Precision != data.PrecisionDay {
			return data.Date{}, fmt.Errorf("date %q: a time of day needs a full date", s)
		}
		d.Start = time.Date(t.Year(), t.Month(), t.Day(), clk.hour, clk.min, clk.sec, clk.nsec, time.UTC).
			Add(-time.Duration(zone) * time.Second)
		d.Precision = data.PrecisionTime
	}
	return d, nil
}

// matchLayout finds the first layout of dateLayouts that reads s.
func matchLayout(s string, dayFirst bool) (dateLayout, time.Time, bool) {
	for _, l := range dateLayouts {
		layout := l.Layout
		if dayFirst && l.DayFirst != "" {
			layout = l.DayFirst
		}
		if t, err := time.Parse(layout, s); err == nil {
			return l, t, true
		}
	}
	return dateLayout{}, time.Time{}, false
}

// whyNot explains a date that matched no layout, pointing at -dayfirst
// when the other reading of the day and month would have worked.
func whyNot(s string, dayFirst bool) string {
	if s == "" {
		return "no calendar date in it"
	}
	for _, l := range dateLayouts {
		if l.DayFirst == "" {
			continue
		}
		if dayFirst {
			if _, err := time.Parse(l.Layout, s); err == nil {
				return "not a day-first date (it reads month first: drop -dayfirst?)"
			}
		} else if _, err := time.Parse(l.DayFirst, s); err == nil {
			return "not a month-first date (it reads day first: use -dayfirst)"
		}
	}
	return "not a date layout Broadsheet knows (such as 2022-03-07, 7 March 2022 or Mon, 07 Mar 2022 08:01:56 GMT)"
}

// takeApart cuts the weekday, clock and zone out of s and returns the
// calendar date left, in the canonical spelling dateLayouts expects.
func takeApart(s string) (rest string, clk *clock, zone int, err error) {
	if i := strings.IndexByte(s, '('); i > 0 && strings.HasSuffix(s, ")") {
		s = s[:i] // JavaScript's "GMT+0000 (Coordinated Universal Time)"
	}
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '\u00a0' })
	var keep []string
	haveZone := false
	for i := 0; i < len(fields); i++ {
		f := fields[i]
		if m := isoRE.FindStringSubmatch(f); m != nil {
			keep = append(keep, m[1])
			if m[2] == "" {
				continue // a date's zone says nothing without a time of day
			}
			f = m[2]
		}
		lower := strings.ToLower(strings.TrimSuffix(f, "."))
		switch {
		case weekdays[lower] || lower == "at" || lower == "-" || lower == "":
			continue
		case months[lower] != "":
			keep = append(keep, months[lower])
			continue
		}
		if m := ordinalRE.FindStringSubmatch(f); m != nil {
			keep = append(keep, m[1])
			continue
		}
		if m := clockRE.FindStringSubmatch(f); m != nil {
			if clk != nil {
				return "", nil, 0, fmt.Errorf("two times of day")
			}
			ampm := m[5]
			if ampm == "" && i+1 < len(fields) {
				switch strings.ToLower(strings.ReplaceAll(fields[i+1], ".", "")) {
				case "am", "pm":
					ampm = fields[i+1][:1]
					i++
				}
			}
			if clk, err = readClock(m[1], m[2], m[3], m[4], ampm); err != nil {
				return "", nil, 0, err
			}
			if m[6] != "" {
				if zone, err = readZone(m[6]); err != nil {
					return "", nil, 0, err
				}
				haveZone = true
			}
			continue
		}
		if z, ok := zoneOffsets[strings.ToUpper(f)]; ok {
			if !haveZone {
				zone, haveZone = z, true
			}
			continue
		}
		if numericZoneRE.MatchString(f) && (clk != nil || len(keep) > 0) {
			// "-0700 (MST)" and "+0000 GMT" name the zone twice; the number
			// wins.
			if zone, err = readZone(f); err != nil {
				return "", nil, 0, err
			}
			haveZone = true
			continue
		}
		keep = append(keep, f)
	}
	return strings.Join(keep, " "), clk, zone, nil
}

func readClock(h, m, s, frac, ampm string) (*clock, error) {
	c := &clock{}
	c.hour, _ = strconv.Atoi(h)
	c.min, _ = strconv.Atoi(m)
	if s != "" {
		c.sec, _ = strconv.Atoi(s)
	}
	if frac != "" {
		n, _ := strconv.Atoi((frac + "000000000")[:9])
		c.nsec = n
	}
	switch strings.ToLower(ampm) {
	case "a":
		if c.hour < 1 || c.hour > 12 {
			return nil, fmt.Errorf("hour %d with AM", c.hour)
		}
		c.hour %= 12
	case "p":
		if c.hour < 1 || c.hour > 12 {
			return nil, fmt.Errorf("hour %d with PM", c.hour)
		}
		c.hour = c.hour%12 + 12
	}
	if c.hour > 23 || c.min > 59 || c.sec > 60 {
		return nil, fmt.Errorf("no such time of day")
	}
	if c.sec == 60 {
		c.sec = 59 // a leap second; Go's time has none
	}
	return c, nil
}

// readZone reads "Z", "+01:00", "-0500", "GMT+2" or a zone name.
func readZone(s string) (int, error) {
	if z, ok := zoneOffsets[strings.ToUpper(s)]; ok {
		return z, nil
	}
	m := numericZoneRE.FindStringSubmatch(s)
	if m == nil {
		return 0, fmt.Errorf("unknown time zone %q", s)
	}
	h, _ := strconv.Atoi(m[2])
	min := 0
	if m[3] != "" {
		min, _ = strconv.Atoi(m[3])
	}
	if h > 14 || min > 59 {
		return 0, fmt.Errorf("time zone %q is out of range", s)
	}
	z := h*3600 + min*60
	if m[1] == "-" {
		z = -z
	}
	return z, nil
}

// parseUnix reads Unix seconds (9 or 10 digits: 1973 to 2286) or
// milliseconds (12 or 13 digits).
func parseUnix(s string) (data.Date, bool) {
	if len(s) < 9 || len(s) > 13 || len(s) == 11 {
		return data.Date{}, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return data.Date{}, false
	}
	var t time.Time
	if len(s) <= 10 {
		t = time.Unix(n, 0)
	} else {
		t = time.UnixMilli(n)
	}
	return data.Date{Start: t.UTC(), Precision: data.PrecisionTime}, true
}
