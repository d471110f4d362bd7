package i18n

import (
	"strconv"
	"time"
)

// months is what each language calls each month: the one table the
// interface's labels, the event extractor and the feed reader take their
// month names from.
//
// English writes a month one way and shortens it in text ("Sep" and
// "Sept"). Russian declines it: the stem takes the endings of its
// declension, the nominative standing alone ("май 2025"), the genitive
// after a day ("14 мая 2025"), and the other cases in running text ("в
// июле 2019 года", "к маю").
var months = [12]struct {
	english       string
	abbreviations []string // of the English name, as text writes them
	stem          string   // of the Russian name
	declension    declension
}{
	{"January", []string{"Jan"}, "январ", soft},
	{"February", []string{"Feb"}, "феврал", soft},
	{"March", []string{"Mar"}, "март", hard},
	{"April", []string{"Apr"}, "апрел", soft},
	{"May", nil, "ма", mayEndings},
	{"June", []string{"Jun"}, "июн", soft},
	{"July", []string{"Jul"}, "июл", soft},
	{"August", []string{"Aug"}, "август", hard},
	{"September", []string{"Sep", "Sept"}, "сентябр", soft},
	{"October", []string{"Oct"}, "октябр", soft},
	{"November", []string{"Nov"}, "ноябр", soft},
	{"December", []string{"Dec"}, "декабр", soft},
}

// A declension is the endings a Russian month's stem takes: nominative
// (and accusative), genitive, prepositional, dative, then instrumental,
// with ё and with е where the ё is written plain.
type declension []string

// The places of the two cases the labels use.
const (
	nominative = 0
	genitive   = 1
)

var (
	soft       = declension{"ь", "я", "е", "ю", "ём", "ем"} // январь, января, январе, январю, январём
	hard       = declension{"", "а", "е", "у", "ом"}        // март, марта, марте, марту, мартом
	mayEndings = declension{"й", "я", "е", "ю", "ем", "ём"} // май, мая, мае, маю, маем
)

// Month names a month standing alone: "May 2025", "май 2025".
func (l Lang) Month(m time.Month) string {
	n := &months[m-1]
	if l == Russian {
		return n.stem + n.declension[nominative]
	}
	return n.english
}

// MonthOf names a month after a day: "14 May 2025", "14 мая 2025".
func (l Lang) MonthOf(m time.Month) string {
	n := &months[m-1]
	if l == Russian {
		return n.stem + n.declension[genitive]
	}
	return n.english
}

// MonthWords are the words a text in the language writes a month with, for
// reading dates in it, each spelled as it stands inside a sentence: the
// English name and its abbreviations, capitalised ("September", "Sep",
// "Sept"); every case of the Russian name, lower case ("июль", "июля",
// "июле", "июлю", "июлём", "июлем").
func (l Lang) MonthWords(m time.Month) []string {
	n := &months[m-1]
	if l == Russian {
		words := make([]string, len(n.declension))
		for i, e := range n.declension {
			words[i] = n.stem + e
		}
		return words
	}
	return append([]string{n.english}, n.abbreviations...)
}

// MonthYear is "May 2025" / "май 2025".
func (l Lang) MonthYear(t time.Time) string {
	return l.Month(t.Month()) + " " + strconv.Itoa(t.Year())
}

// Day is "14 May 2025" / "14 мая 2025".
func (l Lang) Day(t time.Time) string {
	return strconv.Itoa(t.Day()) + " " + l.MonthOf(t.Month()) + " " + strconv.Itoa(t.Year())
}
