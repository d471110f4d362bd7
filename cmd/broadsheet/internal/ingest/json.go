package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// JSON comes as an array of article objects, as an object holding such an
// array under a key like "items" (JSON Feed) or "articles", or as JSON
// Lines, one object a line. Keys are matched like CSV columns (fields.go),
// so "pubDate", "date_published" and "published_at" are all the date.
// Values may be strings, numbers (Unix times for dates), arrays (tags,
// authors) or objects with a "name" (JSON Feed's authors) or "rendered"
// (WordPress's title and content).

// arrayKeys hold the articles of a wrapping object.
var arrayKeys = []string{"items", "articles", "entries", "posts", "stories", "results", "records", "docs", "data"}

// parseJSON reads a JSON array of objects, or an object holding one.
func parseJSON(s *source) ([]Record, error) {
	lines := newLineIndex(s.b)
	dec := json.NewDecoder(bytes.NewReader(s.b))
	dec.UseNumber()
	jr := &jsonReader{s: s, lines: lines}
	tok, err := dec.Token()
	if err != nil {
		return nil, jr.syntax(dec, err)
	}
	switch tok {
	case json.Delim('['):
		if err := jr.array(dec); err != nil {
			return nil, err
		}
	case json.Delim('{'):
		obj := map[string]any{}
		found := false
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				return nil, jr.syntax(dec, err)
			}
			key, _ := tok.(string)
			if !found && slices.Contains(arrayKeys, columnKey(key)) && jr.next(dec) == '[' {
				if _, err := dec.Token(); err != nil {
					return nil, jr.syntax(dec, err)
				}
				if err := jr.array(dec); err != nil {
					return nil, err
				}
				found = true
				continue
			}
			var v any
			if err := dec.Decode(&v); err != nil {
				return nil, jr.syntax(dec, err)
			}
			obj[key] = v
		}
		if _, err := dec.Token(); err != nil {
			return nil, jr.syntax(dec, err)
		}
		if !found {
			if !jr.hasTitle(obj) {
				return nil, s.fail(1, "a JSON object with no array of articles (under %s) and no title of its own; keys: %s",
					strings.Join(arrayKeys[:4], ", "), keyList(obj))
			}
			jr.object(1, obj)
		}
	default:
		return nil, s.fail(1, "JSON: expected an array of articles, found %s", jsonKind(tok))
	}
	if _, err := dec.Token(); err != io.EOF {
		off := dec.InputOffset()
		return nil, s.fail(lines.line(off), "JSON: more data after the end of the top-level value")
	}
	return jr.finish()
}

// parseJSONLines reads one JSON object a line; blank lines are skipped. A
// line that is not a JSON object is a rejected row, not a failed file.
func parseJSONLines(s *source) ([]Record, error) {
	jr := &jsonReader{s: s}
	n := 0
	for line := range bytes.Lines(s.b) {
		n++
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			s.empty++
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.UseNumber()
		var obj map[string]any
		err := dec.Decode(&obj)
		if err == nil && dec.More() {
			err = errors.New("more than one value on the line")
		}
		if err != nil {
			s.reject(n, "not a JSON object: %v", plainJSONError(err))
			s.rejected++
			continue
		}
		jr.object(n, obj)
	}
	return jr.finish()
}

// jsonReader turns decoded objects into records.
type jsonReader struct {
	s        *source
	lines    *lineIndex
	recs     []Record
	titled   bool            // some object had a title key
	mapped   [numFields]bool // the -map key of a field was met
	unused   []string        // keys no field reads, in order of first sight
	keys     []string        // all keys, in order of first sight
	firstObj int
}

// array streams the elements of an array whose '[' was just read.
func (jr *jsonReader) array(dec *json.Decoder) error {
	for dec.More() {
		line := jr.lines.line(jr.valueStart(dec))
		var v any
		if err := dec.Decode(&v); err != nil {
			return jr.syntax(dec, err)
		}
		obj, ok := v.(map[string]any)
		if !ok {
			jr.s.reject(line, "array element is %s, not an object", jsonKind(v))
			jr.s.rejected++
			continue
		}
		if len(obj) == 0 {
			jr.s.empty++
			continue
		}
		jr.object(line, obj)
		if len(jr.recs)%1024 == 0 {
			jr.s.progress(dec.InputOffset(), false)
		}
	}
	_, err := dec.Token() // ']'
	if err != nil {
		return jr.syntax(dec, err)
	}
	return nil
}

// object reads one article object.
func (jr *jsonReader) object(line int, obj map[string]any) {
	if jr.firstObj == 0 {
		jr.firstObj = line
	}
	keys := make(map[string]string, len(obj)) // columnKey → key
	for k := range obj {
		keys[columnKey(k)] = k
	}
	used := map[string]bool{}
	var vals [numFields]any
	dateKey := "date"
	for f := range numFields {
		var key string
		if want, ok := jr.s.opts.Map[f]; ok {
			key = keys[columnKey(want)]
			if key != "" {
				jr.mapped[f] = true
			}
		} else {
			for _, a := range aliases[f] {
				if k := keys[a]; k != "" && !used[k] {
					key = k
					break
				}
			}
		}
		if key != "" {
			used[key] = true
			vals[f] = obj[key]
			switch f {
			case FieldTitle:
				jr.titled = true
			case FieldDate:
				dateKey = key
			}
		}
	}
	for _, k := range sortedKeys(obj) {
		if !used[k] && !slices.Contains(jr.unused, k) && len(jr.unused) < 20 {
			jr.unused = append(jr.unused, k)
		}
		if !slices.Contains(jr.keys, k) && len(jr.keys) < 20 {
			jr.keys = append(jr.keys, k)
		}
	}
	jr.recs = append(jr.recs, Record{
		File:      jr.s.name,
		Line:      line,
		Title:     jsonText(vals[FieldTitle]),
		Date:      jsonText(vals[FieldDate]),
		DateField: dateKey,
		Body:      jsonText(vals[FieldBody]),
		Summary:   jsonText(vals[FieldSummary]),
		URL:       jsonText(vals[FieldURL]),
		Source:    jsonText(vals[FieldSource]),
		Author:    jsonText(vals[FieldAuthor]),
		Language:  jsonText(vals[FieldLanguage]),
		Tags:      jsonTags(vals[FieldTags]),
	})
}

// finish checks what only the whole file shows: a title key somewhere,
// every -map key met.
func (jr *jsonReader) finish() ([]Record, error) {
	s := jr.s
	if len(jr.recs) == 0 {
		if s.rejected > 0 {
			return nil, nil
		}
		return nil, s.fail(0, "no articles: the JSON holds no objects")
	}
	for f, want := range s.opts.Map {
		if !jr.mapped[f] {
			return nil, s.fail(jr.firstObj, "-map %s=%s: no object has that key", f, want)
		}
	}
	if !jr.titled {
		return nil, s.fail(jr.firstObj, "no title key in any object (keys: %s); name one with -map title=KEY", strings.Join(jr.keys, ", "))
	}
	if len(jr.unused) > 0 {
		s.note(jr.firstObj, "keys not read: %s", strings.Join(jr.unused, ", "))
	}
	return jr.recs, nil
}

func (jr *jsonReader) hasTitle(obj map[string]any) bool {
	for k := range obj {
		if want, ok := jr.s.opts.Map[FieldTitle]; ok {
			if columnKey(k) == columnKey(want) {
				return true
			}
		} else if slices.Contains(aliases[FieldTitle], columnKey(k)) {
			return true
		}
	}
	return false
}

// next peeks at the first byte of the next value.
func (jr *jsonReader) next(dec *json.Decoder) byte {
	if i := jr.valueStart(dec); i < int64(len(jr.s.b)) {
		return jr.s.b[i]
	}
	return 0
}

// valueStart is the offset of the next value, past separators.
func (jr *jsonReader) valueStart(dec *json.Decoder) int64 {
	i := dec.InputOffset()
	for i < int64(len(jr.s.b)) && strings.IndexByte(" \t\r\n,:", jr.s.b[i]) >= 0 {
		i++
	}
	return i
}

// syntax makes a decoding error name its line.
func (jr *jsonReader) syntax(dec *json.Decoder, err error) error {
	off := dec.InputOffset()
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		off = int64(len(jr.s.b))
		err = errors.New("the file ends in the middle of a value (truncated?)")
	}
	return jr.s.fail(jr.lines.line(off), "JSON: %v", plainJSONError(err))
}

// plainJSONError drops the "json: " Go puts before its messages.
func plainJSONError(err error) string {
	return strings.TrimPrefix(err.Error(), "json: ")
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	}
	return "a value"
}

// jsonText flattens a value into text: arrays are joined with commas,
// objects give their name, rendered text or value.
func jsonText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		return fmt.Sprint(v)
	case []any:
		var parts []string
		for _, e := range v {
			if t := jsonText(e); t != "" {
				parts = append(parts, t)
			}
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		for _, k := range []string{"name", "rendered", "value", "text", "title", "url", "href"} {
			if t := jsonText(v[k]); t != "" {
				return t
			}
		}
	}
	return ""
}

func jsonTags(v any) []string {
	switch v := v.(type) {
	case []any:
		var tags []string
		for _, e := range v {
			if t := jsonText(e); t != "" {
				tags = append(tags, t)
			}
		}
		return tags
	case string:
		return splitTags(v)
	}
	if t := jsonText(v); t != "" {
		return []string{t}
	}
	return nil
}

func keyList(obj map[string]any) string {
	if len(obj) == 0 {
		return "none"
	}
	return strings.Join(sortedKeys(obj), ", ")
}

func sortedKeys(obj map[string]any) []string {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// lineIndex turns byte offsets into line numbers.
type lineIndex struct{ starts []int64 }

func newLineIndex(b []byte) *lineIndex {
	li := &lineIndex{starts: []int64{0}}
	for i, c := range b {
		if c == '\n' {
			li.starts = append(li.starts, int64(i+1))
		}
	}
	return li
}

func (li *lineIndex) line(off int64) int {
	if li == nil {
		return 0
	}
	i, found := slices.BinarySearch(li.starts, off)
	if found {
		return i + 1
	}
	return i
}
