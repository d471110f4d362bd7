package timeline

import (
	"strings"
	"testing"
	"time"

	"broadsheet/app/i18n"
	"broadsheet/data"
)

// TestLabels checks the labels in both languages: Russian names a month
// standing alone in the nominative and after a day in the genitive; the
// words around the dates stay as they are.
func TestLabels(t *testing.T) {
	may := Month.Bucket(time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC))
	week := Week.Bucket(time.Date(2025, 5, 14, 0, 0, 0, 0, time.UTC))
	for _, c := range []struct {
		got, want string
	}{
		{Label(i18n.English, date(t, "2025-05")), "May 2025"},
		{Label(i18n.Russian, date(t, "2025-05")), "май 2025"},
		{Label(i18n.English, date(t, "2025-05-14")), "14 May 2025"},
		{Label(i18n.Russian, date(t, "2025-05-14")), "14 мая 2025"},
		{Label(i18n.Russian, date(t, "2025")), "2025"},
		{LabelRange(i18n.Russian, date(t, "2025-03"), date(t, "2025-05")), "март–май 2025"},
		{LabelRange(i18n.Russian, date(t, "2025-05-12"), date(t, "2025-05-18")), "12–18 мая 2025"},
		{LabelRange(i18n.Russian, date(t, "2024-10"), date(t, "2025-05")), "октябрь 2024 – май 2025"},
		{EventLabel(i18n.Russian, &Event{Date: date(t, "2024-10"), Until: date(t, "2024-11")}), "октябрь–ноябрь 2024"},
		{Month.BucketLabel(i18n.Russian, may), "май 2025"},
		{Week.BucketLabel(i18n.Russian, week), "week of 12 мая 2025"},
		{Month.ShortLabel(i18n.English, may), "May"},
		{Month.ShortLabel(i18n.Russian, may), "май"},
		{Week.ShortLabel(i18n.English, week), "12 May"},
		{Week.ShortLabel(i18n.Russian, week), "12 май"},
		{Month.ShortLabel(i18n.Russian, may+4), "сен"},
		{Range{From: date(t, "2025-03")}.Label(i18n.Russian), "since март 2025"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	articles := []*data.Article{
		{Slug: "a", Date: date(t, "2025-05-14")},
		{Slug: "b", Date: date(t, "2025")},
		{Slug: "c"},
	}
	var got []string
	for _, g := range ByMonth(i18n.Russian, articles) {
		got = append(got, g.Label)
	}
	if want := "май 2025|2025 (month not known)|Undated"; strings.Join(got, "|") != want {
		t.Errorf("ByMonth labels %s, want %s", strings.Join(got, "|"), want)
	}
}
