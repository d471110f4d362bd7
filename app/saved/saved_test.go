package saved

import (
	"strings"
	"testing"
	"time"
)

func TestRoundTripAndMerge(t *testing.T) {
	s := New()
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	s.AddReading(Item{Slug: "a", Title: "A", Added: now})
	s.AddReading(Item{Slug: "a", Title: "A", Added: now})
	s.SaveSearch(Search{Name: "likes", URL: "/?q=likes", Saved: now})
	s.SaveSearch(Search{Name: "Likes, renamed", URL: "/?q=likes", Saved: now})
	if len(s.Reading) != 1 || len(s.Searches) != 1 || s.Searches[0].Name != "Likes, renamed" {
		t.Fatalf("store = %+v", s)
	}
	back, err := Decode(s.Encode())
	if err != nil {
		t.Fatal(err)
	}
	other := New()
	other.AddReading(Item{Slug: "b", Title: "B", Added: now.Add(time.Hour)})
	other.AddReading(Item{Slug: "a", Title: "A", Added: now})
	other.SaveSearch(Search{Name: "x", URL: "/timeline?from=2025", Saved: now})
	if n := back.Merge(other); n != 2 {
		t.Errorf("merge added %d, want 2", n)
	}
	if back.Reading[0].Slug != "b" {
		t.Errorf("reading list not newest first: %+v", back.Reading)
	}
	back.RemoveReading("a")
	back.RemoveSearch("/?q=likes")
	if back.Reads("a") || len(back.Searches) != 1 {
		t.Errorf("after removals: %+v", back)
	}
}

func TestDecodeRefusesDamage(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{``, "not valid JSON"},
		{`{"version": 1, "reading": [`, "not valid JSON"},
		{`[1,2,3]`, "not valid JSON"},
		{`{"version": 2}`, "version 2"},
		{`{"reading": []}`, "version 0"},
		{`{"version": 1, "reading": [{"slug": ""}]}`, "entry 1 has no slug"},
		{`{"version": 1, "searches": [{"name": "x", "url": "https://evil.example/"}]}`, "not a path of this app"},
		{`{"version": 1, "searches": [{"name": "x", "url": "//evil.example/"}]}`, "not a path of this app"},
	} {
		_, err := Decode([]byte(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Decode(%q) = %v, want an error with %q", c.in, err, c.want)
		}
	}
}
