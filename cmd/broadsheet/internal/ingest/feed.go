package ingest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"golang.org/x/net/html/charset"
)

// Both feed formats are parsed by gofeed, which is lenient with the XML
// real feeds are made of but does not say where an item starts. entryLines
// walks the XML once more to find the line of each item (RSS) or entry
// (Atom), so a problem with the fifth item names its line; and where
// gofeed gives up, the line of the XML error.

// entryLines returns the line of each <item> or <entry> that is a child of
// a feed's <channel>, <rdf:RDF> or <feed>, and the line of the first XML
// error, if any.
func entryLines(b []byte, entry string) (lines []int, errLine int, err error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	var stack []string
	for {
		tok, err := d.RawToken()
		if err != nil {
			line, _ := d.InputPos()
			if err == io.EOF && len(stack) == 0 {
				return lines, 0, nil
			}
			if err == io.EOF || strings.Contains(err.Error(), "unexpected EOF") {
				open := slices.Clone(stack)
				slices.Reverse(open)
				err = fmt.Errorf("the file ends inside <%s> (truncated?)", strings.Join(open, "> in <"))
				if len(stack) == 0 {
					err = errors.New("the file ends inside a tag (truncated?)")
				}
			}
			return lines, line, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if name == entry && len(stack) > 0 {
				switch stack[len(stack)-1] {
				case "channel", "rdf", "feed":
					line, _ := d.InputPos()
					lines = append(lines, line)
				}
			}
			stack = append(stack, name)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
}

// feedLine is the line of entry i, or 0 when the walk could not tell.
func feedLine(lines []int, n, i int) int {
	if len(lines) != n {
		return 0
	}
	return lines[i]
}
