package entities

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"broadsheet/app/entity"
)

// The gazetteer's format is described at the top of gazetteer.txt.
//
//go:embed gazetteer.txt
var gazetteerText string

// A known is one gazetteer entry.
type known struct {
	kind entity.Kind
	name string
	// country is the name of the country entry the entry belongs to, or
	// "" (a country belongs to itself).
	country string
	// context: count it only beside a mention of its country. alone: not
	// beside another capitalized word.
	context, alone bool
	line           int
}

// An alias is one spelling of a known name, as the words text.Fold makes
// of it.
type alias struct {
	known int // index in gazetteer.known
	words []aliasWord
	// gaps[i] is the text between words i and i+1 as the alias writes it:
	// such a gap in the text matches as well as a plain one does
	// ("Washington D.C.", "St. Petersburg").
	gaps []string
}

type aliasWord struct {
	key, loose string
	casing     casing
}

// casing is what an alias's word asks of the capitals of the text's word.
type casing uint8

const (
	anyCase     casing = iota // the alias writes it in lower case: of, таджикский
	capitalized               // Tajikistan: the text's word must start with a capital
	allCaps                   // UN, СНГ: the text's word must be in capitals
)

type gazetteer struct {
	known []known
	// byFirst lists the aliases by the key and by the loose key of their
	// first word, longest first.
	byFirst map[string][]*alias
}

// parseGazetteer reads the gazetteer's lines. Errors name the line.
func parseGazetteer(src string) (*gazetteer, error) {
	g := &gazetteer{byFirst: map[string][]*alias{}}
	byName := map[string]int{}
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		lineNo := n + 1
		fields := strings.Split(line, "|")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		if len(fields) < 2 || len(fields) > 4 {
			return nil, fmt.Errorf("gazetteer.txt:%d: want kind | name | aliases | options, got %d fields", lineNo, len(fields))
		}
		kind, err := entity.ParseKind(fields[0])
		if err != nil || kind > entity.Country {
			return nil, fmt.Errorf("gazetteer.txt:%d: kind %q is not person, organisation, place or country", lineNo, fields[0])
		}
		k := known{kind: kind, name: fields[1], line: lineNo}
		if k.name == "" {
			return nil, fmt.Errorf("gazetteer.txt:%d: no name", lineNo)
		}
		if len(fields) == 4 {
			for _, opt := range strings.Split(fields[3], ";") {
				switch opt = strings.TrimSpace(opt); {
				case opt == "context":
					k.context = true
				case opt == "alone":
					k.alone = true
				case strings.HasPrefix(opt, "in="):
					k.country = strings.TrimSpace(opt[3:])
				case opt == "":
				default:
					return nil, fmt.Errorf("gazetteer.txt:%d: unknown option %q (want in=Country, context or alone)", lineNo, opt)
				}
			}
		}
		if k.context && k.country == "" {
			return nil, fmt.Errorf("gazetteer.txt:%d: %q needs its context: add in=Country", lineNo, k.name)
		}
		id := kind.String() + ":" + k.name
		if prev, dup := byName[id]; dup {
			return nil, fmt.Errorf("gazetteer.txt:%d: %s %q already on line %d", lineNo, kind, k.name, g.known[prev].line)
		}
		byName[id] = len(g.known)
		g.known = append(g.known, k)

		spellings := []string{k.name}
		if len(fields) >= 3 && fields[2] != "" {
			for _, a := range strings.Split(fields[2], ",") {
				if a = strings.TrimSpace(a); a != "" {
					spellings = append(spellings, a)
				}
			}
		}
		for _, s := range spellings {
			a := newAlias(len(g.known)-1, s)
			if a == nil {
				return nil, fmt.Errorf("gazetteer.txt:%d: alias %q has no words", lineNo, s)
			}
			first := a.words[0]
			g.byFirst[first.key] = append(g.byFirst[first.key], a)
			if first.loose != first.key {
				g.byFirst[first.loose] = append(g.byFirst[first.loose], a)
			}
		}
	}
	for _, k := range g.known {
		if _, ok := byName["country:"+k.country]; k.country != "" && !ok {
			return nil, fmt.Errorf("gazetteer.txt:%d: in=%s: no such country in the gazetteer", k.line, k.country)
		}
	}
	for _, as := range g.byFirst {
		slices.SortStableFunc(as, func(a, b *alias) int { return len(b.words) - len(a.words) })
	}
	return g, nil
}

func newAlias(known int, s string) *alias {
	toks := scan(s)
	if len(toks) == 0 {
		return nil
	}
	a := &alias{known: known}
	for i, t := range toks {
		w := aliasWord{key: t.key, loose: t.loose}
		switch {
		case t.caps:
			w.casing = allCaps
		case t.cap:
			w.casing = capitalized
		}
		a.words = append(a.words, w)
		if i > 0 {
			a.gaps = append(a.gaps, t.gap)
		}
	}
	return a
}

// matches reports whether the text's token t can be the alias word w.
func (w *aliasWord) matches(t *token) bool {
	if t.key != w.key && t.loose != w.loose {
		return false
	}
	switch w.casing {
	case allCaps:
		return t.caps
	case capitalized:
		return t.cap
	}
	return true
}

// match finds the longest alias that starts at toks[i] and returns it with
// the number of words it covers, or nil. An alias of a known marked alone
// does not match beside another capitalized word.
func (g *gazetteer) match(toks []token, i int) (*alias, int) {
	t := &toks[i]
	cands := g.byFirst[t.key]
	if t.loose != t.key {
		cands = append(slices.Clip(cands), g.byFirst[t.loose]...)
		slices.SortStableFunc(cands, func(a, b *alias) int { return len(b.words) - len(a.words) })
	}
next:
	for _, a := range cands {
		n := len(a.words)
		if i+n > len(toks) {
			continue
		}
		for j, w := range a.words {
			if !w.matches(&toks[i+j]) {
				continue next
			}
			if j > 0 && !aliasGap(toks[i+j].gap, a.gaps[j-1]) {
				continue next
			}
		}
		if g.known[a.known].alone && !standsAlone(toks, i, i+n) {
			continue
		}
		return a, n
	}
	return nil, 0
}

// aliasGap reports whether the text between two words of the text can be
// the gap the alias has there: a plain one, the very same, or a full stop
// or slash with nothing else (U.S., RFE/RL).
func aliasGap(gap, want string) bool {
	return plainGap(gap) || gap == want || gap == "." || gap == "/"
}

// standsAlone reports whether toks[i:j] has no capitalized word right
// beside it, a space away: Jordan the country, not Michael Jordan or Jordan
// Henderson. Titles and function words do not count as names.
func standsAlone(toks []token, i, j int) bool {
	nameLike := func(t *token) bool {
		return t.cap && t.letters && !functionWords[t.Term] && !titleWords[t.Term] && !monthDays[t.Term]
	}
	if i > 0 && spaceGap(toks[i].gap) && nameLike(&toks[i-1]) {
		return false
	}
	if j < len(toks) && spaceGap(toks[j].gap) && nameLike(&toks[j]) {
		return false
	}
	return true
}
