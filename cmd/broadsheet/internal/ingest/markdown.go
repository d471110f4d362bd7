package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"broadsheet/data/folder"
)

// A folder of Markdown is the collection format itself (see data/folder):
// DIR/collection.md and DIR/articles/*.md, or just *.md files in DIR. Reading
// one back in is how collections are merged, and how hand edits survive a
// re-ingest: slugs, inferred dates and truncation marks are kept.
//
// Each article file is parsed by data/folder; a file it refuses is a
// rejected row, so one bad file does not hide the problems of the others.

// parseMarkdownDir reads a collection folder.
func parseMarkdownDir(s *source, fsys fs.FS) ([]Record, error) {
	names, err := fs.Glob(fsys, "articles/*.md")
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		all, err := fs.Glob(fsys, "*.md")
		if err != nil {
			return nil, err
		}
		for _, n := range all {
			if n != "collection.md" {
				names = append(names, n)
			}
		}
	}
	if len(names) == 0 {
		return nil, errors.New("a folder with no Markdown articles (articles/*.md or *.md)")
	}
	if b, err := fs.ReadFile(fsys, "collection.md"); err == nil {
		if err := s.readCollectionHeader(b); err != nil {
			return nil, err
		}
	}
	slices.Sort(names)
	var recs []Record
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		file := filepath.Join(s.name, filepath.FromSlash(n))
		if r, ok := s.markdownArticle(file, n, b); ok {
			recs = append(recs, r)
		}
		s.progress(int64(len(b)), true)
	}
	return recs, nil
}

// parseMarkdownFile reads one article file.
func parseMarkdownFile(s *source) ([]Record, error) {
	r, ok := s.markdownArticle(s.name, path.Base(filepath.ToSlash(s.name)), s.b)
	if !ok {
		return nil, nil
	}
	return []Record{r}, nil
}

// folderErrRE finds the line in data/folder's "name:3: ..." errors and
// in YAML's "line 3:".
var folderErrRE = regexp.MustCompile(`^:(\d+): |line (\d+): ?`)

// markdownArticle parses one file; file is its path for messages, name the
// name data/folder sees (the slug defaults to it).
func (s *source) markdownArticle(file, name string, b []byte) (Record, bool) {
	a, err := folder.ParseArticle(name, b)
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), name)
		line := 0
		if m := folderErrRE.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1] + m[2])
		}
		msg = strings.TrimLeft(folderErrRE.ReplaceAllString(msg, ""), ": ")
		s.add(Problem{File: file, Line: line, Kind: Rejected, Msg: msg})
		s.rejected++
		return Record{}, false
	}
	return Record{
		File:         file,
		Title:        a.Title,
		Date:         a.Date.String(),
		DateField:    "date",
		DateInferred: a.Date.Inferred,
		Body:         a.Body,
		Truncated:    a.Truncated,
		Summary:      a.Summary,
		URL:          a.URL,
		Source:       a.Source,
		Author:       a.Author,
		Tags:         a.Tags,
		Language:     a.Language,
		Slug:         a.Slug,
		Plain:        true,
	}, true
}

// readCollectionHeader takes the name and description of collection.md.
func (s *source) readCollectionHeader(b []byte) error {
	const file = "collection.md"
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	rest, ok := bytes.CutPrefix(b, []byte("---\n"))
	if !ok {
		return Problem{File: filepath.Join(s.name, file), Line: 1, Msg: "missing front matter (the file must start with a --- line)"}
	}
	head, body, ok := bytes.Cut(rest, []byte("\n---\n"))
	if !ok {
		if head, ok = bytes.CutSuffix(rest, []byte("\n---")); !ok {
			return Problem{File: filepath.Join(s.name, file), Msg: "front matter is not closed by a --- line"}
		}
	}
	var h struct {
		Name string `yaml:"name"`
	}
	if err := yaml.Unmarshal(head, &h); err != nil {
		return Problem{File: filepath.Join(s.name, file), Msg: fmt.Sprintf("front matter: %v", err)}
	}
	s.collectionName = strings.TrimSpace(h.Name)
	s.collectionAbout = paragraphs(string(body))
	return nil
}
