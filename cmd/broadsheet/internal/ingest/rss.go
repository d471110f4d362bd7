package ingest

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/mmcdole/gofeed/rss"
)

// parseRSS reads RSS 0.9x, 1.0 (RDF) and 2.0. An item's body is its
// content:encoded, else its description (which is then not also the
// summary); its URL the link, else a permalink guid; its author the author
// element, else dc:creator; its date pubDate, else dc:date.
func parseRSS(s *source) ([]Record, error) {
	lines, errLine, xmlErr := entryLines(s.b, "item")
	feed, err := (&rss.Parser{}).Parse(bytes.NewReader(s.b))
	if err != nil {
		if xmlErr != nil {
			return nil, s.fail(errLine, "RSS: %v", xmlErr)
		}
		return nil, s.fail(0, "RSS: %v", err)
	}
	if xmlErr != nil {
		s.note(errLine, "XML error after the last item read (%v): the feed may be cut short", xmlErr)
	}
	lang := feed.Language
	if lang == "" && feed.DublinCoreExt != nil {
		lang = first(feed.DublinCoreExt.Language)
	}
	var recs []Record
	for i, it := range feed.Items {
		r := Record{
			File:      s.name,
			Line:      feedLine(lines, len(feed.Items), i),
			Title:     it.Title,
			Date:      it.PubDate,
			DateField: "pubDate",
			Body:      it.Content,
			Summary:   it.Description,
			URL:       it.Link,
			Author:    it.Author,
			Source:    feed.Title,
			Language:  lang,
		}
		if r.Line == 0 {
			r.File = fmt.Sprintf("%s: item %d", s.name, i+1)
		}
		if r.Body == "" {
			r.Body, r.Summary = r.Summary, ""
		}
		if r.URL == "" && it.GUID != nil && !strings.EqualFold(it.GUID.IsPermalink, "false") {
			r.URL = it.GUID.Value
		}
		if it.Source != nil && it.Source.Title != "" {
			r.Source = it.Source.Title
		}
		if dc := it.DublinCoreExt; dc != nil {
			if r.Title == "" {
				r.Title = first(dc.Title)
			}
			if r.Date == "" {
				r.Date, r.DateField = first(dc.Date), "dc:date"
			}
			if r.Author == "" {
				r.Author = strings.Join(dc.Creator, ", ")
			}
			if l := first(dc.Language); l != "" {
				r.Language = l
			}
			r.Tags = append(r.Tags, dc.Subject...)
		}
		for _, c := range it.Categories {
			r.Tags = append(r.Tags, c.Value)
		}
		recs = append(recs, r)
	}
	if len(recs) == 0 {
		return nil, s.fail(0, "RSS feed %q has no items", feed.Title)
	}
	return recs, nil
}

func first(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	return ss[0]
}
