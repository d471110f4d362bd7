// Package cite makes references to articles: CSL-JSON, the format Zotero,
// Mendeley and pandoc import, and a one-line citation to paste.
package cite

import (
	"encoding/json"
	"strconv"
	"strings"

	"broadsheet/data"
)

// item is one CSL-JSON entry (citationstyles.org, schema csl-data.json).
type item struct {
	ID             string   `json:"id"`
	Type           string   `json:"type"`
	Title          string   `json:"title"`
	ContainerTitle string   `json:"container-title,omitempty"`
	Author         []name   `json:"author,omitempty"`
	Issued         *dateCSL `json:"issued,omitempty"`
	URL            string   `json:"URL,omitempty"`
	Abstract       string   `json:"abstract,omitempty"`
	Language       string   `json:"language,omitempty"`
	Keyword        string   `json:"keyword,omitempty"`
	Note           string   `json:"note,omitempty"`
}

type name struct {
	Literal string `json:"literal"`
}

// dateCSL keeps the date's precision: [[2025]], [[2025, 5]] or
// [[2025, 5, 14]]; an inferred date is marked approximate.
type dateCSL struct {
	DateParts   [][]int `json:"date-parts"`
	Approximate bool    `json:"circa,omitempty"`
}

// Link turns an article into the URL its reference points at: the
// original when the collection has it, else the article's page here.
type Link func(a *data.Article) string

// CSL renders articles as a CSL-JSON array.
func CSL(articles []*data.Article, link Link) ([]byte, error) {
	items := make([]item, 0, len(articles))
	for _, a := range articles {
		it := item{
			ID:             a.Slug,
			Type:           "article-newspaper",
			Title:          a.Title,
			ContainerTitle: a.Source,
			Issued:         issued(a.Date),
			URL:            link(a),
			Abstract:       a.Summary,
			Language:       a.Language,
			Keyword:        strings.Join(a.Tags, ", "),
		}
		if a.Author != "" {
			it.Author = []name{{Literal: a.Author}}
		}
		if a.Truncated {
			it.Note = "Text in the collection is incomplete."
		}
		items = append(items, it)
	}
	return json.MarshalIndent(items, "", "  ")
}

func issued(d data.Date) *dateCSL {
	t := d.Start
	var parts []int
	switch d.Precision {
	case data.PrecisionYear:
		parts = []int{t.Year()}
	case data.PrecisionMonth:
		parts = []int{t.Year(), int(t.Month())}
	case data.PrecisionDay, data.PrecisionTime:
		parts = []int{t.Year(), int(t.Month()), t.Day()}
	default:
		return nil
	}
	return &dateCSL{DateParts: [][]int{parts}, Approximate: d.Inferred}
}

// Citation is a plain reference in the manner of APA: author or source,
// date (its known part, "ca." when inferred), title, source, URL.
//
//	Tajikistan Lifts Criminal Penalties for Social Media Likes on ‘Extremist’ Content. (ca. 2025, May). https://…
func Citation(a *data.Article, url string) string {
	var b strings.Builder
	if a.Author != "" {
		b.WriteString(a.Author)
		b.WriteString(". ")
	}
	date := "n.d."
	t := a.Date.Start
	switch a.Date.Precision {
	case data.PrecisionYear:
		date = strconv.Itoa(t.Year())
	case data.PrecisionMonth:
		date = strconv.Itoa(t.Year()) + ", " + t.Month().String()
	case data.PrecisionDay, data.PrecisionTime:
		date = strconv.Itoa(t.Year()) + ", " + t.Month().String() + " " + strconv.Itoa(t.Day())
	}
	if a.Date.Inferred {
		date = "ca. " + date
	}
	title := strings.TrimRight(a.Title, ".")
	if a.Author != "" {
		b.WriteString("(" + date + "). " + title + ".")
	} else {
		b.WriteString(title + ". (" + date + ").")
	}
	if a.Source != "" {
		b.WriteString(" " + a.Source + ".")
	}
	if url != "" {
		b.WriteString(" " + url)
	}
	return b.String()
}
