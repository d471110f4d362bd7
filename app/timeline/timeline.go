// Package timeline arranges articles in time.
//
// Its labels name months in the language their caller passes: the app's
// pages in the reader's, exports in English.
package timeline

import (
	"sort"
	"strconv"
	"time"

	"broadsheet/app/i18n"
	"broadsheet/data"
)

// shortMonth is a month's first three letters (runes: the names may be
// Cyrillic).
func shortMonth(l i18n.Lang, m time.Month) string {
	r := []rune(l.Month(m))
	return string(r[:min(3, len(r))])
}

// Group is the articles of one period.
type Group struct {
	Label    string
	Articles []*data.Article
}

// ByMonth groups articles (newest first, as in a collection) by the month
// they appeared, labelling the groups in l. Articles known only to the year
// gather in a group of their own after that year's months; undated ones
// come last.
func ByMonth(l i18n.Lang, articles []*data.Article) []Group {
	type key struct {
		year, month int // month 0: the year only
		undated     bool
	}
	index := map[key]int{}
	var keys []key
	var groups []Group
	for _, a := range articles {
		var k key
		switch a.Date.Precision {
		case data.PrecisionUnknown:
			k = key{undated: true}
		case data.PrecisionYear:
			k = key{year: a.Date.Start.Year()}
		default:
			k = key{year: a.Date.Start.Year(), month: int(a.Date.Start.Month())}
		}
		g, ok := index[k]
		if !ok {
			g = len(groups)
			index[k] = g
			keys = append(keys, k)
			groups = append(groups, Group{Label: label(l, k.year, k.month, k.undated)})
		}
		groups[g].Articles = append(groups[g].Articles, a)
	}
	// Order groups newest first; a year-only group follows its months.
	less := func(a, b key) bool {
		if a.undated != b.undated {
			return b.undated
		}
		if a.year != b.year {
			return a.year > b.year
		}
		if (a.month == 0) != (b.month == 0) {
			return b.month == 0
		}
		return a.month > b.month
	}
	order := make([]int, len(groups))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return less(keys[order[i]], keys[order[j]]) })
	out := make([]Group, len(groups))
	for i, o := range order {
		out[i] = groups[o]
	}
	return out
}

func label(l i18n.Lang, year, month int, undated bool) string {
	switch {
	case undated:
		return "Undated"
	case month == 0:
		return strconv.Itoa(year) + " (month not known)"
	}
	return l.Month(time.Month(month)) + " " + strconv.Itoa(year)
}
