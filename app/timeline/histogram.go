package timeline

import (
	"iter"
	"sort"
	"strconv"
	"time"

	"broadsheet/app/i18n"
	"broadsheet/data"
)

// Resolution is the width of a histogram bar.
type Resolution uint8

const (
	Day Resolution = iota
	Week
	Month
	Year
)

// Resolutions lists them finest first.
var Resolutions = [...]Resolution{Day, Week, Month, Year}

var resolutionNames = [...]string{"day", "week", "month", "year"}

func (r Resolution) String() string { return resolutionNames[r] }

// needs is the precision a date must have to be counted in one bar.
func (r Resolution) needs() data.Precision {
	switch r {
	case Day, Week:
		return data.PrecisionDay
	case Month:
		return data.PrecisionMonth
	}
	return data.PrecisionYear
}

// Bucket numbers the bar that holds t. Days count from 1970-01-01, weeks
// from the Monday before it, months as year*12+month-1, years as the year.
func (r Resolution) Bucket(t time.Time) int {
	t = t.UTC()
	switch r {
	case Day:
		return days(t)
	case Week:
		return floorDiv(days(t)+3, 7) // 1970-01-01 was a Thursday
	case Month:
		return t.Year()*12 + int(t.Month()) - 1
	}
	return t.Year()
}

// Start is the first instant of bucket b.
func (r Resolution) Start(b int) time.Time {
	switch r {
	case Day:
		return epoch.AddDate(0, 0, b)
	case Week:
		return epoch.AddDate(0, 0, b*7-3)
	case Month:
		return time.Date(floorDiv(b, 12), time.Month(b-floorDiv(b, 12)*12+1), 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(b, 1, 1, 0, 0, 0, 0, time.UTC)
}

// Period is bucket b as the from and to of a Range: the same date twice,
// but for a week, which runs from its Monday to its Sunday.
func (r Resolution) Period(b int) (from, to data.Date) {
	s := r.Start(b)
	switch r {
	case Day:
		d := data.Date{Start: s, Precision: data.PrecisionDay}
		return d, d
	case Week:
		return data.Date{Start: s, Precision: data.PrecisionDay},
			data.Date{Start: s.AddDate(0, 0, 6), Precision: data.PrecisionDay}
	case Month:
		d := data.Date{Start: s, Precision: data.PrecisionMonth}
		return d, d
	}
	d := data.Date{Start: s, Precision: data.PrecisionYear}
	return d, d
}

// BucketLabel names bucket b for a reader: "14 May 2025", "week of
// 12 May 2025", "May 2025", "2025".
func (r Resolution) BucketLabel(l i18n.Lang, b int) string {
	from, _ := r.Period(b)
	if r == Week {
		return "week of " + Label(l, from)
	}
	return Label(l, from)
}

// ShortLabel is an axis tick: "14", "12 May", "May", "2025".
func (r Resolution) ShortLabel(l i18n.Lang, b int) string {
	s := r.Start(b)
	switch r {
	case Day:
		return strconv.Itoa(s.Day())
	case Week:
		return strconv.Itoa(s.Day()) + " " + shortMonth(l, s.Month())
	case Month:
		return shortMonth(l, s.Month())
	}
	return strconv.Itoa(s.Year())
}

var epoch = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

func days(t time.Time) int {
	y, m, d := t.Date()
	return floorDiv(int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()), 86400)
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// Histogram counts articles over time at every resolution at once, so
// that zooming costs nothing: building it is O(n) per resolution, drawing
// it touches only the bars in view.
//
// A date is counted in a bar only when it is known to that bar's
// precision. Coarser dates (an article known only to May 2025, seen by day)
// are not drawn as the 1st of their period: they are kept as Bands, one per
// period, which the chart draws across the bars the period covers.
type Histogram struct {
	// Total is the number of dates counted, Undated those without a date.
	Total, Undated int
	levels         [len(Resolutions)]level
	start, end     time.Time // the extent of every dated period
}

type level struct {
	first  int     // bucket of counts[0]
	counts []int32 // dates precise enough for the resolution
	bands  []Band  // coarser dates, per period, in time order
}

// Band is a number of dates known only to a period coarser than the bars
// (a month when bars are days, a year when bars are months).
type Band struct {
	Period data.Date
	Count  int
}

// Dates yields the dates of articles, for NewHistogram.
func Dates(articles []data.Article) iter.Seq[data.Date] {
	return func(yield func(data.Date) bool) {
		for i := range articles {
			if !yield(articles[i].Date) {
				return
			}
		}
	}
}

// ArticleDates yields the dates of a set of article pointers (a search's
// hits, a filtered list).
func ArticleDates(articles []*data.Article) iter.Seq[data.Date] {
	return func(yield func(data.Date) bool) {
		for _, a := range articles {
			if !yield(a.Date) {
				return
			}
		}
	}
}

// NewHistogram counts dates.
func NewHistogram(dates iter.Seq[data.Date]) *Histogram {
	h := &Histogram{}
	// First pass: the extent of each resolution's precise dates.
	var lo, hi [len(Resolutions)]int
	var seen [len(Resolutions)]bool
	for d := range dates {
		if d.IsZero() {
			h.Undated++
			continue
		}
		h.Total++
		if h.start.IsZero() || d.Start.Before(h.start) {
			h.start = d.Start
		}
		if e := d.End(); e.After(h.end) {
			h.end = e
		}
		for _, r := range Resolutions {
			if d.Precision < r.needs() {
				continue
			}
			b := r.Bucket(d.Start)
			if !seen[r] || b < lo[r] {
				lo[r] = b
			}
			if !seen[r] || b > hi[r] {
				hi[r] = b
			}
			seen[r] = true
		}
	}
	bands := [len(Resolutions)]map[data.Date]int{}
	for _, r := range Resolutions {
		if seen[r] {
			h.levels[r] = level{first: lo[r], counts: make([]int32, hi[r]-lo[r]+1)}
		}
		bands[r] = map[data.Date]int{}
	}
	// Second pass: count.
	for d := range dates {
		if d.IsZero() {
			continue
		}
		for _, r := range Resolutions {
			if d.Precision < r.needs() {
				period := data.Date{Start: d.Start, Precision: d.Precision}
				bands[r][period]++
				continue
			}
			l := &h.levels[r]
			l.counts[r.Bucket(d.Start)-l.first]++
		}
	}
	for _, r := range Resolutions {
		l := &h.levels[r]
		for p, n := range bands[r] {
			l.bands = append(l.bands, Band{Period: p, Count: n})
		}
		sort.Slice(l.bands, func(i, j int) bool { return l.bands[i].Period.Before(l.bands[j].Period) })
	}
	return h
}

// Extent is the time every dated article's period falls in, End
// exclusive; zero for a histogram of nothing.
func (h *Histogram) Extent() Span { return Span{h.start, h.end} }

// Count is the number of dates in bucket b at resolution r.
func (h *Histogram) Count(r Resolution, b int) int {
	l := &h.levels[r]
	if i := b - l.first; i >= 0 && i < len(l.counts) {
		return int(l.counts[i])
	}
	return 0
}

// Bands are the dates too coarse for resolution r whose period meets s.
func (h *Histogram) Bands(r Resolution, s Span) []Band {
	var out []Band
	for _, b := range h.levels[r].bands {
		if b.Period.Start.Before(s.End) && b.Period.End().After(s.Start) {
			out = append(out, b)
		}
	}
	return out
}

// Span is a stretch of time, End exclusive: what the histogram shows.
type Span struct{ Start, End time.Time }

// IsZero reports an empty span.
func (s Span) IsZero() bool { return !s.End.After(s.Start) }

// Buckets are the first and last buckets of r that s touches.
func (s Span) Buckets(r Resolution) (first, last int) {
	return r.Bucket(s.Start), r.Bucket(s.End.Add(-time.Nanosecond))
}

// Bars is how many bars of r it takes to draw s.
func (s Span) Bars(r Resolution) int {
	if s.IsZero() {
		return 0
	}
	f, l := s.Buckets(r)
	return l - f + 1
}

// Zoom returns a span of the same middle, factor times as long, kept
// inside within (a zero within bounds nothing).
func (s Span) Zoom(factor float64, within Span) Span {
	mid := s.Start.Add(s.End.Sub(s.Start) / 2)
	half := time.Duration(float64(s.End.Sub(s.Start)) * factor / 2)
	if half < 12*time.Hour {
		half = 12 * time.Hour // a day is the finest bar
	}
	z := Span{mid.Add(-half), mid.Add(half)}
	if within.IsZero() {
		return z
	}
	if z.End.Sub(z.Start) >= within.End.Sub(within.Start) {
		return within
	}
	if z.Start.Before(within.Start) {
		z = Span{within.Start, within.Start.Add(z.End.Sub(z.Start))}
	}
	if z.End.After(within.End) {
		z = Span{within.End.Add(-z.End.Sub(z.Start)), within.End}
	}
	return z
}

// MaxBars is the most bars drawn at once: enough to see a shape, few
// enough that go-app renders them in a few milliseconds.
const MaxBars = 192

// Choose picks the bar width for a view: the finest resolution that draws
// it in at most MaxBars bars and at which most of the dates in view are
// precise enough to be bars rather than bands. A collection dated to the
// month is shown by month, not as a day chart of empty bars.
func (h *Histogram) Choose(view Span) Resolution {
	for _, r := range Resolutions {
		if view.Bars(r) > MaxBars {
			continue
		}
		precise, coarse := 0, 0
		f, l := view.Buckets(r)
		for b := f; b <= l; b++ {
			precise += h.Count(r, b)
		}
		for _, band := range h.Bands(r, view) {
			coarse += band.Count
		}
		if precise > 0 && precise >= coarse {
			return r
		}
	}
	return Year
}

// Fits reports whether r can draw view within MaxBars.
func Fits(r Resolution, view Span) bool { return view.Bars(r) <= MaxBars }
