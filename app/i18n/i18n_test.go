package i18n

import (
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	for tag, want := range map[string]Lang{"ru": Russian, "ru-RU": Russian, "RU-ru": Russian, "en-GB": English, "kk-KZ": English, "": English} {
		if got := Parse(tag); got != want {
			t.Errorf("Parse(%q) = %s, want %s", tag, got, want)
		}
	}
}

func TestPlural(t *testing.T) {
	ru := []struct {
		n    int
		want string
	}{{0, "статей"}, {1, "статья"}, {2, "статьи"}, {4, "статьи"}, {5, "статей"}, {11, "статей"}, {12, "статей"},
		{14, "статей"}, {21, "статья"}, {22, "статьи"}, {101, "статья"}, {111, "статей"}, {1507, "статей"}}
	for _, c := range ru {
		if got := Russian.Plural(c.n, "статья", "статьи", "статей"); got != c.want {
			t.Errorf("Russian.Plural(%d) = %s, want %s", c.n, got, c.want)
		}
	}
	if English.Plural(1, "article", "articles") != "article" || English.Plural(0, "article", "articles") != "articles" {
		t.Error("English plural")
	}
}

func TestNumberAndDates(t *testing.T) {
	if got := English.Number(10731); got != "10,731" {
		t.Errorf("English.Number = %q", got)
	}
	if got := Russian.Number(10731); got != "10\u00a0731" {
		t.Errorf("Russian.Number = %q", got)
	}
	if got := English.Number(-1507); got != "-1,507" {
		t.Errorf("English.Number(-1507) = %q", got)
	}
	d := time.Date(2025, 5, 14, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ got, want string }{
		{English.Day(d), "14 May 2025"}, {Russian.Day(d), "14 мая 2025"},
		{English.MonthYear(d), "May 2025"}, {Russian.MonthYear(d), "май 2025"},
		{Russian.Approx(Russian.MonthYear(d)), "май 2025, прибл."},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
