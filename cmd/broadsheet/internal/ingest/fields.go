package ingest

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Field is one of the article fields a column (CSV, TSV) or key (JSON) can
// fill.
type Field int

const (
	FieldTitle Field = iota
	FieldDate
	FieldBody
	FieldSummary
	FieldURL
	FieldSource
	FieldAuthor
	FieldTags
	FieldLanguage
	numFields
)

var fieldNames = [numFields]string{"title", "date", "body", "summary", "url", "source", "author", "tags", "language"}

func (f Field) String() string { return fieldNames[f] }

// aliases are the column names met in exports, by field, in order of
// preference: when a file has both "pubDate" and "updated", the first is
// the date. Names are compared by columnKey, so "Pub Date", "pub_date" and
// "pubDate" are one name.
var aliases = [numFields][]string{
	FieldTitle:    {"title", "headline", "headlines", "heading", "subject"},
	FieldDate:     {"pubdate", "published", "publishedat", "publicationdate", "datepublished", "publishdate", "date", "datetime", "time", "timestamp", "created", "createdat", "updated", "updatedat", "datemodified", "modified"},
	FieldBody:     {"body", "articlebody", "content", "contentencoded", "contenthtml", "fulltext", "articletext", "text", "contenttext", "html", "description", "desc"},
	FieldSummary:  {"summary", "abstract", "excerpt", "lede", "lead", "standfirst", "dek", "teaser", "subtitle", "subheadline", "description", "desc"},
	FieldURL:      {"url", "link", "articleurl", "permalink", "weburl", "href", "uri", "guid"},
	FieldSource:   {"source", "publication", "publisher", "outlet", "newspaper", "site", "sitename", "feed", "feedtitle", "domain"},
	FieldAuthor:   {"author", "authors", "byline", "creator", "dccreator", "writer", "by"},
	FieldTags:     {"tags", "tag", "keywords", "categories", "category", "topics", "subjects", "labels", "section"},
	FieldLanguage: {"language", "lang", "locale", "inlanguage"},
}

// columnKey is the comparable form of a column name: lower case, letters
// and digits only.
func columnKey(name string) string {
	var b strings.Builder
	for _, r := range name {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// FieldMap names, for some fields, the column that fills them, overriding
// the aliases (the -map flag).
type FieldMap map[Field]string

// ParseFieldMap reads "title=Headlines,date=Time".
func ParseFieldMap(s string) (FieldMap, error) {
	m := FieldMap{}
	for pair := range strings.SplitSeq(s, ",") {
		if strings.TrimSpace(pair) == "" {
			continue
		}
		name, col, ok := strings.Cut(pair, "=")
		name, col = strings.TrimSpace(name), strings.TrimSpace(col)
		f := slices.Index(fieldNames[:], strings.ToLower(name))
		switch {
		case !ok || col == "":
			return nil, fmt.Errorf("-map %q: want FIELD=COLUMN", pair)
		case f < 0:
			return nil, fmt.Errorf("-map %q: no field %q (fields: %s)", pair, name, strings.Join(fieldNames[:], ", "))
		}
		if _, dup := m[Field(f)]; dup {
			return nil, fmt.Errorf("-map: field %q mapped twice", name)
		}
		m[Field(f)] = col
	}
	return m, nil
}

func (m FieldMap) String() string {
	var parts []string
	for f := range numFields {
		if c, ok := m[f]; ok {
			parts = append(parts, f.String()+"="+c)
		}
	}
	return strings.Join(parts, ",")
}

// columns says which column fills each field; -1 for none.
type columns [numFields]int

// resolveColumns matches a header against the -map flag, then the aliases.
// A "description" next to a body column is the summary. It fails when a
// mapped column is missing or no column gives the title; unused lists the
// named columns nothing reads.
func resolveColumns(header []string, m FieldMap) (cols columns, unused []string, err error) {
	keys := make([]string, len(header))
	for i, h := range header {
		keys[i] = columnKey(h)
	}
	taken := make([]bool, len(header))
	for f := range numFields {
		cols[f] = -1
		if want, ok := m[f]; ok {
			i := slices.Index(keys, columnKey(want))
			if i < 0 {
				return cols, nil, fmt.Errorf("-map %s=%s: no such column (columns: %s)", f, want, listColumns(header))
			}
			cols[f], taken[i] = i, true
		}
	}
	for f := range numFields {
		if cols[f] >= 0 {
			continue
		}
		for _, alias := range aliases[f] {
			if i := slices.Index(keys, alias); i >= 0 && !taken[i] {
				cols[f], taken[i] = i, true
				break
			}
		}
	}
	if cols[FieldTitle] < 0 {
		return cols, nil, fmt.Errorf("no title column (columns: %s); name one with -map title=COLUMN", listColumns(header))
	}
	for i, h := range header {
		if !taken[i] && strings.TrimSpace(h) != "" {
			unused = append(unused, h)
		}
	}
	return cols, unused, nil
}

func listColumns(header []string) string {
	var named []string
	for _, h := range header {
		if h = strings.TrimSpace(h); h != "" {
			named = append(named, fmt.Sprintf("%q", h))
		}
	}
	if len(named) == 0 {
		return "none named"
	}
	return strings.Join(named, ", ")
}

// splitTags splits a tags cell: "a; b", "a, b" or "a|b".
func splitTags(s string) []string {
	sep := ","
	for _, c := range []string{"|", ";"} {
		if strings.Contains(s, c) {
			sep = c
			break
		}
	}
	var tags []string
	for t := range strings.SplitSeq(s, sep) {
		if t = strings.TrimSpace(t); t != "" {
			tags = append(tags, t)
		}
	}
	return tags
}
