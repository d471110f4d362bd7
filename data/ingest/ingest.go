// Package ingest turns the formats people keep their archives in into a
// Broadsheet collection. Each format has a parser that yields Records (the
// raw fields, with the file and line they came from); Build adapts those to
// data.Articles, so format quirks never leak past this package.
//
// It is build-time code, imported by cmd/broadsheet and never by the app.
package ingest

import (
	"fmt"
	"os"
	"strings"
	"unicode"

	"broadsheet/data"
)

// Record is one article as read from a source, before adaptation.
type Record struct {
	File      string
	Line      int
	Title     string
	Body      string
	Truncated bool
}

// Problem is something wrong with the input, at a file and line. A Fatal
// problem stops the run; the others are reported.
type Problem struct {
	File  string
	Line  int
	Msg   string
	Fatal bool
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// Report counts what a run did.
type Report struct {
	Read, Kept, Rejected int
	Problems             []Problem
}

// Summary is the one-line account printed after a run.
func (r *Report) Summary() string {
	return fmt.Sprintf("read %d, kept %d, rejected %d", r.Read, r.Kept, r.Rejected)
}

// Options steer a run.
type Options struct {
	Name string // the collection's name; defaults to the first source's
}

// Files reads every source file into one collection.
func Files(opts Options, paths ...string) (*data.Collection, *Report, error) {
	rep := &Report{}
	c := &data.Collection{Name: opts.Name}
	slugs := map[string]bool{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, rep, err
		}
		if !looksLikeResults(b) {
			return nil, rep, fmt.Errorf("%s: unrecognized format (expected a page of search results starting with \"Viewing results\")", p)
		}
		recs, probs := parseResults(p, b)
		rep.Problems = append(rep.Problems, probs...)
		rep.Read += len(recs) + len(probs)
		rep.Rejected += len(probs)
		for _, r := range recs {
			a := data.Article{
				Title:     strings.Join(strings.Fields(r.Title), " "),
				Body:      strings.Join(strings.Fields(r.Body), " "),
				Truncated: r.Truncated,
			}
			a.Slug = uniqueSlug(Slug(a.Title), slugs)
			c.Articles = append(c.Articles, a)
			rep.Kept++
		}
	}
	if len(rep.Problems) > 0 {
		return c, rep, fmt.Errorf("%d problem(s) in the input, first: %s", len(rep.Problems), rep.Problems[0])
	}
	return c, rep, nil
}

// Slug makes a readable, URL-safe slug from a title.
func Slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
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

func uniqueSlug(s string, used map[string]bool) string {
	base := s
	for n := 2; used[s]; n++ {
		s = fmt.Sprintf("%s-%d", base, n)
	}
	used[s] = true
	return s
}
