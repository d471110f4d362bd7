package ingest

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"broadsheet/data"
)

// Limits on what one article may hold. A field beyond its limit is almost
// always a mistake of the export (a column of the wrong thing, a row that
// swallowed its neighbours, a page of base64): kept whole it becomes an
// article page of megabytes that a phone takes many seconds to open, and a
// search index and a timeline full of noise. So it is cut, at a paragraph
// or word end, the article is marked truncated where its text was cut, and
// every cut is reported with its file, line and field, and counted.
//
// The body's limit is Options.MaxBody (-max-body), 1 MiB by default: the
// longest news features run to a few hundred kilobytes (50,000 words is
// about 300 KB), so 1 MiB keeps every real article whole.
const (
	DefaultMaxBody = 1 << 20
	maxSummary     = 64 << 10 // bytes
	maxTitle       = 1000     // characters
	maxLine        = 500      // characters: source, author, language, each tag
	maxURL         = 4096     // bytes: longer is not a link a browser keeps
	maxTags        = 200
)

// limit cuts what is beyond the limits out of a, and says what it cut, a
// message a field.
func limit(a *data.Article, maxBody int) (cuts []string) {
	if maxBody <= 0 {
		maxBody = DefaultMaxBody
	}
	if n := len(a.Body); n > maxBody {
		a.Body = cutText(a.Body, maxBody)
		a.Truncated = true
		cuts = append(cuts, fmt.Sprintf("body: %s, cut to %s (-max-body), the article marked truncated", byteCount(n), byteCount(len(a.Body))))
	}
	if n := len(a.Summary); n > maxSummary {
		a.Summary = cutText(a.Summary, maxSummary)
		cuts = append(cuts, fmt.Sprintf("summary: %s, cut to %s", byteCount(n), byteCount(len(a.Summary))))
	}
	if n := utf8.RuneCountInString(a.Title); n > maxTitle {
		a.Title = cutRunes(a.Title, maxTitle-1) + "…"
		cuts = append(cuts, fmt.Sprintf("title: %d characters, cut to %d", n, maxTitle))
	}
	for _, f := range []struct {
		name string
		v    *string
	}{{"source", &a.Source}, {"author", &a.Author}, {"language", &a.Language}} {
		if n := utf8.RuneCountInString(*f.v); n > maxLine {
			*f.v = cutRunes(*f.v, maxLine-1) + "…"
			cuts = append(cuts, fmt.Sprintf("%s: %d characters, cut to %d", f.name, n, maxLine))
		}
	}
	if n := len(a.URL); n > maxURL {
		a.URL = ""
		cuts = append(cuts, fmt.Sprintf("url: %s, left out (a link is at most %s)", byteCount(n), byteCount(maxURL)))
	}
	if n := len(a.Tags); n > maxTags {
		a.Tags = a.Tags[:maxTags]
		cuts = append(cuts, fmt.Sprintf("tags: %d, the first %d kept", n, maxTags))
	}
	long := 0
	for i, t := range a.Tags {
		if utf8.RuneCountInString(t) > maxLine {
			a.Tags[i] = cutRunes(t, maxLine-1) + "…"
			long++
		}
	}
	if long > 0 {
		cuts = append(cuts, fmt.Sprintf("tags: %d longer than %d characters, cut", long, maxLine))
	}
	return cuts
}

// cutText cuts s to at most max bytes, at the last paragraph end before
// the limit if there is one in its second half, else at the last space,
// else at a character boundary.
func cutText(s string, max int) string {
	s = s[:max]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	if i := strings.LastIndex(s, "\n\n"); i > max/2 {
		return s[:i]
	}
	if i := strings.LastIndexByte(s, ' '); i > max/2 {
		return s[:i]
	}
	return s
}

// cutRunes keeps the first n characters of s, ending at a word if one ends
// in the second half.
func cutRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			s = s[:j]
			break
		}
		i++
	}
	if k := strings.LastIndexByte(s, ' '); k > len(s)/2 {
		s = s[:k]
	}
	return s
}

// byteCount says a size as people read it: "10,485,760 bytes" is "10.0 MB".
func byteCount(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
