package data

import (
	"fmt"
	"strings"
	"time"
)

// Precision says how much of a Date is known. A month-precision date covers
// the whole month: it is never "the 1st".
type Precision uint8

const (
	PrecisionUnknown Precision = iota
	PrecisionYear
	PrecisionMonth
	PrecisionDay
	PrecisionTime // day and time of day, in UTC
)

var precisionNames = [...]string{"", "year", "month", "day", "time"}

func (p Precision) String() string {
	if int(p) < len(precisionNames) {
		return precisionNames[p]
	}
	return fmt.Sprintf("precision(%d)", p)
}

// ParsePrecision is the inverse of Precision.String.
func ParsePrecision(s string) (Precision, error) {
	for i, n := range precisionNames {
		if i > 0 && n == s {
			return Precision(i), nil
		}
	}
	return PrecisionUnknown, fmt.Errorf("unknown date precision %q (want year, month, day or time)", s)
}

// Date is a publication or event date known to some precision. Start is the
// first instant the date covers, in UTC; End (see Date.End) the first
// instant after it.
type Date struct {
	Start     time.Time
	Precision Precision
	// Inferred marks a date that the source did not state but that was
	// worked out (from the text, or from a neighbouring date).
	Inferred bool
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Precision == PrecisionUnknown }

// End returns the first instant after the period the date covers.
func (d Date) End() time.Time {
	switch d.Precision {
	case PrecisionYear:
		return d.Start.AddDate(1, 0, 0)
	case PrecisionMonth:
		return d.Start.AddDate(0, 1, 0)
	case PrecisionDay:
		return d.Start.AddDate(0, 0, 1)
	default:
		return d.Start
	}
}

// Before orders dates by their start, then the more precise first, so that
// sorting is stable across precisions.
func (d Date) Before(o Date) bool {
	if !d.Start.Equal(o.Start) {
		return d.Start.Before(o.Start)
	}
	return d.Precision > o.Precision
}

// String is the canonical, machine-readable form used in front matter:
// "2025", "2025-05", "2025-05-14" or RFC 3339 for a time.
func (d Date) String() string {
	t := d.Start.UTC()
	switch d.Precision {
	case PrecisionYear:
		return t.Format("2006")
	case PrecisionMonth:
		return t.Format("2006-01")
	case PrecisionDay:
		return t.Format("2006-01-02")
	case PrecisionTime:
		return t.Format(time.RFC3339)
	}
	return ""
}

// ParseDate reads the canonical form written by Date.String. Foreign layouts
// are the ingest package's business, not this one's.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	layouts := []struct {
		layout string
		p      Precision
	}{
		{"2006", PrecisionYear},
		{"2006-01", PrecisionMonth},
		{"2006-01-02", PrecisionDay},
		{time.RFC3339, PrecisionTime},
	}
	for _, l := range layouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			return Date{Start: t.UTC(), Precision: l.p}, nil
		}
	}
	return Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM, YYYY-MM-DD or RFC 3339", s)
}

// Article is one news article of a collection.
type Article struct {
	Slug  string `json:"slug"`
	Title string `json:"title"`
	Date  Date   `json:"date"`
	// Body is plain text; paragraphs are separated by a blank line.
	Body string `json:"body"`
	// Truncated marks a body that the source cut short ("...").
	Truncated bool     `json:"truncated,omitempty"`
	Summary   string   `json:"summary,omitempty"`
	URL       string   `json:"url,omitempty"`
	Source    string   `json:"source,omitempty"`
	Author    string   `json:"author,omitempty"`
	Tags      []string `json:"tags,omitempty"`
	Language  string   `json:"language,omitempty"`
}

// Paragraphs splits the body into its paragraphs.
func (a *Article) Paragraphs() []string {
	var ps []string
	for _, p := range strings.Split(a.Body, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			ps = append(ps, p)
		}
	}
	return ps
}

// MarshalText writes the canonical form, prefixed with "~" when inferred,
// which keeps the wasm's collection file compact.
func (d Date) MarshalText() ([]byte, error) {
	s := d.String()
	if d.Inferred && s != "" {
		s = "~" + s
	}
	return []byte(s), nil
}

// UnmarshalText is the inverse of MarshalText.
func (d *Date) UnmarshalText(b []byte) error {
	s := string(b)
	if s == "" {
		*d = Date{}
		return nil
	}
	inferred := strings.HasPrefix(s, "~")
	v, err := ParseDate(strings.TrimPrefix(s, "~"))
	if err != nil {
		return err
	}
	v.Inferred = inferred
	*d = v
	return nil
}
