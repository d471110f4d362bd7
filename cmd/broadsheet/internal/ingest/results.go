package ingest

import (
	"bufio"
	"bytes"
	"regexp"
	"strings"
)

// resultsHeader is the first line of a copied page of search results.
var resultsHeader = regexp.MustCompile(`^\s*Viewing results \d+\s*[-–]\s*\d+ of \d+\s*$`)

// parseResults reads a copied page of search results: an optional
// "Viewing results 1 - 6 of 17" line, then for each article a title line,
// a blank line and one paragraph of body. A body the page cut short ends in
// "..." (or "…"): the mark is removed and the record flagged truncated.
// A title followed by no body is reported, not silently taken.
func parseResults(s *source) ([]Record, error) {
	var (
		recs  []Record
		lines []numbered
	)
	name := s.name
	sc := bufio.NewScanner(bytes.NewReader(s.b))
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for n := 1; sc.Scan(); n++ {
		lines = append(lines, numbered{n, strings.TrimRight(sc.Text(), "\r")})
	}
	if err := sc.Err(); err != nil {
		return nil, s.fail(len(lines)+1, "%v", err)
	}
	// Blocks of non-blank lines; the header, if any, is the first block.
	var blocks [][]numbered
	var cur []numbered
	for _, l := range lines {
		if strings.TrimSpace(l.text) == "" {
			if cur != nil {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if cur != nil {
		blocks = append(blocks, cur)
	}
	if len(blocks) > 0 && len(blocks[0]) == 1 && resultsHeader.MatchString(strings.TrimPrefix(blocks[0][0].text, "\ufeff")) {
		blocks = blocks[1:]
	}
	for i := 0; i < len(blocks); i++ {
		title := blocks[i]
		if len(title) != 1 {
			s.reject(title[0].n, "expected a one-line title followed by a blank line, found %d lines", len(title))
			s.rejected++
			continue
		}
		if i+1 >= len(blocks) {
			s.reject(title[0].n, "title %q has no body", clip(title[0].text))
			s.rejected++
			continue
		}
		i++
		var body []string
		for _, l := range blocks[i] {
			body = append(body, l.text)
		}
		text := strings.Join(body, " ")
		truncated := false
		for _, mark := range []string{"...", "…"} {
			if t := strings.TrimSpace(text); strings.HasSuffix(t, mark) {
				text, truncated = strings.TrimSuffix(t, mark), true
				break
			}
		}
		recs = append(recs, Record{
			File:      name,
			Line:      title[0].n,
			Title:     title[0].text,
			Body:      text,
			Truncated: truncated,
			Plain:     true,
		})
	}
	if len(recs) == 0 && s.rejected == 0 {
		return nil, s.fail(0, "no search results in the file")
	}
	return recs, nil
}

type numbered struct {
	n    int
	text string
}
