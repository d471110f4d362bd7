package timeline

import (
	"testing"

	"broadsheet/app/i18n"
	"broadsheet/data"
)

// TestView: a search and a range pick the articles and their events, an
// article whose coarser date reaches into the range is shown and counted
// as uncertain, and the export says what was searched.
func TestView(t *testing.T) {
	x := exportFixture(t) // tiktoker (March 2025, approx.), law (2025)
	c := x.Source.collection
	c.Articles = append(c.Articles, data.Article{Slug: "other", Title: "Other", Date: date(t, "2024-06-01")})
	ev := NewEvents(c, x.Source.All)
	all := func(string) ([]*data.Article, bool) { return nil, false }
	onlyLaw := func(q string) ([]*data.Article, bool) { return []*data.Article{&c.Articles[1]}, true }

	v := NewView(c, ev, all, "", Range{})
	if v.Searched || len(v.Matching) != 3 || len(v.Shown) != 3 || len(v.Events) != 3 || v.Uncertain != 0 {
		t.Errorf("no search, no range: searched %v, %d matching, %d shown, %d events, %d uncertain",
			v.Searched, len(v.Matching), len(v.Shown), len(v.Events), v.Uncertain)
	}

	march, err := ParseRange("2025-03", "2025-03")
	if err != nil {
		t.Fatal(err)
	}
	v = NewView(c, ev, all, "", march)
	// The tiktoker article is of March; the law is only known to 2025,
	// which reaches into March: shown, and uncertain.
	if len(v.Shown) != 2 || v.Uncertain != 1 || len(v.Events) != 3 {
		t.Errorf("March 2025: %d shown, %d uncertain, %d events; want 2, 1, 3", len(v.Shown), v.Uncertain, len(v.Events))
	}

	v = NewView(c, ev, onlyLaw, "law", march)
	if !v.Searched || len(v.Shown) != 1 || len(v.Events) != 1 || v.Events[0].Article != "law" {
		t.Errorf("law in March: %d shown, events %+v", len(v.Shown), v.Events)
	}
	if got, want := v.Export(i18n.English).Title, "Test — “law”, published March 2025"; got != want {
		t.Errorf("export title %q, want %q", got, want)
	}
	if got, want := v.Export(i18n.Russian).Title, "Test — “law”, published март 2025"; got != want {
		t.Errorf("export title in Russian %q, want %q", got, want)
	}
}
