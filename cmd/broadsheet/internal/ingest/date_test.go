package ingest

import (
	"strings"
	"testing"

	"broadsheet/data"
)

// dateCases are dates as met in the wild, with what they must become: the
// canonical form (UTC) and so the precision. Every layout of dateLayouts
// has at least one (TestDateLayoutsCovered).
var dateCases = []struct {
	name, in string
	dayFirst bool
	want     string
}{
	// RFC 1123 and RFC 822, with their variants.
	{"RFC 1123", "Mon, 07 Mar 2022 08:01:56 GMT", false, "2022-03-07T08:01:56Z"},
	{"RFC 1123 numeric zone", "Mon, 07 Mar 2022 08:01:56 +0000", false, "2022-03-07T08:01:56Z"},
	{"RFC 1123 zone with colon", "Mon, 07 Mar 2022 08:01:56 +05:30", false, "2022-03-07T02:31:56Z"},
	{"RFC 1123 negative zone", "Mon, 07 Mar 2022 08:01:56 -0500", false, "2022-03-07T13:01:56Z"},
	{"RFC 1123 without seconds", "Mon, 07 Mar 2022 08:01 GMT", false, "2022-03-07T08:01:00Z"},
	{"RFC 1123 without weekday", "07 Mar 2022 08:01:56 GMT", false, "2022-03-07T08:01:56Z"},
	{"RFC 1123 one-digit day", "Mon, 7 Mar 2022 8:01:56 GMT", false, "2022-03-07T08:01:56Z"},
	{"RFC 1123 no zone is UTC", "Mon, 07 Mar 2022 08:01:56", false, "2022-03-07T08:01:56Z"},
	{"RFC 1123 wrong weekday", "Fri, 07 Mar 2022 08:01:56 GMT", false, "2022-03-07T08:01:56Z"},
	{"RFC 1123 full weekday and month", "Monday, 07 March 2022 08:01:56 GMT", false, "2022-03-07T08:01:56Z"},
	{"RFC 1123 number and name", "Mon, 07 Mar 2022 08:01:56 -0700 (MST)", false, "2022-03-07T15:01:56Z"},
	{"RFC 1123 number then name", "Mon, 07 Mar 2022 08:01:56 +0000 GMT", false, "2022-03-07T08:01:56Z"},
	{"RFC 822 two-digit year", "07 Mar 22 08:01 GMT", false, "2022-03-07T08:01:00Z"},
	{"RFC 822 UT", "Mon, 07 Mar 2022 08:01:56 UT", false, "2022-03-07T08:01:56Z"},
	{"RFC 822 Z", "Mon, 07 Mar 2022 08:01:56 Z", false, "2022-03-07T08:01:56Z"},
	{"RFC 850", "Monday, 07-Mar-22 08:01:56 GMT", false, "2022-03-07T08:01:56Z"},
	{"lower case", "mon, 07 mar 2022 08:01:56 gmt", false, "2022-03-07T08:01:56Z"},
	{"stray quotes", `" 11 Mar 2022 12:27:59 GMT"`, false, "2022-03-11T12:27:59Z"},

	// Named zones, which Go alone would read as UTC.
	{"EST", "Mon, 07 Mar 2022 08:01:56 EST", false, "2022-03-07T13:01:56Z"},
	{"EDT", "Tue, 13 May 2025 22:15 EDT", false, "2025-05-14T02:15:00Z"},
	{"PST", "Mon, 07 Mar 2022 08:01:56 PST", false, "2022-03-07T16:01:56Z"},
	{"PDT", "Mon, 07 Mar 2022 08:01:56 PDT", false, "2022-03-07T15:01:56Z"},
	{"BST", "Tue, 05 Jul 2022 08:01:56 BST", false, "2022-07-05T07:01:56Z"},
	{"CEST", "Tue, 05 Jul 2022 08:01:56 CEST", false, "2022-07-05T06:01:56Z"},
	{"MSK", "Tue, 05 Jul 2022 08:01:56 MSK", false, "2022-07-05T05:01:56Z"},
	{"IST", "Tue, 05 Jul 2022 08:01:56 IST", false, "2022-07-05T02:31:56Z"},
	{"GMT+2", "Tue, 05 Jul 2022 08:01:56 GMT+2", false, "2022-07-05T06:01:56Z"},
	{"UTC-03:00", "Tue, 05 Jul 2022 08:01:56 UTC-03:00", false, "2022-07-05T11:01:56Z"},

	// Time first: an American wire service.
	{"clock, zone, date", " 7:51  PM EST Fri, 17 Jul 2020", false, "2020-07-18T00:51:00Z"},
	{"clock, date", "7:51 AM 17 Jul 2020", false, "2020-07-17T07:51:00Z"},
	{"noon", "12:00 PM 17 Jul 2020", false, "2020-07-17T12:00:00Z"},
	{"midnight", "12:30 AM 17 Jul 2020", false, "2020-07-17T00:30:00Z"},

	// RFC 3339 and ISO 8601.
	{"RFC 3339", "2022-03-07T08:01:56Z", false, "2022-03-07T08:01:56Z"},
	{"RFC 3339 offset", "2022-03-07T08:01:56+01:00", false, "2022-03-07T07:01:56Z"},
	{"RFC 3339 fraction", "2022-03-07T08:01:56.123456789-05:00", false, "2022-03-07T13:01:56Z"},
	{"ISO offset without colon", "2022-03-07T08:01:56+0100", false, "2022-03-07T07:01:56Z"},
	{"ISO hour-only offset", "2022-03-07 08:01:56+01", false, "2022-03-07T07:01:56Z"},
	{"ISO without seconds", "2022-03-07T08:01Z", false, "2022-03-07T08:01:00Z"},
	{"ISO without zone is UTC", "2022-03-07T08:01:56", false, "2022-03-07T08:01:56Z"},
	{"lower-case t", "2022-03-07t08:01:56z", false, "2022-03-07T08:01:56Z"},
	{"SQL", "2022-03-07 08:01:56", false, "2022-03-07T08:01:56Z"},
	{"SQL with zone name", "2022-03-07 08:01:56 EST", false, "2022-03-07T13:01:56Z"},
	{"ISO at", "2022-03-07 at 08:01", false, "2022-03-07T08:01:00Z"},
	{"ISO date", "2022-03-07", false, "2022-03-07"},
	{"ISO date one-digit", "2022-3-7", false, "2022-03-07"},
	{"ISO date with zone", "2022-03-07+01:00", false, "2022-03-07"},
	{"ISO basic", "20220307", false, "2022-03-07"},
	{"slashed ISO", "2022/03/07", false, "2022-03-07"},
	{"ISO month", "2022-03", false, "2022-03"},
	{"year", "2022", false, "2022"},
	{"Unix seconds", "1646640116", false, "2022-03-07T08:01:56Z"},
	{"Unix milliseconds", "1646640116000", false, "2022-03-07T08:01:56Z"},

	// Spelled out.
	{"US long", "March 7, 2022", false, "2022-03-07"},
	{"US long with time", "March 7, 2022 3:04 PM", false, "2022-03-07T15:04:00Z"},
	{"US long with a.m.", "Mar. 7, 2022, 9:15 a.m.", false, "2022-03-07T09:15:00Z"},
	{"US long with weekday", "Monday, March 7, 2022", false, "2022-03-07"},
	{"British long", "7 March 2022", false, "2022-03-07"},
	{"British ordinal", "7th March 2022", false, "2022-03-07"},
	{"US ordinal", "March 1st, 2022", false, "2022-03-01"},
	{"Sept", "7 Sept 2022", false, "2022-09-07"},
	{"year first", "2022 Mar 07", false, "2022-03-07"},
	{"Unix date", "Mon Mar  7 08:01:56 UTC 2022", false, "2022-03-07T08:01:56Z"},
	{"ANSI C", "Mon Mar  7 08:01:56 2022", false, "2022-03-07T08:01:56Z"},
	{"JavaScript", "Mon Mar 07 2022 08:01:56 GMT+0100 (Central European Standard Time)", false, "2022-03-07T07:01:56Z"},
	{"month name and year", "March 2022", false, "2022-03"},
	{"short month and year", "Mar 2022", false, "2022-03"},

	// Spreadsheets.
	{"day-month-two-digit-year", "18-Jul-20", false, "2020-07-18"},
	{"day-month-year", "18-Jul-2020", false, "2020-07-18"},
	{"slashes month first", "07/03/2022", false, "2022-07-03"},
	{"slashes day first", "07/03/2022", true, "2022-03-07"},
	{"slashes unambiguous day first", "25/12/2021", true, "2021-12-25"},
	{"slashes with time", "07/03/2022 14:30", false, "2022-07-03T14:30:00Z"},
	{"slashes with seconds and PM", "7/3/2022 2:30:05 PM", false, "2022-07-03T14:30:05Z"},
	{"slashes two-digit year", "7/3/22", false, "2022-07-03"},
	{"slashes two-digit year day first", "7/3/22", true, "2022-03-07"},
	{"dashes month first", "07-03-2022", false, "2022-07-03"},
	{"dashes day first", "07-03-2022", true, "2022-03-07"},
	{"dots are day first", "07.03.2022", false, "2022-03-07"},
	{"dots with time", "07.03.2022 08:01", false, "2022-03-07T08:01:00Z"},
	{"month and year", "03/2022", false, "2022-03"},

	{"empty is no date", "", false, ""},
	{"blank is no date", "   ", false, ""},
}

func TestParseDate(t *testing.T) {
	for _, tc := range dateCases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ParseDate(tc.in, tc.dayFirst)
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tc.in, err)
			}
			if got := d.String(); got != tc.want {
				t.Errorf("ParseDate(%q, dayfirst=%v) = %s, want %s", tc.in, tc.dayFirst, got, tc.want)
			}
			if d.Start.Location() != nil && d.Start.Location().String() != "UTC" {
				t.Errorf("ParseDate(%q) is in %v, want UTC", tc.in, d.Start.Location())
			}
			if want := precisionOf(tc.want); d.Precision != want {
				t.Errorf("ParseDate(%q) precision %v, want %v", tc.in, d.Precision, want)
			}
		})
	}
}

func precisionOf(s string) data.Precision {
	switch {
	case s == "":
		return data.PrecisionUnknown
	case strings.Contains(s, "T"):
		return data.PrecisionTime
	}
	return [...]data.Precision{4: data.PrecisionYear, 7: data.PrecisionMonth, 10: data.PrecisionDay}[len(s)]
}

// TestDateLayoutsCovered checks that every layout of the table, in both of
// its readings, is exercised by a case of dateCases.
func TestDateLayoutsCovered(t *testing.T) {
	type reading struct {
		layout   string
		dayFirst bool
	}
	seen := map[reading]bool{}
	for _, tc := range dateCases {
		rest, _, _, err := takeApart(strings.Trim(tc.in, `"' `))
		if err != nil {
			continue
		}
		if l, _, ok := matchLayout(rest, tc.dayFirst); ok {
			seen[reading{l.Layout, tc.dayFirst && l.DayFirst != ""}] = true
		}
	}
	for _, l := range dateLayouts {
		if !seen[reading{l.Layout, false}] {
			t.Errorf("layout %q (%s) has no case in dateCases", l.Layout, l.Seen)
		}
		if l.DayFirst != "" && !seen[reading{l.Layout, true}] {
			t.Errorf("layout %q read day first has no case in dateCases", l.Layout)
		}
	}
}

func TestParseDateErrors(t *testing.T) {
	for _, tc := range []struct {
		in       string
		dayFirst bool
		want     string
	}{
		{"sometime last week", false, "not a date layout"},
		{"25/12/2021", false, "use -dayfirst"},
		{"12/25/2021", true, "drop -dayfirst"},
		{"31 Feb 2022", false, "not a date layout"},
		{"Mon, 07 Mar 2022 25:01:56 GMT", false, "no such time of day"},
		{"Mon, 07 Mar 2022 08:01:56 XYZ", false, "not a date layout"},
		{"13:00 PM 7 Mar 2022", false, "hour 13 with PM"},
		{"March 2022 08:00", false, "needs a full date"},
		{"08:00 09:00 7 Mar 2022", false, "two times of day"},
		{"Monday", false, "no calendar date"},
		{"0099-01-01", false, "out of range"},
		{"Mon, 07 Mar 2022 08:01:56 +1900", false, "out of range"},
	} {
		_, err := ParseDate(tc.in, tc.dayFirst)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.in) {
			t.Errorf("ParseDate(%q, dayfirst=%v) error = %v, want one naming the value and saying %q", tc.in, tc.dayFirst, err, tc.want)
		}
	}
}
