package ingest

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/mmcdole/gofeed/atom"
)

// parseAtom reads Atom 1.0. An entry's body is its content, else its
// summary; its date published, else updated; its URL the alternate link;
// its authors those of the entry, else the feed's.
func parseAtom(s *source) ([]Record, error) {
	lines, errLine, xmlErr := entryLines(s.b, "entry")
	feed, err := (&atom.Parser{}).Parse(bytes.NewReader(s.b))
	if err != nil {
		if xmlErr != nil {
			return nil, s.fail(errLine, "Atom: %v", xmlErr)
		}
		return nil, s.fail(0, "Atom: %v", err)
	}
	if xmlErr != nil {
		s.note(errLine, "XML error after the last entry read (%v): the feed may be cut short", xmlErr)
	}
	var recs []Record
	for i, e := range feed.Entries {
		r := Record{
			File:      s.name,
			Line:      feedLine(lines, len(feed.Entries), i),
			Title:     e.Title,
			Date:      e.Published,
			DateField: "published",
			Summary:   e.Summary,
			Source:    feed.Title,
			Language:  feed.Language,
			Author:    people(e.Authors),
		}
		if r.Line == 0 {
			r.File = fmt.Sprintf("%s: entry %d", s.name, i+1)
		}
		if r.Date == "" {
			r.Date, r.DateField = e.Updated, "updated"
		}
		if e.Content != nil {
			r.Body = e.Content.Value
		}
		if r.Body == "" {
			r.Body, r.Summary = r.Summary, ""
		}
		if r.Author == "" {
			r.Author = people(feed.Authors)
		}
		if e.Source != nil && e.Source.Title != "" {
			r.Source = e.Source.Title
		}
		r.URL = alternate(e.Links)
		if r.URL == "" {
			r.URL = e.ID
		}
		for _, c := range e.Categories {
			t := c.Label
			if t == "" {
				t = c.Term
			}
			r.Tags = append(r.Tags, t)
		}
		recs = append(recs, r)
	}
	if len(recs) == 0 {
		return nil, s.fail(0, "Atom feed %q has no entries", feed.Title)
	}
	return recs, nil
}

// alternate is the link to the entry's own page.
func alternate(links []*atom.Link) string {
	for _, l := range links {
		if l.Rel == "" || l.Rel == "alternate" {
			return l.Href
		}
	}
	if len(links) > 0 {
		return links[0].Href
	}
	return ""
}

func people(ps []*atom.Person) string {
	var names []string
	for _, p := range ps {
		if p.Name != "" {
			names = append(names, p.Name)
		}
	}
	return strings.Join(names, ", ")
}
