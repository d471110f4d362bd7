package timeline

import (
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"broadsheet/app/i18n"
	"broadsheet/data"
)

func date(t *testing.T, s string) data.Date {
	t.Helper()
	d, err := data.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func articlesDated(t *testing.T, dates ...string) []data.Article {
	var out []data.Article
	for _, s := range dates {
		a := data.Article{Slug: "a", Title: "A"}
		if s != "" {
			a.Date = date(t, s)
		}
		out = append(out, a)
	}
	return out
}

func TestBucketsRoundTrip(t *testing.T) {
	for _, r := range Resolutions {
		for _, s := range []string{"1969-12-29", "1970-01-01", "2025-05-14", "1850-02-28", "2100-12-31"} {
			d := date(t, s)
			b := r.Bucket(d.Start)
			if st := r.Start(b); st.After(d.Start) || !r.Start(b+1).After(d.Start) {
				t.Errorf("%s: bucket %d of %s starts %s, next %s", r, b, s, st, r.Start(b+1))
			}
		}
	}
	// Weeks start on Monday.
	for b := -3; b < 3000; b += 97 {
		if wd := Week.Start(b).Weekday(); wd != time.Monday {
			t.Fatalf("week %d starts on %s", b, wd)
		}
	}
	from, to := Week.Period(Week.Bucket(date(t, "2025-05-14").Start))
	if from.String() != "2025-05-12" || to.String() != "2025-05-18" {
		t.Errorf("week of 14 May 2025 = %s..%s, want 2025-05-12..2025-05-18", from, to)
	}
}

// TestSeedHistogram is the seed collection's shape: six articles known to
// the month, one to the year. They are drawn by month, the year-only one
// as a band, never as 1 January or the 1st of a month.
func TestSeedHistogram(t *testing.T) {
	h := NewHistogram(Dates(articlesDated(t, "2025", "2025-04", "2025-05", "2025-05", "2025-03", "2025-05")))
	ext := h.Extent()
	if ext.Start != date(t, "2025").Start || ext.End != date(t, "2026").Start {
		t.Errorf("extent %v", ext)
	}
	if r := h.Choose(ext); r != Month {
		t.Errorf("chose %s for the seed, want month", r)
	}
	for m, want := range map[string]int{"2025-01": 0, "2025-03": 1, "2025-04": 1, "2025-05": 3} {
		if got := h.Count(Month, Month.Bucket(date(t, m).Start)); got != want {
			t.Errorf("%s: %d, want %d", m, got, want)
		}
	}
	bands := h.Bands(Month, ext)
	if len(bands) != 1 || bands[0].Period.String() != "2025" || bands[0].Count != 1 {
		t.Errorf("month bands = %+v, want the year-only article", bands)
	}
	// By day, nothing is a bar: every article is a band of its month or year.
	for b := Day.Bucket(ext.Start); b < Day.Bucket(ext.End); b++ {
		if n := h.Count(Day, b); n != 0 {
			t.Fatalf("day %s has %d articles; month-precision articles were put on a day", Day.BucketLabel(i18n.English, b), n)
		}
	}
	if got := len(h.Bands(Day, ext)); got != 4 {
		t.Errorf("%d day bands, want 4 (March, April, May, 2025)", got)
	}
}

func TestChooseFitsTheSpan(t *testing.T) {
	cases := []struct {
		name  string
		dates []string
		want  Resolution
	}{
		{"six days", []string{"2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04", "2025-05-05", "2025-05-06"}, Day},
		{"four months of days", []string{"2025-01-01", "2025-02-10", "2025-03-20", "2025-04-30"}, Day},
		{"a year of days", []string{"2025-01-01", "2025-06-10", "2025-12-31"}, Week},
		{"five years of days", []string{"2020-01-01", "2023-06-10", "2024-12-31"}, Month},
		{"a century", []string{"1925-01-01", "1970-06-10", "2024-12-31"}, Year},
		{"months, seen by month", []string{"2025-03", "2025-04", "2025-05"}, Month},
		{"mostly years", []string{"2019", "2020", "2021", "2021-05-01"}, Year},
	}
	for _, c := range cases {
		h := NewHistogram(Dates(articlesDated(t, c.dates...)))
		if got := h.Choose(h.Extent()); got != c.want {
			t.Errorf("%s: chose %s, want %s", c.name, got, c.want)
		}
		if bars := h.Extent().Bars(h.Choose(h.Extent())); bars > MaxBars {
			t.Errorf("%s: %d bars", c.name, bars)
		}
	}
}

// TestHistogramScales builds histograms of 6 to 100,000 articles spread
// over fifteen years: every count is kept and the chosen view draws at
// most MaxBars bars. BenchmarkHistogram times them.
func TestHistogramScales(t *testing.T) {
	for _, n := range []int{6, 100, 10_000, 100_000} {
		h := NewHistogram(Dates(spread(n)))
		if h.Total+h.Undated != n {
			t.Errorf("%d articles: counted %d + %d undated", n, h.Total, h.Undated)
		}
		r := h.Choose(h.Extent())
		bars := h.Extent().Bars(r)
		sum := 0
		f, l := h.Extent().Buckets(r)
		for b := f; b <= l; b++ {
			sum += h.Count(r, b)
		}
		for _, band := range h.Bands(r, h.Extent()) {
			sum += band.Count
		}
		if sum != h.Total {
			t.Errorf("%d articles: bars and bands hold %d, want %d", n, sum, h.Total)
		}
		if bars > MaxBars {
			t.Errorf("%d articles: %d bars", n, bars)
		}
	}
}

// BenchmarkHistogram builds the histograms of TestHistogramScales; ns per
// article shows whether building stays linear.
func BenchmarkHistogram(b *testing.B) {
	for _, n := range []int{100, 10_000, 100_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			dates := Dates(spread(n))
			for b.Loop() {
				NewHistogram(dates)
			}
			b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(n), "ns/article")
		})
	}
}

// spread makes n articles dated over fifteen years from 2010, the same on
// every run: one in ten dated to the month alone, one in ten undated.
func spread(n int) []data.Article {
	rng := rand.New(rand.NewPCG(1, 2))
	start := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)
	arts := make([]data.Article, n)
	for i := range arts {
		d := data.Date{Start: start.Add(time.Duration(rng.Int64N(int64(15 * 365 * 24 * time.Hour)))), Precision: data.PrecisionTime}
		switch i % 10 {
		case 0:
			d = data.Date{Start: Month.Start(Month.Bucket(d.Start)), Precision: data.PrecisionMonth}
		case 1:
			d = data.Date{}
		}
		arts[i].Date = d
	}
	return arts
}

func TestZoom(t *testing.T) {
	all := Span{date(t, "2020").Start, date(t, "2026").Start}
	in := all.Zoom(0.5, all)
	if in.End.Sub(in.Start) != all.End.Sub(all.Start)/2 {
		t.Errorf("zoom in: %v", in)
	}
	if out := in.Zoom(4, all); out != all {
		t.Errorf("zooming out past everything = %v, want %v", out, all)
	}
	edge := Span{date(t, "2020").Start, date(t, "2021").Start}.Zoom(2, all)
	if edge.Start != all.Start {
		t.Errorf("zoom at the edge = %v, want it kept inside", edge)
	}
}
