package i18n

import (
	"strings"
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

func TestMonths(t *testing.T) {
	alone := map[Lang][12]string{
		English: {"January", "February", "March", "April", "May", "June",
			"July", "August", "September", "October", "November", "December"},
		Russian: {"январь", "февраль", "март", "апрель", "май", "июнь",
			"июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"},
	}
	afterDay := map[Lang][12]string{
		English: alone[English],
		Russian: {"января", "февраля", "марта", "апреля", "мая", "июня",
			"июля", "августа", "сентября", "октября", "ноября", "декабря"},
	}
	for _, l := range Langs {
		for m := time.January; m <= time.December; m++ {
			if got, want := l.Month(m), alone[l][m-1]; got != want {
				t.Errorf("%s.Month(%d) = %q, want %q", l, m, got, want)
			}
			if got, want := l.MonthOf(m), afterDay[l][m-1]; got != want {
				t.Errorf("%s.MonthOf(%d) = %q, want %q", l, m, got, want)
			}
		}
	}
}

func TestMonthWords(t *testing.T) {
	for _, c := range []struct {
		lang  Lang
		month time.Month
		want  string
	}{
		{English, time.May, "May"},
		{English, time.June, "June Jun"},
		{English, time.September, "September Sep Sept"},
		{Russian, time.March, "март марта марте марту мартом"},
		{Russian, time.May, "май мая мае маю маем маём"},
		{Russian, time.July, "июль июля июле июлю июлём июлем"},
	} {
		if got := strings.Join(c.lang.MonthWords(c.month), " "); got != c.want {
			t.Errorf("%s.MonthWords(%s) = %s, want %s", c.lang, c.month, got, c.want)
		}
	}
}
