package timeline

import (
	"net/url"
	"testing"
)

func TestRange(t *testing.T) {
	r, err := ParseRange("2025-03", "2025-05")
	if err != nil {
		t.Fatal(err)
	}
	in := map[string]bool{
		"2025-03": true, "2025-05": true, "2025-05-31": true, "2025-04-10": true,
		"2025-02": false, "2025-06-01": false, "2025": false, "2024-10": false,
	}
	for s, want := range in {
		if got := r.Contains(date(t, s)); got != want {
			t.Errorf("March–May 2025 contains %s = %v, want %v", s, got, want)
		}
	}
	if !r.Overlaps(date(t, "2025")) || r.Overlaps(date(t, "2024")) {
		t.Error("overlap of a year-only date is wrong")
	}
	if r.Contains(date(t, "2025")) {
		t.Error("a date known only to 2025 is not known to be in March–May")
	}
	if got := r.String(); got != "March–May 2025" {
		t.Errorf("label %q", got)
	}
	v := url.Values{"q": {"likes"}}
	r.Query(v)
	if got := v.Encode(); got != "from=2025-03&q=likes&to=2025-05" {
		t.Errorf("query %s", got)
	}
	if _, err := ParseRange("May", ""); err == nil {
		t.Error("a malformed from was accepted")
	}
	if got := RangeFromQuery(url.Values{"from": {"2025-05-12"}, "to": {"2025-05-18"}}).String(); got != "12–18 May 2025" {
		t.Errorf("week label %q", got)
	}
	if !(Range{}).Contains(date(t, "1999")) {
		t.Error("the open range excludes a date")
	}
}
