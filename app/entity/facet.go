package entity

import "sort"

// Facets and filters run on every keystroke, over the articles the search
// matched. Both make one pass over those articles and their values
// (Index.Values: a few to a few dozen IDs each, in one flat array), so they
// cost O(matches × values per article) and allocate only their result.
//
// A selection is a set of entity IDs. An article passes it when, for every
// kind that has selected values, it has at least one of them: AND across
// kinds, OR within a kind. Country ∈ {Tajikistan, Uzbekistan} AND person ∈
// {Rahmon} is the selection {Tajikistan, Uzbekistan, Rahmon}.

// Count is one facet value and the number of articles that have it.
type Count struct {
	Entity   ID
	Name     string
	Articles int
	// Selected says the value is in the selection.
	Selected bool
}

// Facet is the values of one kind, most articles first, ties by name.
type Facet struct {
	Kind   Kind
	Values []Count
	// Distinct is how many values the kind has among the articles counted,
	// of which Values may show only the first few.
	Distinct int
}

// Facets counts, for each kind, the values of the matching articles (the
// positions of the articles a search found, in any order), under a
// selection as Filter applies it. The counts of a kind that has selected
// values ignore the selection within that kind, so that they say how many
// articles each further value would add (the usual way of faceted search:
// ticking Uzbekistan beside Tajikistan shows what it adds, not zero).
//
// limit caps the values listed per kind (0: no cap); selected values are
// listed even past it. Kinds with no values are left out.
func (ix *Index) Facets(matches []int, selected []ID, limit int) []Facet {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	required := ix.selectLocked(selected)
	defer ix.unselectLocked(selected)

	counts := ix.counts
	var touched []ID
	count := func(id ID) {
		if counts[id] == 0 {
			touched = append(touched, id)
		}
		counts[id]++
	}
	for _, i := range matches {
		vs := ix.Values(i)
		have := ix.kindsSelected(vs)
		switch missing := required &^ have; {
		case missing == 0:
			for _, id := range vs {
				count(id)
			}
		case missing&(missing-1) == 0:
			// Passes every kind but one: its values of that kind are what
			// widening that kind would add.
			for _, id := range vs {
				if 1<<ix.kindOf[id] == missing {
					count(id)
				}
			}
		}
	}

	// IDs sort by kind, then name: sorting the touched IDs groups them, and
	// a stable sort by count keeps ties in name order. (package sort rather
	// than slices: its code is in the wasm already, where each generic sort
	// would add its own.)
	sort.Slice(touched, func(a, b int) bool { return touched[a] < touched[b] })
	var facets []Facet
	for len(touched) > 0 {
		k := ix.kindOf[touched[0]]
		n := 1
		for n < len(touched) && ix.kindOf[touched[n]] == k {
			n++
		}
		group := touched[:n]
		touched = touched[n:]
		sort.SliceStable(group, func(a, b int) bool { return counts[group[a]] > counts[group[b]] })
		f := Facet{Kind: k, Distinct: len(group)}
		shown := len(group)
		if limit > 0 && shown > limit {
			shown = limit
		}
		f.Values = make([]Count, 0, shown)
		for j, id := range group {
			if j >= shown && !ix.selected[id] {
				continue
			}
			f.Values = append(f.Values, Count{Entity: id, Name: ix.Entities[id].Name, Articles: int(counts[id]), Selected: ix.selected[id]})
		}
		facets = append(facets, f)
		for _, id := range group {
			counts[id] = 0
		}
	}
	// A selected value that no counted article has is still listed, with
	// no articles, so that the reader can untick it.
	for _, id := range selected {
		if id < 0 || int(id) >= len(ix.Entities) || listed(facets, id) {
			continue
		}
		k := ix.kindOf[id]
		j := sort.Search(len(facets), func(j int) bool { return facets[j].Kind >= k })
		if j == len(facets) || facets[j].Kind != k {
			facets = append(facets, Facet{})
			copy(facets[j+1:], facets[j:])
			facets[j] = Facet{Kind: k}
		}
		facets[j].Values = append(facets[j].Values, Count{Entity: id, Name: ix.Entities[id].Name, Selected: true})
	}
	return facets
}

func listed(facets []Facet, id ID) bool {
	for _, f := range facets {
		for _, c := range f.Values {
			if c.Entity == id {
				return true
			}
		}
	}
	return false
}

// Filter returns the matches that pass the selection (AND across kinds,
// OR within a kind), in their order. With nothing selected it returns
// matches itself.
func (ix *Index) Filter(matches []int, selected []ID) []int {
	if len(selected) == 0 {
		return matches
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	required := ix.selectLocked(selected)
	defer ix.unselectLocked(selected)
	var out []int
	for _, i := range matches {
		if required&^ix.kindsSelected(ix.Values(i)) == 0 {
			out = append(out, i)
		}
	}
	return out
}

// Matcher returns the selection as a test of one article's position, for
// code that walks articles itself. It holds a copy of the selection.
func (ix *Index) Matcher(selected []ID) func(article int) bool {
	sel := make(map[ID]bool, len(selected))
	var required uint16
	for _, id := range selected {
		if id >= 0 && int(id) < len(ix.Entities) {
			sel[id] = true
			required |= 1 << ix.kindOf[id]
		}
	}
	return func(i int) bool {
		var have uint16
		for _, id := range ix.Values(i) {
			if sel[id] {
				have |= 1 << ix.kindOf[id]
			}
		}
		return required&^have == 0
	}
}

// selectLocked marks the selection in ix.selected and returns the set of
// kinds it constrains, one bit per kind. IDs out of range are ignored.
func (ix *Index) selectLocked(selected []ID) (required uint16) {
	for _, id := range selected {
		if id >= 0 && int(id) < len(ix.Entities) {
			ix.selected[id] = true
			required |= 1 << ix.kindOf[id]
		}
	}
	return required
}

func (ix *Index) unselectLocked(selected []ID) {
	for _, id := range selected {
		if id >= 0 && int(id) < len(ix.Entities) {
			ix.selected[id] = false
		}
	}
}

// kindsSelected is the set of kinds in which an article's values vs have
// a selected value.
func (ix *Index) kindsSelected(vs []ID) (have uint16) {
	for _, id := range vs {
		if ix.selected[id] {
			have |= 1 << ix.kindOf[id]
		}
	}
	return have
}
