package ingest

import (
	"fmt"
	"slices"
	"strings"

	"broadsheet/data"
)

// Record is one article as a parser read it: the fields as the source
// spells them (HTML, odd dates, stray whitespace and all) with the file and
// line they came from. adapt is the one place that turns it into a
// data.Article, so a format's quirks stop at its parser and this file.
type Record struct {
	File string
	Line int

	Title, Date, Body, Summary, URL, Source, Author, Language string
	Tags                                                      []string

	// DateField names the date's column or element, for messages.
	DateField string
	// Truncated marks a body the source cut short.
	Truncated bool
	// DateInferred and Slug come from a collection folder, which may have
	// worked a date out or chosen a slug by hand; both are kept.
	DateInferred bool
	Slug         string
	// Plain says the fields are plain text already (a collection folder,
	// search results): nothing in them is markup to remove.
	Plain bool
}

// adapt cleans a record into an article. Its error is the reason to reject
// the record: no title, or a date that cannot be read. A missing date is
// not an error: the model has undated articles, and a source with a few
// undated rows should not lose them.
func adapt(r *Record, dayFirst bool) (data.Article, error) {
	para, line := paragraphs, oneLine
	if r.Plain {
		para, line = plainParagraphs, normalizeSpace
	}
	a := data.Article{
		Title:     line(r.Title),
		Body:      para(r.Body),
		Summary:   para(r.Summary),
		URL:       cleanURL(oneLine(r.URL)),
		Source:    oneLine(r.Source),
		Author:    oneLine(r.Author),
		Language:  oneLine(r.Language),
		Truncated: r.Truncated,
	}
	if a.Title == "" {
		return a, fmt.Errorf("no title")
	}
	if a.Summary == a.Body {
		a.Summary = ""
	}
	for _, t := range r.Tags {
		if t = oneLine(t); t != "" && !slices.Contains(a.Tags, t) {
			a.Tags = append(a.Tags, t)
		}
	}
	d, err := ParseDate(r.Date, dayFirst)
	if err != nil {
		if r.DateField != "" {
			return a, fmt.Errorf("%s: %v", r.DateField, err)
		}
		return a, err
	}
	d.Inferred = r.DateInferred && !d.IsZero()
	a.Date = d
	if data.ValidSlug(r.Slug) {
		a.Slug = r.Slug
	}
	return a, nil
}

// clip shortens s for a message.
func clip(s string) string {
	s = normalizeSpace(s)
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "…"
	}
	return s
}

// clipList quotes and clips a few values for a message.
func clipList(vals []string) string {
	var parts []string
	for i, v := range vals {
		if i == 4 {
			parts = append(parts, fmt.Sprintf("and %d more", len(vals)-i))
			break
		}
		parts = append(parts, fmt.Sprintf("%q", clip(v)))
	}
	return strings.Join(parts, ", ")
}
