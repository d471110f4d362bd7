package ingest

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

// parseCSV reads CSV or TSV with a header row naming the columns (see
// fields.go). Quotes are read leniently: a stray quote inside a field is
// kept as text, as spreadsheets write it.
//
// A row with data beyond the header's named columns is two records run
// together, by a lost line break or a quote that opened a field and closed
// far away. Its named columns are kept, the extra fields reported as not
// read (with the line, for mending by hand) and the row counted as
// repaired. A quote that swallows whole rows into one field, or is never
// closed at all, makes a row that is not one article: it is rejected.
func parseCSV(s *source) ([]Record, error) {
	r := csv.NewReader(bytes.NewReader(s.b))
	r.Comma = delimiter(s)
	r.LazyQuotes = true
	r.FieldsPerRecord = -1

	header, line, err := s.readHeader(r)
	if err != nil {
		return nil, err
	}
	cols, unused, err := resolveColumns(header, s.opts.Map)
	if err != nil {
		return nil, s.fail(line, "%v", err)
	}
	if len(unused) > 0 {
		s.note(line, "columns not read: %s", clipList(unused))
	}
	named := 0
	for _, h := range header {
		if strings.TrimSpace(h) != "" {
			named++
		}
	}
	get := func(row []string, f Field) string {
		if i := cols[f]; i >= 0 && i < len(row) {
			return row[i]
		}
		return ""
	}
	var recs []Record
	for n := 0; ; n++ {
		s.empty += blankLines(s.b[r.InputOffset():])
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, s.fail(pe.Line, "%v", pe.Err)
			}
			return nil, s.fail(0, "%v", err)
		}
		line, _ := r.FieldPos(0)
		if n%1024 == 0 {
			s.progress(r.InputOffset(), false)
		}
		if blankRow(row) {
			s.empty++
			continue
		}
		if r.InputOffset() == int64(len(s.b)) && unclosedQuote(s.b, r, len(row)-1) {
			s.reject(line, "a quote opened in this row is never closed, so the rest of the file is one field: mend the quote")
			s.rejected++
			continue
		}
		if end, _ := r.FieldPos(len(row) - 1); end > line {
			if n := swallowedRows(row, cols, r.Comma, s.opts.DayFirst); n > 0 {
				s.reject(line, "a quote opened in this row closes only on line %d, swallowing %d row(s) that follow: mend the quote", end, n)
				s.rejected++
				continue
			}
		}
		if d, ok := mendSplitDate(row, cols); ok {
			s.repair(line, "a broken quote split %s across two fields: read it as %q", header[cols[FieldDate]], d)
		}
		if extra := overflow(header, row); len(extra) > 0 {
			span := ""
			if end, _ := r.FieldPos(len(row) - 1); end > line {
				span = fmt.Sprintf(" (the row runs on to line %d)", end)
			}
			s.repair(line, "%d fields more than the header's %d named columns%s: two records run together? kept %s; not read: %s",
				len(extra), named, span, describe(header, cols, row), clipList(extra))
		}
		rec := Record{
			File:      s.name,
			Line:      line,
			Title:     get(row, FieldTitle),
			Date:      get(row, FieldDate),
			Body:      get(row, FieldBody),
			Summary:   get(row, FieldSummary),
			URL:       get(row, FieldURL),
			Source:    get(row, FieldSource),
			Author:    get(row, FieldAuthor),
			Language:  get(row, FieldLanguage),
			Tags:      splitTags(get(row, FieldTags)),
			DateField: columnName(header, cols[FieldDate]),
		}
		recs = append(recs, rec)
	}
	if len(recs) == 0 && s.rejected == 0 {
		return nil, s.fail(line, "no rows after the header")
	}
	return recs, nil
}

// swallowedRows counts the lines inside the fields of a row that read as
// rows of their own, with a date where the date column is: the sign of a
// quote that opened a field and closed rows later. Without a date column
// there is no telling them from a body's own lines.
func swallowedRows(row []string, cols columns, comma rune, dayFirst bool) int {
	i := cols[FieldDate]
	if i < 0 {
		return 0
	}
	n := 0
	for _, f := range row {
		lines := strings.Split(f, "\n")
		for _, l := range lines[1:] {
			r := csv.NewReader(strings.NewReader(l))
			r.Comma, r.LazyQuotes, r.FieldsPerRecord = comma, true, -1
			fields, err := r.Read()
			if err != nil || i >= len(fields) || strings.TrimSpace(fields[i]) == "" {
				continue
			}
			if _, err := ParseDate(fields[i], dayFirst); err == nil {
				n++
			}
		}
	}
	return n
}

// splitWeekdayRE is the weekday of a date that a broken quote moved to the
// end of the field before it.
var splitWeekdayRE = regexp.MustCompile(`\s*["',]\s*((?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*)$`)

// mendSplitDate puts back together a date like "Fri, 11 Mar 2022" that a
// broken quote split at its comma: the field before it ends in `"Fri` and
// the date field is left as ` 11 Mar 2022 …"`, with a stray quote. It
// returns the mended date.
func mendSplitDate(row []string, cols columns) (string, bool) {
	i := cols[FieldDate]
	if i <= 0 || i >= len(row) {
		return "", false
	}
	d := strings.TrimSpace(row[i])
	if !strings.HasSuffix(d, `"`) || !strings.HasPrefix(row[i], " ") {
		return "", false
	}
	m := splitWeekdayRE.FindStringSubmatchIndex(row[i-1])
	if m == nil {
		return "", false
	}
	row[i] = row[i-1][m[2]:m[3]] + ", " + strings.TrimSpace(strings.TrimRight(d, `"`))
	row[i-1] = row[i-1][:m[0]]
	return row[i], true
}

// delimiter is the separator of the source's format, sniffed for CSV
// between comma and semicolon.
func delimiter(s *source) rune {
	first, _, _ := bytes.Cut(s.b, []byte("\n"))
	switch {
	case s.opts.Format == FormatTSV || (s.opts.Format == "" && sniffDelimited(first) == FormatTSV):
		return '\t'
	case bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")):
		return ';'
	}
	return ','
}

// readHeader reads the first row that has anything in it.
func (s *source) readHeader(r *csv.Reader) ([]string, int, error) {
	for {
		s.empty += blankLines(s.b[r.InputOffset():])
		row, err := r.Read()
		if err == io.EOF {
			return nil, 0, s.fail(0, "empty file: no header row")
		}
		if err != nil {
			return nil, 0, s.fail(0, "%v", err)
		}
		if !blankRow(row) {
			line, _ := r.FieldPos(0)
			for i := range row {
				row[i] = strings.TrimSpace(row[i])
			}
			return row, line, nil
		}
		s.empty++
	}
}

// blankLines counts the empty lines at the start of b, which encoding/csv
// skips without a word.
func blankLines(b []byte) int {
	n := 0
	for {
		switch {
		case bytes.HasPrefix(b, []byte("\n")):
			b = b[1:]
		case bytes.HasPrefix(b, []byte("\r\n")):
			b = b[2:]
		default:
			return n
		}
		n++
	}
}

func blankRow(row []string) bool {
	for _, f := range row {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// overflow returns the non-empty fields of row that no named column holds.
func overflow(header, row []string) []string {
	var extra []string
	for i, f := range row {
		if (i >= len(header) || header[i] == "") && strings.TrimSpace(f) != "" {
			extra = append(extra, f)
		}
	}
	return extra
}

// describe lists the fields kept from an overflowing row.
func describe(header []string, cols columns, row []string) string {
	var kept []string
	for i, h := range header {
		if i < len(row) && strings.TrimSpace(row[i]) != "" && slices.Contains(cols[:], i) {
			kept = append(kept, h)
		}
	}
	return strings.Join(kept, ", ")
}

// unclosedQuote reports whether field i of the row just read opened a
// quote that reached the end of the file without closing.
func unclosedQuote(b []byte, r *csv.Reader, i int) bool {
	if i < 0 {
		return false
	}
	line, col := r.FieldPos(i)
	off := 0
	for l := 1; l < line; l++ {
		j := bytes.IndexByte(b[off:], '\n')
		if j < 0 {
			return false
		}
		off += j + 1
	}
	off += col - 1
	if off >= len(b) || b[off] != '"' {
		return false
	}
	end := bytes.TrimRight(b, " \t\r\n")
	return len(end) == off+1 || end[len(end)-1] != '"'
}

func columnName(header []string, i int) string {
	if i < 0 || i >= len(header) {
		return ""
	}
	return header[i]
}
