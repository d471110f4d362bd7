package timeline

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"broadsheet/app/i18n"
	"broadsheet/data"
)

func exportFixture(t *testing.T) *Export {
	c := &data.Collection{Name: "Test", Articles: []data.Article{
		{Slug: "tiktoker", Title: `TikToker <b>"arrested"</b>`, Date: date(t, "2025-03"),
			Body: "He recorded the videos in October and November 2024. He was returned on March 25."},
		{Slug: "law", Title: "Law", Date: date(t, "2025"), Body: "In 2018, a law passed."},
	}}
	c.Articles[0].Date.Inferred = true
	body := []rune(c.Articles[0].Body)
	s := Sentences(body)
	may := date(t, "2025-03-25")
	may.Inferred = true
	at := func(s Sentence, phrase string) (int, int) {
		text := string(body[s.Start:s.End])
		i := len([]rune(text[:strings.Index(text, phrase)]))
		return i, i + len([]rune(phrase))
	}
	p0, p1 := at(s[0], "October and November 2024")
	q0, q1 := at(s[1], "March 25")
	events := []Event{
		{Article: "tiktoker", Date: date(t, "2024-10"), Until: date(t, "2024-11"), Sentence: s[0], PhraseStart: p0, PhraseEnd: p1},
		{Article: "tiktoker", Date: may, Sentence: s[1], PhraseStart: q0, PhraseEnd: q1},
		{Article: "law", Date: date(t, "2018"), Sentence: Sentences([]rune(c.Articles[1].Body))[0], PhraseStart: 3, PhraseEnd: 7},
	}
	ev := NewEvents(c, events)
	x := &Export{Title: "Test timeline", Source: ev, Articles: []*data.Article{&c.Articles[0], &c.Articles[1]}}
	for i := range ev.All {
		x.Events = append(x.Events, &ev.All[i])
	}
	return x
}

// TestTimelineJSShape checks the file against TimelineJS's JSON format: a
// title slide, events with start_date {year, month, day} that leave out
// what the date does not know, text {headline, text}, unique ids, groups.
func TestTimelineJSShape(t *testing.T) {
	b, err := exportFixture(t).TimelineJS()
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Title struct {
			Text map[string]string `json:"text"`
		} `json:"title"`
		Events []map[string]json.RawMessage `json:"events"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
	if f.Title.Text["headline"] != "Test timeline" {
		t.Errorf("title slide %v", f.Title.Text)
	}
	if len(f.Events) != 5 {
		t.Fatalf("%d slides, want 3 events and 2 articles", len(f.Events))
	}
	ids := map[string]bool{}
	for i, e := range f.Events {
		for _, k := range []string{"start_date", "text", "unique_id", "group"} {
			if _, ok := e[k]; !ok {
				t.Errorf("slide %d has no %s", i, k)
			}
		}
		var id string
		json.Unmarshal(e["unique_id"], &id)
		if ids[id] {
			t.Errorf("unique_id %q twice", id)
		}
		ids[id] = true
		var text map[string]string
		json.Unmarshal(e["text"], &text)
		if text["headline"] == "" {
			t.Errorf("slide %d has no headline", i)
		}
		if strings.Contains(text["headline"]+text["text"], "<b>") {
			t.Errorf("slide %d carries article markup unescaped: %v", i, text)
		}
	}
	dates := func(i int, k string) map[string]int {
		var d map[string]int
		json.Unmarshal(f.Events[i][k], &d)
		return d
	}
	// 2018: the year alone. October–November 2024: months, no day.
	// 25 March 2025: year, month, day.
	check := func(i int, k string, want map[string]int) {
		t.Helper()
		got := dates(i, k)
		if len(got) != len(want) {
			t.Errorf("slide %d %s = %v, want %v", i, k, got, want)
		}
		for kk, v := range want {
			if got[kk] != v {
				t.Errorf("slide %d %s = %v, want %v", i, k, got, want)
			}
		}
	}
	check(0, "start_date", map[string]int{"year": 2018})
	check(1, "start_date", map[string]int{"year": 2024, "month": 10})
	check(1, "end_date", map[string]int{"year": 2024, "month": 11})
	check(2, "start_date", map[string]int{"year": 2025, "month": 3, "day": 25})
	check(3, "start_date", map[string]int{"year": 2025, "month": 3})
	var text map[string]string
	json.Unmarshal(f.Events[2]["text"], &text)
	if !strings.Contains(text["text"], "<mark>March 25</mark>") || !strings.Contains(text["text"], `href="/article/tiktoker?s=1#s-1"`) {
		t.Errorf("event text %q lacks the marked phrase or the link to its sentence", text["text"])
	}
	var display string
	json.Unmarshal(f.Events[2]["display_date"], &display)
	if display != "25 March 2025, approx." {
		t.Errorf("display_date %q", display)
	}
}

func TestCSVAndJSON(t *testing.T) {
	x := exportFixture(t)
	b, err := x.CSV()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+3+2 || strings.Join(rows[0], ",") != strings.Join(CSVHeader, ",") {
		t.Fatalf("CSV rows %q", rows)
	}
	if got := strings.Join(rows[2][:7], ","); got != "event,2024-10,2024-11,month,false,October–November 2024,October and November 2024" {
		t.Errorf("range row %q", got)
	}
	j, err := x.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Events []struct {
			Phrase, Sentence string
		}
	}
	if err := json.Unmarshal(j, &out); err != nil || len(out.Events) != 3 || out.Events[2].Phrase != "March 25" {
		t.Errorf("JSON export %s (%v)", j, err)
	}
}

func TestGroupEvents(t *testing.T) {
	x := exportFixture(t)
	// A second article mentioning 2018.
	e := *x.Events[0]
	e.Article = "zzz"
	events := append([]*Event{&e}, x.Events...)
	years := GroupEvents(events)
	if len(years) != 3 || years[0].Year != 2018 || years[1].Year != 2024 || years[2].Year != 2025 {
		t.Fatalf("years %+v", years)
	}
	if g := years[0].Whole[0]; g.Articles != 2 || len(g.Events) != 2 {
		t.Errorf("2018: %d articles, %d events; want 2 and 2", g.Articles, len(g.Events))
	}
	if m := years[1].Months; len(m) != 1 || Label(i18n.English, m[0].Month) != "October 2024" {
		t.Errorf("2024 months %+v", m)
	}
	if d := years[2].Months[0].Groups[0].Date(); !d.Inferred || Label(i18n.English, d) != "25 March 2025" {
		t.Errorf("March 25 group date %v", d)
	}
}
