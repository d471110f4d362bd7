package ingest

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"broadsheet/app/text"
)

// Slug makes a readable, URL-safe slug from a title: the title in Latin
// letters (text.Latin: "Рахмон" gives "rakhmon", "Škoda" "skoda"), lower
// case, letters and digits joined by single hyphens, at most about 80 bytes.
func Slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(text.Latin(title)) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		case r == '\'' || r == '’':
			// "Rahmon's" gives "rahmons", not "rahmon-s".
		default:
			dash = true
		}
	}
	s := b.String()
	if len(s) > 80 {
		s = s[:80]
		if i := strings.LastIndexByte(s, '-'); i > 40 {
			s = s[:i]
		}
		s = strings.Trim(s, "-")
	}
	if s == "" {
		s = "article"
	}
	return s
}

// assignSlugs gives every article a unique slug, the same on every run over
// the same sources: articles are taken by date (oldest first, undated last),
// then in reading order; a slug a collection folder already gave is kept
// when it is free, and a taken slug gets -2, -3, ….
func assignSlugs(vs []version) {
	idx := make([]int, len(vs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int {
		a, b := &vs[i], &vs[j]
		if a.a.Date.IsZero() != b.a.Date.IsZero() {
			if a.a.Date.IsZero() {
				return 1
			}
			return -1
		}
		if c := a.a.Date.Start.Compare(b.a.Date.Start); c != 0 {
			return c
		}
		return a.order - b.order
	})
	used := make(map[string]bool, len(vs))
	var rest []int
	for _, i := range idx {
		a := &vs[i].a
		if a.Slug != "" && !used[a.Slug] {
			used[a.Slug] = true
			continue
		}
		rest = append(rest, i)
	}
	for _, i := range rest {
		a := &vs[i].a
		base := a.Slug
		if base == "" {
			base = Slug(a.Title)
		}
		s := base
		for n := 2; used[s]; n++ {
			s = fmt.Sprintf("%s-%d", base, n)
		}
		used[s] = true
		a.Slug = s
	}
}
