// Package i18n holds the interface's words in English and Russian, and
// formats numbers and partial dates the way each language writes them.
// The collection's own text is never translated.
//
// Messages are keyed by their English text, so a component reads as it
// renders: lang.T("Search"). Placeholders are {0}, {1}, … A test walks the
// components' source and fails on any message the Russian catalogue lacks.
//
// golang.org/x/text/message and its CLDR tables would cost the wasm far
// more than two languages need; the plural rules and month names of
// English and Russian are written out here instead (months.go).
package i18n

import (
	"strconv"
	"strings"
)

// Lang is an interface language.
type Lang string

const (
	English Lang = "en"
	Russian Lang = "ru"
)

// Langs are the languages offered, in the order the switch shows them.
var Langs = []Lang{English, Russian}

// Parse picks the language for a BCP 47 tag such as the browser's
// navigator.language ("ru-RU" → Russian); anything else is English.
func Parse(tag string) Lang {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if tag == "ru" || strings.HasPrefix(tag, "ru-") || strings.HasPrefix(tag, "ru_") {
		return Russian
	}
	return English
}

// Name is the language's name in itself, for the switch.
func (l Lang) Name() string {
	if l == Russian {
		return "Русский"
	}
	return "English"
}

// T translates msg and fills its placeholders.
func (l Lang) T(msg string, args ...string) string {
	s := msg
	if l == Russian {
		if t, ok := russian[msg]; ok {
			s = t
		}
	}
	for i, a := range args {
		s = strings.ReplaceAll(s, "{"+strconv.Itoa(i)+"}", a)
	}
	return s
}

// Plural picks the form for n. English takes (one, other); Russian takes
// (one, few, many): 1 статья, 2 статьи, 5 статей, 21 статья.
func (l Lang) Plural(n int, forms ...string) string {
	if len(forms) == 0 {
		return ""
	}
	pick := func(i int) string { return forms[min(i, len(forms)-1)] }
	if l != Russian {
		if n == 1 {
			return pick(0)
		}
		return pick(1)
	}
	n = max(n, -n)
	switch {
	case n%10 == 1 && n%100 != 11:
		return pick(0)
	case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
		return pick(1)
	}
	return pick(2)
}

// Number writes n with the language's digit grouping: 10,731 and 10 731
// (a no-break space, as Russian typography has it).
func (l Lang) Number(n int) string {
	s := strconv.Itoa(max(n, -n))
	sep := ","
	if l == Russian {
		sep = "\u00a0"
	}
	var b strings.Builder
	if n < 0 {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Approx marks an inferred date: "May 2025, approx." / "май 2025, прибл.".
func (l Lang) Approx(date string) string {
	return l.T("{0}, approx.", date)
}
