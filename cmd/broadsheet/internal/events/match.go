package events

import (
	"strconv"
	"time"
	"unicode/utf8"

	"broadsheet/data"
)

// kind says how a match gets its date.
type kind uint8

const (
	absolute    kind = iota // the text gives it whole: "14 May 2021", "July 2019", "2018"
	partial                 // month (and day) without the year: "on May 14", "in late May"
	fromArticle             // relative to the article's date: "last year", "on Monday"
	fromAnchor              // relative to the date last mentioned: "a year earlier", "weeks later"
)

// match is a date phrase found in a sentence, tokens [from, to).
type match struct {
	from, to int
	kind     kind
	// The date as given: y/m/d (0 where not given) and the precision they
	// make; y2/m2/d2 the end of a range.
	y, m, d    int
	y2, m2, d2 int
	precision  data.Precision
	// For relative matches: how far, in what unit, which way (+1 later).
	n    int
	unit string // "year", "month", "day", "week", "vague", "weekday"
	dir  int
}

func (m *match) isRange() bool { return m.m2 != 0 || m.y2 != 0 }

// scanner runs the patterns over one sentence's tokens.
type scanner struct {
	t []token
}

func (s *scanner) at(i int) *token {
	if i < 0 || i >= len(s.t) {
		return nil
	}
	return &s.t[i]
}

func (s *scanner) lower(i int) string {
	if t := s.at(i); t != nil {
		return t.lower
	}
	return ""
}

// glued reports that token i follows i-1 with no space between them.
func (s *scanner) glued(i int) bool {
	t := s.at(i)
	return t != nil && i > 0 && !t.spaced
}

// standalone reports whether number token i is a whole number on its own:
// not part of "1,507", "9.5", "26-year-old", "43%", "$2020" or "14/05".
func (s *scanner) standalone(i int) bool {
	t := s.at(i)
	if t == nil || t.kind != number {
		return false
	}
	if p := s.at(i - 1); p != nil && s.glued(i) {
		switch {
		case p.kind == punct && (p.text == "," || p.text == "." || p.text == "/" || p.text == ":") && s.at(i-2) != nil && s.at(i-2).kind == number && s.glued(i-1):
			return false
		case p.kind == word || p.kind == number:
			return false
		case notYearBefore[p.lower]:
			return false
		}
	}
	if n := s.at(i + 1); n != nil && s.glued(i+1) {
		switch {
		case n.kind == punct && (n.text == "," || n.text == "." || n.text == "/" || n.text == ":") && s.at(i+2) != nil && s.at(i+2).kind == number && s.glued(i+2):
			return false
		case n.text == "%":
			return false
		case isDash(n) && s.at(i+2) != nil && s.glued(i+2) && (s.at(i+2).lower == "year" || s.at(i+2).lower == "years" || s.at(i+2).lower == "летний"):
			return false
		case n.kind == word && n.lower != "s" && n.lower != "st" && n.lower != "nd" && n.lower != "rd" && n.lower != "th" && n.lower != "'s" && n.lower != "’s":
			return false // "5km", "10am"
		}
	}
	return true
}

// year reads token i as a year: four standalone digits from 1800 to 2100.
func (s *scanner) year(i int) (int, bool) {
	t := s.at(i)
	if t == nil || t.kind != number || utf8.RuneCountInString(t.text) != 4 || !s.standalone(i) {
		return 0, false
	}
	y, _ := strconv.Atoi(t.text)
	return y, y >= 1800 && y <= 2100
}

// day reads token i as a day of the month, with its ordinal suffix
// ("14th"): the day and the token after it.
func (s *scanner) day(i int) (int, int, bool) {
	t := s.at(i)
	if t == nil || t.kind != number || len(t.text) > 2 || !s.standalone(i) {
		return 0, 0, false
	}
	d, _ := strconv.Atoi(t.text)
	if d < 1 || d > 31 {
		return 0, 0, false
	}
	next := i + 1
	if n := s.at(next); n != nil && s.glued(next) && (n.lower == "st" || n.lower == "nd" || n.lower == "rd" || n.lower == "th") {
		next++
	}
	return d, next, true
}

func (s *scanner) month(i int) (int, bool) {
	t := s.at(i)
	if t == nil {
		return 0, false
	}
	m, ok := month(t)
	return int(m), ok
}

// monthEnd is the token after month token i (past an abbreviation's dot).
func (s *scanner) monthEnd(i int) int {
	t := s.at(i)
	if len(t.text) <= 4 && s.at(i+1) != nil && s.at(i+1).text == "." && s.glued(i+1) {
		if _, ok := englishMonths[t.text]; ok && t.text != "May" && t.text != "June" && t.text != "July" {
			return i + 2
		}
	}
	return i + 1
}

// yearTail is the token after year token i, past a Russian "года" or "г.".
func (s *scanner) yearTail(i int) int {
	j := i + 1
	if t := s.at(j); t != nil && yearWords[t.lower] {
		j++
		if p := s.at(j); p != nil && p.text == "." && s.glued(j) && (t.lower == "г" || t.lower == "гг") {
			j++
		}
	}
	return j
}

// quantityAfter reports a number followed by what it counts: "2000 people".
func (s *scanner) quantityAfter(i int) bool {
	t := s.at(i)
	return t != nil && quantityWords[t.lower]
}

func validDay(y, m, d int) bool {
	if y == 0 {
		y = 2000 // a leap year: 29 February is possible until the year is known
	}
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// scan finds the date phrases of a sentence, longest pattern first at each
// token, left to right, never overlapping.
func (s *scanner) scan() []match {
	patterns := []func(int) (match, bool){
		s.dayRange, s.monthRange, s.dayMonth, s.monthDay, s.monthYear, s.monthAlone,
		s.decade, s.yearRange, s.yearAlone, s.articleRelative, s.anchorRelative, s.weekday,
	}
	var out []match
	for i := 0; i < len(s.t); {
		found := false
		for _, p := range patterns {
			if m, ok := p(i); ok {
				out = append(out, m)
				i = m.to
				found = true
				break
			}
		}
		if !found {
			i++
		}
	}
	return mergeAnchored(s, out)
}

// mergeAnchored joins "weeks later" to a month or day without a year that
// follows it ("weeks later in March"): the month's year then comes from the
// date the text was last talking about, not from the article's date.
func mergeAnchored(s *scanner, ms []match) []match {
	var out []match
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if m.kind == fromAnchor && i+1 < len(ms) && ms[i+1].kind == partial && onlyLinkWords(s, m.to, ms[i+1].from) {
			n := ms[i+1]
			n.from, n.dir = m.from, m.dir
			out = append(out, n)
			i++
			continue
		}
		out = append(out, m)
	}
	return out
}

func onlyLinkWords(s *scanner, from, to int) bool {
	for i := from; i < to; i++ {
		switch s.lower(i) {
		case "in", "on", ",", "в", "во":
		default:
			return false
		}
	}
	return to-from <= 2
}

var rangeWords = set("and", "to", "through", "until", "till", "-", "–", "—", "и", "по")

// dayRange: "14–16 May 2025", "May 14-16, 2025", "14 и 15 мая".
func (s *scanner) dayRange(i int) (match, bool) {
	if d1, j, ok := s.day(i); ok && rangeWords[s.lower(j)] {
		if d2, k, ok := s.day(j + 1); ok && d2 > d1 {
			if m, ok := s.month(k); ok {
				return s.withYear(match{from: i, to: s.monthEnd(k), m: m, d: d1, m2: m, d2: d2, precision: data.PrecisionDay})
			}
		}
	}
	if m, ok := s.month(i); ok && s.at(i).text[0] < 0x80 {
		j := s.monthEnd(i)
		if d1, k, ok := s.day(j); ok && isDash(orNil(s.at(k))) {
			if d2, l, ok := s.day(k + 1); ok && d2 > d1 {
				return s.withYear(match{from: i, to: l, m: m, d: d1, m2: m, d2: d2, precision: data.PrecisionDay})
			}
		}
	}
	return match{}, false
}

func orNil(t *token) *token {
	if t == nil {
		return &token{}
	}
	return t
}

// monthRange: "October and November 2024", "в октябре и ноябре 2024 года",
// "from March to May" (after a cue).
func (s *scanner) monthRange(i int) (match, bool) {
	m1, ok := s.month(i)
	if !ok {
		return match{}, false
	}
	j := s.monthEnd(i)
	if !rangeWords[s.lower(j)] {
		return match{}, false
	}
	m2, ok := s.month(j + 1)
	if !ok || m2 == m1 {
		return match{}, false
	}
	k := s.monthEnd(j + 1)
	mt := match{from: i, to: k, m: m1, m2: m2, precision: data.PrecisionMonth}
	if m, ok := s.withYear(mt); ok {
		return m, true
	}
	if s.cueBefore(i, monthCues) || s.lower(i-1) == "between" || s.lower(i-1) == "from" {
		mt.kind = partial
		return mt, true
	}
	return match{}, false
}

// withYear completes a match whose month (and day) end at m.to with the
// year that follows ("May 14, 2025", "14 мая 2025 года"); without one, the
// match is partial when it names a day, and no match otherwise.
func (s *scanner) withYear(m match) (match, bool) {
	j := m.to
	if s.lower(j) == "," || s.lower(j) == "of" {
		j++
	}
	if y, ok := s.year(j); ok && !s.quantityAfter(j+1) {
		m.to = s.yearTail(j)
		m.y = y
		if m.m2 != 0 {
			m.y2 = y
			if m.m2 < m.m {
				m.y-- // "December and January 2025"
			}
		}
		if m.d != 0 && !validDay(m.y, m.m, m.d) {
			return match{}, false
		}
		m.kind = absolute
		return m, true
	}
	if m.d == 0 {
		return match{}, false
	}
	if !validDay(0, m.m, m.d) {
		return match{}, false
	}
	m.kind = partial
	return m, true
}

// dayMonth: "14 May 2021", "10 April", "14th of May", "14 мая 2025 года".
func (s *scanner) dayMonth(i int) (match, bool) {
	d, j, ok := s.day(i)
	if !ok {
		return match{}, false
	}
	if s.lower(j) == "of" {
		j++
	}
	m, ok := s.month(j)
	if !ok {
		return match{}, false
	}
	return s.withYear(match{from: i, to: s.monthEnd(j), m: m, d: d, precision: data.PrecisionDay})
}

// monthDay: "May 14, 2025", "May 14 2025", "on April 10", "a May 28
// meeting". English only: Russian puts the day first.
func (s *scanner) monthDay(i int) (match, bool) {
	m, ok := s.month(i)
	if !ok || s.at(i).text[0] >= 0x80 {
		return match{}, false
	}
	j := s.monthEnd(i)
	d, k, ok := s.day(j)
	if !ok {
		return match{}, false
	}
	if s.quantityAfter(k) || (s.at(k) != nil && s.at(k).text == ":") {
		return match{}, false // "May 2 people", "May 10:30"? not a date phrase we trust
	}
	return s.withYear(match{from: i, to: k, m: m, d: d, precision: data.PrecisionDay})
}

// monthYear: "July 2019", "May of 2019", "в июле 2019 года", "Sept. 2020".
func (s *scanner) monthYear(i int) (match, bool) {
	m, ok := s.month(i)
	if !ok {
		return match{}, false
	}
	return s.withYearMonth(match{from: i, to: s.monthEnd(i), m: m, precision: data.PrecisionMonth})
}

func (s *scanner) withYearMonth(m match) (match, bool) {
	j := m.to
	if s.lower(j) == "," || s.lower(j) == "of" {
		j++
	}
	y, ok := s.year(j)
	if !ok || s.quantityAfter(j+1) {
		return match{}, false
	}
	m.y, m.to, m.kind = y, s.yearTail(j), absolute
	return m, true
}

// cueBefore reports whether the word before token i (past a hyphen, for
// "mid-May") is one of cues.
func (s *scanner) cueBefore(i int, cues map[string]bool) bool {
	j := i - 1
	if t := s.at(j); t != nil && isDash(t) {
		j--
	}
	return cues[s.lower(j)]
}

// monthAlone: a month after a cue word, its year left out: "in late May",
// "in March", "в мае".
func (s *scanner) monthAlone(i int) (match, bool) {
	m, ok := s.month(i)
	if !ok || !s.cueBefore(i, monthCues) {
		return match{}, false
	}
	from := i
	// Keep "late", "early", "mid-" in the phrase: they are part of the date.
	switch p := s.lower(i - 1); {
	case p == "late" || p == "early" || p == "mid":
		from = i - 1
	case p == "-" && s.lower(i-2) == "mid":
		from = i - 2
	case p == "начале" || p == "конце" || p == "середине":
		from = i - 1
	}
	// "of" is a cue only after "end of", "beginning of", "start of".
	if s.lower(i-1) == "of" && !set("end", "beginning", "start", "middle")[s.lower(i-2)] {
		return match{}, false
	}
	return match{from: from, to: s.monthEnd(i), kind: partial, m: m, precision: data.PrecisionMonth}, true
}

// decade: "the 1990s", "1980-х".
func (s *scanner) decade(i int) (match, bool) {
	t := s.at(i)
	if t == nil || t.kind != number || len(t.text) != 4 || t.text[3] != '0' {
		return match{}, false
	}
	n := s.at(i + 1)
	if n == nil || !s.glued(i+1) || (n.lower != "s" && n.lower != "'s" && n.lower != "’s") {
		return match{}, false
	}
	y, _ := strconv.Atoi(t.text)
	if y < 1800 || y > 2100 {
		return match{}, false
	}
	return match{from: i, to: i + 2, kind: absolute, y: y, y2: y + 9, precision: data.PrecisionYear}, true
}

// yearRange: "from 2018 to 2020", "between 2018 and 2020", "2019-20", "с
// 2018 по 2020 год".
func (s *scanner) yearRange(i int) (match, bool) {
	y1, ok := s.year(i)
	if !ok || !rangeWords[s.lower(i+1)] {
		return match{}, false
	}
	dash := isDash(orNil(s.at(i+1))) && s.glued(i+1) && s.glued(i+2)
	if !dash && !set("from", "between", "с", "со")[s.lower(i-1)] {
		return match{}, false
	}
	y2, ok := s.year(i + 2)
	if !ok && dash {
		// "2019-20"
		if t := s.at(i + 2); t != nil && t.kind == number && len(t.text) == 2 {
			n, _ := strconv.Atoi(t.text)
			y2, ok = y1/100*100+n, true
		}
	}
	if !ok || y2 <= y1 || y2-y1 > 100 || s.quantityAfter(i+3) {
		return match{}, false
	}
	return match{from: i, to: s.yearTail(i + 2), kind: absolute, y: y1, y2: y2, precision: data.PrecisionYear}, true
}

// yearAlone: a year where the words around it make it one: "In 2018", "as
// early as 2018", "a 2018 change", "since 2008", "в 2018 году".
func (s *scanner) yearAlone(i int) (match, bool) {
	y, ok := s.year(i)
	if !ok || s.quantityAfter(i+1) {
		return match{}, false
	}
	tail := s.yearTail(i)
	switch {
	case tail > i+1: // "2018 года"
	case yearCues[s.lower(i-1)] && !notYearBefore[s.lower(i-2)]:
	case i == 0 && s.lower(1) == ",":
	default:
		return match{}, false
	}
	return match{from: i, to: tail, kind: absolute, y: y, precision: data.PrecisionYear}, true
}

// count reads "a", "two", "3" before a unit.
func (s *scanner) count(i int) (int, bool) {
	t := s.at(i)
	if t == nil {
		return 0, false
	}
	if t.kind == number && len(t.text) <= 2 && s.standalone(i) {
		n, _ := strconv.Atoi(t.text)
		return n, true
	}
	n, ok := numberWords[t.lower]
	return n, ok
}

// articleRelative: "last year", "next month", "yesterday", "two years ago",
// "в прошлом году", "три года назад".
func (s *scanner) articleRelative(i int) (match, bool) {
	l := func(k int) string { return s.lower(i + k) }
	rel := func(n int, unit string, to int) (match, bool) {
		return match{from: i, to: i + to, kind: fromArticle, n: n, unit: unit}, true
	}
	switch {
	case l(0) == "last" && l(1) == "year":
		return rel(-1, "year", 2)
	case l(0) == "next" && l(1) == "year":
		return rel(1, "year", 2)
	case l(0) == "this" && l(1) == "year":
		return rel(0, "year", 2)
	case l(0) == "last" && l(1) == "month":
		return rel(-1, "month", 2)
	case l(0) == "next" && l(1) == "month":
		return rel(1, "month", 2)
	case l(0) == "yesterday" || l(0) == "вчера":
		return rel(-1, "day", 1)
	case l(0) == "в" && l(1) == "прошлом" && l(2) == "году":
		return rel(-1, "year", 3)
	case l(0) == "в" && l(1) == "этом" && l(2) == "году":
		return rel(0, "year", 3)
	case l(0) == "в" && l(1) == "следующем" && l(2) == "году":
		return rel(1, "year", 3)
	case l(0) == "в" && l(1) == "прошлом" && l(2) == "месяце":
		return rel(-1, "month", 3)
	}
	if n, ok := s.count(i); ok && n > 0 {
		switch {
		case (l(1) == "year" || l(1) == "years") && l(2) == "ago":
			return rel(-n, "year", 3)
		case (l(1) == "decade" || l(1) == "decades") && l(2) == "ago":
			return rel(-10*n, "year", 3)
		case (l(1) == "год" || l(1) == "года" || l(1) == "лет") && l(2) == "назад":
			return rel(-n, "year", 3)
		}
	}
	if (l(0) == "год") && l(1) == "назад" {
		return rel(-1, "year", 2)
	}
	return match{}, false
}

// anchorRelative: "a year earlier", "two years later", "the following
// year", "weeks later", "Weeks after", "годом ранее", "год спустя".
func (s *scanner) anchorRelative(i int) (match, bool) {
	l := func(k int) string { return s.lower(i + k) }
	rel := func(n int, unit string, dir, to int) (match, bool) {
		return match{from: i, to: i + to, kind: fromAnchor, n: n, unit: unit, dir: dir}, true
	}
	direction := func(w string, end bool) int {
		switch w {
		case "later", "afterwards", "позже", "спустя":
			return 1
		case "earlier", "ранее", "раньше":
			return -1
		case "after":
			if end {
				return 1
			}
		case "before":
			if end {
				return -1
			}
		}
		return 0
	}
	// The clause ends after the phrase: "a year before." but not "a year
	// before the election", whose anchor is the election.
	endsAt := func(k int) bool {
		t := s.at(i + k)
		return t == nil || t.kind == punct
	}
	switch {
	case l(0) == "the" && (l(1) == "previous" || l(1) == "preceding") && l(2) == "year":
		return rel(1, "year", -1, 3)
	case l(0) == "the" && (l(1) == "following" || l(1) == "next") && l(2) == "year":
		return rel(1, "year", 1, 3)
	case l(0) == "the" && l(1) == "year" && (l(2) == "before" || l(2) == "after") && endsAt(3):
		return rel(1, "year", direction(l(2), true), 3)
	case l(0) == "годом" && direction(l(1), true) != 0:
		return rel(1, "year", direction(l(1), true), 2)
	case (l(0) == "через" || l(0) == "спустя") && l(1) == "год":
		return rel(1, "year", 1, 2)
	case l(0) == "год" && l(1) == "спустя":
		return rel(1, "year", 1, 2)
	case (l(0) == "weeks" || l(0) == "days") && direction(l(1), true) != 0:
		return rel(0, "vague", direction(l(1), true), 2)
	case l(0) == "несколько" && (l(1) == "недель" || l(1) == "дней") && l(2) == "спустя":
		return rel(0, "vague", 1, 3)
	case l(0) == "через" && l(1) == "несколько" && (l(2) == "недель" || l(2) == "дней"):
		return rel(0, "vague", 1, 3)
	case l(0) == "неделю" && l(1) == "спустя":
		return rel(1, "week", 1, 2)
	}
	if n, ok := s.count(i); ok {
		few := n == 0 // "several weeks", "a few days"
		k := 1
		if l(1) == "few" {
			k, few = 2, true
		}
		unit := l(k)
		dir := direction(l(k+1), endsAt(k+2))
		if dir == 0 {
			return match{}, false
		}
		switch {
		case (unit == "year" || unit == "years") && !few:
			return rel(n, "year", dir, k+2)
		case unit == "week" || unit == "weeks":
			if few {
				return rel(0, "vague", dir, k+2)
			}
			return rel(n, "week", dir, k+2)
		case unit == "day" || unit == "days":
			if few {
				return rel(0, "vague", dir, k+2)
			}
			return rel(n, "day", dir, k+2)
		}
	}
	return match{}, false
}

// weekday: "on Monday", "last Friday", "в понедельник", for articles dated
// to the day.
func (s *scanner) weekday(i int) (match, bool) {
	t := s.at(i)
	if t == nil || t.kind != word {
		return match{}, false
	}
	wd, ok := weekdays[t.lower]
	if !ok {
		return match{}, false
	}
	// English weekdays are capitalised; after "on", "last" or "this".
	if t.text[0] < 0x80 && (t.text[0] < 'A' || t.text[0] > 'Z') {
		return match{}, false
	}
	switch s.lower(i - 1) {
	case "on", "last", "this", "в", "во":
	default:
		return match{}, false
	}
	// "on Monday 19 September", "Monday, 8 May": the date says it better.
	next := i + 1
	if s.lower(next) == "," {
		next++
	}
	if _, _, ok := s.day(next); ok {
		return match{}, false
	}
	from := i
	if s.lower(i-1) == "last" {
		from = i - 1
	}
	return match{from: from, to: i + 1, kind: fromArticle, unit: "weekday", n: int(wd)}, true
}
