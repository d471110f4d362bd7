package events

import (
	"strings"
	"time"
	"unicode"

	dps "github.com/markusmobius/go-dateparser"
	dpsdate "github.com/markusmobius/go-dateparser/date"

	"broadsheet/app/timeline"
	"broadsheet/data"
)

// SecondPass runs go-dateparser where the patterns have nothing to say.
//
// Measured on the 2022 BBC RSS corpus (10,731 articles, 21,824 sentences;
// BenchmarkBBCExtraction, on a shared 2-core machine under load): the
// patterns read it in 0.4–3 s; go-dateparser's Search over every sentence
// costs 0.7–1.7 ms a sentence, 14–38 s for the corpus, and on English news
// it reads "may" as May, "4-1" as 1 April, "59 years" as 1966 and "we" as
// a weekday, while it misses "в июле 2019 года" (it gave year 6) and
// "October and November 2024". So it is not the first pass. It is good at
// what it was built for — parsing a string already known to be a date, in
// any of two hundred languages — so it parses:
//   - numeric dates the tokenizer sees as number-separator-number runs
//     ("14.05.2025", "2025-05-14", "14/05/2025"), which need a language's
//     day-month order;
//   - every sentence of an article whose language the patterns do not know
//     (Language set, and not English or Russian), keeping only results that
//     contain both a digit and a letter, so bare numbers and lone words are
//     dropped.
type SecondPass struct {
	parser dps.Parser
}

// NewSecondPass prepares go-dateparser.
func NewSecondPass() *SecondPass { return &SecondPass{} }

func patternLanguage(lang string) bool {
	lang = strings.ToLower(lang)
	return lang == "" || strings.HasPrefix(lang, "en") || strings.HasPrefix(lang, "ru")
}

// sentence returns the events the second pass adds to one sentence.
func (p *SecondPass) sentence(a *data.Article, sent timeline.Sentence, text []rune, s *scanner, matches []match, seen map[string]bool) []timeline.Event {
	var out []timeline.Event
	add := func(from, to int, d dpsdate.Date, inferred bool) {
		date, ok := fromDateparser(d)
		if !ok {
			return
		}
		date.Inferred = inferred
		e := timeline.Event{Article: a.Slug, Date: date, Sentence: sent, PhraseStart: from, PhraseEnd: to}
		if k := e.Key(); !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	cfg := p.config(a)
	if !patternLanguage(a.Language) {
		_, found, err := p.parser.Search(cfg, string(text))
		if err != nil {
			return nil
		}
		at := 0
		for _, f := range found {
			if !hasDigitAndLetter(f.Text) {
				continue
			}
			from, to, ok := locate(text, f.Text, at)
			if !ok {
				continue
			}
			at = to
			add(from, to, f.Date, !hasYear(f.Text))
		}
		return out
	}
	for _, c := range numericDates(s, matches) {
		phrase := string(text[c.from:c.to])
		order := *cfg
		if c.yearFirst {
			order.DateOrder = dps.YMD // ISO 8601, whatever the language
		}
		d, err := p.parser.Parse(&order, phrase)
		if err != nil || d.IsZero() {
			continue
		}
		add(c.from, c.to, d, false)
	}
	return out
}

func (p *SecondPass) config(a *data.Article) *dps.Configuration {
	cfg := &dps.Configuration{
		CurrentTime:         time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
		PreferredDateSource: dps.Past,
	}
	if !a.Date.IsZero() {
		cfg.CurrentTime = a.Date.Start
	}
	if a.Language != "" {
		cfg.Languages = []string{strings.ToLower(strings.SplitN(a.Language, "-", 2)[0])}
	} else {
		cfg.Languages = []string{"en"}
	}
	if strings.HasPrefix(strings.ToLower(a.Language), "ru") || a.Language == "" {
		// European order: the seed's sources and the BBC write 14/05/2025.
		cfg.DateOrder = dps.DMY
	}
	return cfg
}

type span struct {
	from, to  int
	yearFirst bool
}

// numericDates finds runs like 14.05.2025 or 2025-05-14 that no pattern
// took: three numbers joined by the same separator, one of them four
// digits long (so a score, "4-1", or a time, "10.30", is never one).
func numericDates(s *scanner, matches []match) []span {
	taken := func(i int) bool {
		for _, m := range matches {
			if i >= m.from && i < m.to {
				return true
			}
		}
		return false
	}
	var out []span
	for i := 0; i+4 < len(s.t); i++ {
		a, sep1, b, sep2, c := &s.t[i], &s.t[i+1], &s.t[i+2], &s.t[i+3], &s.t[i+4]
		if a.kind != number || b.kind != number || c.kind != number || sep1.kind != punct || sep1.text != sep2.text {
			continue
		}
		if !strings.Contains("./-", sep1.text) || !s.glued(i+1) || !s.glued(i+2) || !s.glued(i+3) || !s.glued(i+4) {
			continue
		}
		if len(a.text) != 4 && len(c.text) != 4 {
			continue
		}
		if n := s.at(i + 5); n != nil && s.glued(i+5) && (n.kind == number || (n.kind == punct && s.at(i+6) != nil && s.at(i+6).kind == number)) {
			continue
		}
		if taken(i) || taken(i+4) {
			continue
		}
		out = append(out, span{a.start, c.end, len(a.text) == 4})
		i += 4
	}
	return out
}

func fromDateparser(d dpsdate.Date) (data.Date, bool) {
	t := d.Time.UTC()
	if t.Year() < 1800 || t.Year() > 2100 {
		return data.Date{}, false
	}
	switch d.Period {
	case dpsdate.Year:
		return data.Date{Start: day(t.Year(), 1, 1), Precision: data.PrecisionYear}, true
	case dpsdate.Month:
		return data.Date{Start: day(t.Year(), int(t.Month()), 1), Precision: data.PrecisionMonth}, true
	case dpsdate.Day, dpsdate.Hour, dpsdate.Minute, dpsdate.Second:
		return data.Date{Start: day(t.Year(), int(t.Month()), t.Day()), Precision: data.PrecisionDay}, true
	}
	return data.Date{}, false
}

func hasDigitAndLetter(s string) bool {
	return strings.ContainsFunc(s, unicode.IsDigit) && strings.ContainsFunc(s, unicode.IsLetter)
}

// hasYear reports a run of four digits: a stated year, not an inferred one.
func hasYear(s string) bool {
	run := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			run++
		} else {
			run = 0
		}
		if run == 4 {
			return true
		}
	}
	return false
}

// locate finds phrase in text at or after rune offset at, in runes.
func locate(text []rune, phrase string, at int) (int, int, bool) {
	p := []rune(strings.TrimSpace(phrase))
	if len(p) == 0 {
		return 0, 0, false
	}
	for i := at; i+len(p) <= len(text); i++ {
		if string(text[i:i+len(p)]) == string(p) {
			return i, i + len(p), true
		}
	}
	return 0, 0, false
}
