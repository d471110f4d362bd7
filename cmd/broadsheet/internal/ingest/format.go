package ingest

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Format is an input format.
type Format string

const (
	FormatResults   Format = "results"  // a copied page of search results (the seed's)
	FormatCSV       Format = "csv"      // comma- or semicolon-separated, with a header row
	FormatTSV       Format = "tsv"      // tab-separated, with a header row
	FormatRSS       Format = "rss"      // RSS 0.9x, 1.0 (RDF) and 2.0
	FormatAtom      Format = "atom"     // Atom 1.0
	FormatJSON      Format = "json"     // an array of objects, or an object holding one
	FormatJSONLines Format = "jsonl"    // one object per line
	FormatMarkdown  Format = "markdown" // a collection folder, or one article file
)

// Formats lists the formats -format accepts.
var Formats = []Format{FormatResults, FormatCSV, FormatTSV, FormatRSS, FormatAtom, FormatJSON, FormatJSONLines, FormatMarkdown}

// extensions decide only when the content does not: a one-column CSV has
// no delimiter to find.
var extensions = map[string]Format{
	".csv": FormatCSV, ".tsv": FormatTSV, ".tab": FormatTSV, ".json": FormatJSON,
	".jsonl": FormatJSONLines, ".ndjson": FormatJSONLines, ".rss": FormatRSS,
	".atom": FormatAtom, ".md": FormatMarkdown, ".markdown": FormatMarkdown,
	".txt": FormatResults,
}

// Sniff tells a file's format from its content (b, valid UTF-8), falling
// back on its name's extension only for text that could be anything.
func Sniff(name string, b []byte) (Format, error) {
	t := bytes.TrimLeft(b, " \t\r\n")
	if len(t) == 0 {
		return "", errors.New("empty file")
	}
	if isBinary(t) {
		return "", errors.New("binary data, not text: not a format Broadsheet reads")
	}
	switch t[0] {
	case '<':
		return sniffXML(name, b)
	case '[':
		return FormatJSON, nil
	case '{':
		first, rest, _ := bytes.Cut(t, []byte("\n"))
		if json.Valid(first) && len(bytes.TrimSpace(rest)) > 0 {
			return FormatJSONLines, nil
		}
		return FormatJSON, nil
	}
	first, _, _ := bytes.Cut(t, []byte("\n"))
	first = bytes.TrimRight(first, "\r")
	switch {
	case string(first) == "---":
		return FormatMarkdown, nil
	case resultsHeader.Match(first):
		return FormatResults, nil
	}
	if f := sniffDelimited(first); f != "" {
		return f, nil
	}
	if f, ok := extensions[strings.ToLower(filepath.Ext(name))]; ok {
		return f, nil
	}
	return "", fmt.Errorf("unknown format: not CSV or TSV (no comma, semicolon or tab in the first line), JSON, RSS, Atom, Markdown or search results; force one with -format (%s)", formatList())
}

func formatList() string {
	var s []string
	for _, f := range Formats {
		s = append(s, string(f))
	}
	return strings.Join(s, ", ")
}

// isBinary reports NUL bytes or many control characters near the start.
func isBinary(b []byte) bool {
	if len(b) > 8192 {
		b = b[:8192]
	}
	ctl := 0
	for _, c := range b {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f':
			ctl++
		}
	}
	return ctl > len(b)/10
}

// sniffXML reads up to the root element: <rss> or <rdf:RDF> is RSS,
// <feed> Atom.
func sniffXML(name string, b []byte) (Format, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for {
		tok, err := d.Token()
		if err != nil {
			line, _ := d.InputPos()
			if err == io.EOF {
				return "", Problem{File: name, Line: line, Msg: "XML without a root element"}
			}
			return "", Problem{File: name, Line: line, Msg: "XML: " + err.Error()}
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch strings.ToLower(se.Name.Local) {
			case "rss", "rdf":
				return FormatRSS, nil
			case "feed":
				return FormatAtom, nil
			case "html":
				return "", errors.New("an HTML page, not a feed: save the page's RSS or Atom feed instead")
			}
			line, _ := d.InputPos()
			return "", Problem{File: name, Line: line, Msg: fmt.Sprintf("XML whose root element is <%s>, not RSS (<rss>, <rdf:RDF>) or Atom (<feed>)", se.Name.Local)}
		}
	}
}

// sniffDelimited finds the delimiter of a header line: the most frequent of
// tab, comma and semicolon outside quotes.
func sniffDelimited(line []byte) Format {
	var tabs, commas, semis int
	quoted := false
	for _, c := range line {
		switch c {
		case '"':
			quoted = !quoted
		case '\t':
			if !quoted {
				tabs++
			}
		case ',':
			if !quoted {
				commas++
			}
		case ';':
			if !quoted {
				semis++
			}
		}
	}
	switch {
	case tabs > 0 && tabs >= commas && tabs >= semis:
		return FormatTSV
	case commas > 0 || semis > 0:
		return FormatCSV
	}
	return ""
}
