package ui

import (
	"net/url"
	"sort"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"broadsheet/app/entity"
)

// facetLimit is how many values each facet lists.
const facetLimit = 8

// kindLabels name the facet kinds on screen, in the order they are shown.
var kindLabels = []struct {
	kind  entity.Kind
	label string
}{
	{entity.Country, N("Country")},
	{entity.Person, N("People")},
	{entity.Organisation, N("Organisations")},
	{entity.Place, N("Places")},
	{entity.Source, N("Source")},
	{entity.Author, N("Author")},
	{entity.Tag, N("Tags")},
	{entity.Language, N("Language")},
}

// selectedFacets reads the facet values of a URL: one kind=name pair per
// value (/?country=Tajikistan&person=Emomali+Rahmon). Names that the
// collection does not know are dropped.
func selectedFacets(ix *entity.Index, v url.Values) []entity.ID {
	if ix == nil {
		return nil
	}
	var ids []entity.ID
	for _, kl := range kindLabels {
		for _, name := range v[kl.kind.String()] {
			if id, ok := ix.Lookup(kl.kind, name); ok {
				ids = append(ids, id)
			}
		}
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

// withFacets writes ids into v as kind=name pairs.
func withFacets(ix *entity.Index, v url.Values, ids []entity.ID) {
	for _, kl := range kindLabels {
		v.Del(kl.kind.String())
	}
	for _, id := range ids {
		e := ix.Entities[id]
		v.Add(e.Kind.String(), e.Name)
	}
}

// toggled is ids with id added, or removed if it was there.
func toggled(ids []entity.ID, id entity.ID) []entity.ID {
	out := make([]entity.ID, 0, len(ids)+1)
	found := false
	for _, x := range ids {
		if x == id {
			found = true
			continue
		}
		out = append(out, x)
	}
	if !found {
		out = append(out, id)
	}
	return out
}

// facetPanel lists, per kind, the values of the matching articles with
// their counts; each value is a link to the same view with that value
// added to or taken from the filter (AND across kinds, OR within one), so
// every filter is a permalink and Back undoes it. On narrow screens the
// panel folds away behind its heading.
func facetPanel(ix *entity.Index, facets []entity.Facet, selected []entity.ID, base url.Values) app.UI {
	if ix == nil || len(facets) == 0 {
		return nil
	}
	byKind := map[entity.Kind]entity.Facet{}
	for _, f := range facets {
		byKind[f.Kind] = f
	}
	linkTo := func(ids []entity.ID) string {
		v := url.Values{}
		for k, vs := range base {
			v[k] = vs
		}
		withFacets(ix, v, ids)
		if len(v) == 0 {
			return href("/")
		}
		return href("/?" + v.Encode())
	}
	var groups []app.UI
	for _, kl := range kindLabels {
		f, ok := byKind[kl.kind]
		if !ok || len(f.Values) == 0 {
			continue
		}
		values := make([]app.UI, len(f.Values))
		for i, c := range f.Values {
			sel, title := "a", ""
			if c.Selected {
				sel, title = "a.selected[aria-current=true]", T("Remove this filter")
			}
			values[i] = parentEl("li", el(sel).
				Attr("href", linkTo(toggled(selected, c.Entity))).
				Title(title).
				Body(
					textEl("span.facet-name", c.Name),
					textEl("span.facet-count", lang.Number(c.Articles)),
				))
		}
		groups = append(groups, parentEl("div.facet",
			textEl("h3", T(kl.label)),
			parentEl("ul", values...),
			when(f.Distinct > len(f.Values), textEl("p.facet-more", Tf("and {0} more", lang.Number(f.Distinct-len(f.Values))))),
		))
	}
	var count, clear app.UI
	if len(selected) > 0 {
		count = textEl("span.facet-selected", " ("+strconv.Itoa(len(selected))+")")
		clear = parentEl("p", link("a#clear-facets", linkTo(nil), T("Clear filters")))
	}
	return el("aside#facets.facets").
		Aria("label", T("Filters")).
		Body(
			el("details").
				Attr("open", present(facetsOpen())).
				Body(
					parentEl("summary", text(T("Filters")), count),
					clear,
					parentEl("div", groups...),
				),
		)
}

// facetsOpen unfolds the panel except on narrow screens, where it would
// push the results below the fold; prerendered pages show it open.
func facetsOpen() bool {
	if !app.IsClient {
		return true
	}
	return app.Window().Get("innerWidth").Int() >= 720
}
