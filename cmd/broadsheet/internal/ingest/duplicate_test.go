package ingest

import (
	"testing"
	"time"

	"broadsheet/data"
)

func TestURLKey(t *testing.T) {
	same := [][]string{
		{
			"https://www.bbc.co.uk/news/uk-60642926",
			"http://www.bbc.co.uk/news/uk-60642926/",
			"https://WWW.BBC.CO.UK/news/uk-60642926#comments",
			"https://www.bbc.co.uk/news/uk-60642926?at_medium=RSS&at_campaign=KARANGA",
			"https://www.bbc.co.uk:443/news/uk-60642926?utm_source=x&fbclid=y&gclid=z",
			"www.bbc.co.uk/news/uk-60642926",
		},
		{"https://example.org/a?id=1&page=2", "https://example.org/a?page=2&id=1&utm_medium=email"},
	}
	for _, group := range same {
		for _, u := range group[1:] {
			if a, b := urlKey(group[0]), urlKey(u); a != b {
				t.Errorf("urlKey(%q) = %q, urlKey(%q) = %q: want the same", group[0], a, u, b)
			}
		}
	}
	different := [][2]string{
		{"https://example.org/a?id=1", "https://example.org/a?id=2"},
		{"https://example.org/a", "https://example.org/A"},
		{"https://example.org/a", "https://example.com/a"},
	}
	for _, d := range different {
		if urlKey(d[0]) == urlKey(d[1]) {
			t.Errorf("urlKey(%q) == urlKey(%q): want them different", d[0], d[1])
		}
	}
}

func TestCleanURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://example.org/a?utm_source=rss&id=7&fbclid=x", "https://example.org/a?id=7"},
		{"https://www.bbc.co.uk/news/x?at_medium=RSS&at_campaign=KARANGA", "https://www.bbc.co.uk/news/x"},
		{"https://example.org/a#frag", "https://example.org/a#frag"},
		{"www.example.org/a", "www.example.org/a"},
		{"60638042", ""},
		{"tag:example.org,2022:one", ""},
		{"urn:uuid:60a76c80", ""},
		{"javascript:alert(1)", ""},
		{"not a url", ""},
		{"", ""},
	} {
		if got := cleanURL(tc.in); got != tc.want {
			t.Errorf("cleanURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestMergeKeepsLatest: the later date wins; equal or missing dates go to
// the later read; gaps are filled from older versions.
func TestMergeKeepsLatest(t *testing.T) {
	day := func(d int) data.Date {
		return data.Date{Start: time.Date(2022, 3, d, 0, 0, 0, 0, time.UTC), Precision: data.PrecisionDay}
	}
	vs := []version{
		{a: data.Article{Title: "A", URL: "https://x.org/1", Date: day(7), Author: "Old author", Tags: []string{"t1"}}, order: 0},
		{a: data.Article{Title: "A newer", URL: "https://x.org/1/", Date: day(8), Tags: []string{"t2"}}, order: 1},
		{a: data.Article{Title: "A republished", URL: "http://x.org/1", Date: day(6)}, order: 2},
		{a: data.Article{Title: "B", URL: "https://x.org/2"}, order: 3},
		{a: data.Article{Title: "B again", URL: "https://x.org/2"}, order: 4},
		{a: data.Article{Title: "C", URL: "https://x.org/3", Date: day(1)}, order: 5},
		{a: data.Article{Title: "C undated", URL: "https://x.org/3"}, order: 6},
	}
	out, merged := merge(vs)
	if merged != 4 || len(out) != 3 {
		t.Fatalf("merge: %d articles, %d merged; want 3 and 4", len(out), merged)
	}
	if a := out[0].a; a.Title != "A newer" || a.Author != "Old author" || len(a.Tags) != 2 {
		t.Errorf("first article = %+v; want the later date's title, the older author and both tags", a)
	}
	if a := out[1].a; a.Title != "B again" {
		t.Errorf("second article %q; want the later read, %q", a.Title, "B again")
	}
	if a := out[2].a; a.Title != "C" {
		t.Errorf("third article %q; want the dated version, %q", a.Title, "C")
	}
}
