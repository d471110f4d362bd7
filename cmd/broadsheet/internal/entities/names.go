package entities

import (
	"strings"
	"unicode/utf8"

	"broadsheet/app/entity"
)

// The capitalized-name heuristic finds people the gazetteer does not know:
// "Aida Balayeva", "Alijon Sharipov", "Farҳod Odinaev".
//
// A run is a sequence of capitalized words joined by spaces or hyphens
// (lower-case particles such as bin and von may stand inside it). Anything
// else ends it: punctuation, a lower-case word, a number, an acronym, a
// word the gazetteer matched, a function word (The, In, Who), a month or a
// day, a title (President, Minister, Prosecutor). A run is a person's name
// when, after its leading common words are dropped, two or three words are
// left and:
//   - none of its words names an organisation or a place (Department,
//     Court, Airport, Street, Arena): "Main Department", "Le Bourget
//     Airport";
//   - it does not follow "in", "at" or "near", which put it in a place.
//
// In a title that capitalizes every word ("TikToker Arrested for Insulting
// Uzbek Citizens Online") capitals say nothing, and the heuristic does not
// run. A leading word is common when it is an English dictionary word, a word
// the collection also writes in lower case, or has the ending of an
// abstract noun (-ity, -ness, -tion, -ment …), and is not a first name
// that is also a word (Mark, Rose). This is what rejects the section
// headings that the seed's texts run into their sentences ("Scripted
// Positivity", "Millionaires on Paper Participants are …", "Battling War
// Propaganda Balayeva also addressed …", where Balayeva is left alone and
// found by pass 3).

// names returns the spans of the person names in one field.
func (x *Extractor) names(slug string, f *field, lower map[string]bool) [][2]int {
	toks := f.toks
	nameWord := func(i int) bool {
		t := &toks[i]
		return !f.covered[i] && t.cap && !t.caps && t.letters && utf8.RuneCountInString(t.surface) >= 2 &&
			!functionWords[t.Term] && !titleWords[t.Term] && !monthDays[t.Term]
	}
	var spans [][2]int
	for i := 0; i < len(toks); {
		if !nameWord(i) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && plainGap(toks[j].gap) {
			if nameWord(j) {
				j++
				continue
			}
			if !toks[j].cap && particles[toks[j].Term] && j+1 < len(toks) && plainGap(toks[j+1].gap) && nameWord(j+1) {
				j += 2
				continue
			}
			break
		}
		if span, ok := x.run(slug, toks, i, j, lower); ok {
			spans = append(spans, span)
		}
		i = j
	}
	return spans
}

// run decides whether the run toks[i:j] is a person's name, and which of
// its words are.
func (x *Extractor) run(slug string, toks []token, i, j int, lower map[string]bool) ([2]int, bool) {
	reject := func(why string) ([2]int, bool) {
		if x.Trace != nil && j-i >= 2 {
			x.Trace(slug, joinSurfaces(toks, i, j), why)
		}
		return [2]int{}, false
	}
	for k := i; k < j; k++ {
		if orgWords[toks[k].Term] {
			return reject("names an organisation or a place (" + toks[k].surface + ")")
		}
	}
	start := i
	for start < j && (particles[toks[start].Term] || common(toks[start].Term, lower) && !givenNames[toks[start].Term]) {
		start++
	}
	words := 0
	for k := start; k < j; k++ {
		if !particles[toks[k].Term] || toks[k].cap {
			words++
		}
	}
	switch {
	case words == 0:
		return reject("common words")
	case words == 1:
		if start > i {
			return reject("common words before one name")
		}
		return [2]int{}, false
	case words > 3:
		return reject("more than three words")
	}
	if start > 0 && spaceGap(toks[start].gap) && !toks[start-1].cap && placeWords[toks[start-1].Term] {
		return reject("after " + toks[start-1].surface + ": a place")
	}
	return [2]int{start, j}, true
}

// common reports whether a folded word is an ordinary word rather than a
// name.
func common(term string, lower map[string]bool) bool {
	if englishWords()[term] || lower[term] {
		return true
	}
	for _, e := range commonEndings {
		if strings.HasSuffix(term, e) && len(term) > len(e)+2 {
			return true
		}
	}
	return false
}

// surnames finds the words that name, alone, a person the article names in
// full (found by the gazetteer or the heuristic): "Balayeva said",
// "Shamsiddinov’s case", "Durov was released". A surname goes to the
// nearest full name before it, or if there is none, the first after it;
// headlines name people by surname before the body gives the full name.
func (a *articleScan) surnames(ms []found, g *gazetteer) []found {
	type person struct {
		m    *found
		keys []string
	}
	var people []person
	for k := range ms {
		m := &ms[k]
		if m.kind != entity.Person || m.j-m.i < 2 {
			continue
		}
		last := &a.fields[m.field].toks[m.j-1]
		p := person{m: m, keys: []string{last.key, last.loose}}
		if m.known >= 0 {
			if al := newAlias(m.known, g.known[m.known].name); al != nil {
				w := al.words[len(al.words)-1]
				p.keys = append(p.keys, w.key, w.loose)
			}
		}
		people = append(people, p)
	}
	if len(people) == 0 {
		return nil
	}
	before := func(m *found, f, i int) bool { return m.field < f || m.field == f && m.i < i }
	var out []found
	for f := range a.fields {
		fl := &a.fields[f]
		for i := range fl.toks {
			t := &fl.toks[i]
			if fl.covered[i] || !t.cap || !t.letters || functionWords[t.Term] || titleWords[t.Term] || monthDays[t.Term] {
				continue
			}
			var best *found
			for _, p := range people {
				hit := false
				for _, k := range p.keys {
					hit = hit || k == t.key || k == t.loose
				}
				if !hit {
					continue
				}
				switch {
				case best == nil:
					best = p.m
				case before(p.m, f, i) && (!before(best, f, i) || before(best, p.m.field, p.m.i)):
					best = p.m // a nearer full name before it
				}
			}
			if best == nil {
				continue
			}
			m := *best
			m.field, m.i, m.j, m.start, m.end = f, i, i+1, t.Start, t.End
			out = append(out, m)
		}
	}
	return out
}
