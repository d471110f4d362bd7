// Package folder reads and writes a collection as a folder of Markdown files,
// the form people edit by hand, merge and keep under version control:
//
//	DIR/collection.md        front matter: name; body: what the collection is
//	DIR/articles/<slug>.md   one article each
//
// An article file is YAML front matter between "---" lines, then the body:
// plain-text paragraphs separated by blank lines.
//
//	---
//	title: Tajikistan Lifts Criminal Penalties for Social Media Likes
//	slug: tajikistan-lifts-criminal-penalties-for-social-media-likes
//	date: 2025-05          # YYYY, YYYY-MM, YYYY-MM-DD or RFC 3339
//	date_inferred: true    # the source gave no date; the text dates it
//	truncated: true        # the source cut the text short
//	url: https://...       # and source, author, summary, tags, language
//	---
//	Tajik President Emomali Rahmon has signed ...
//
// This package is build-time only: the browser app receives the collection
// as JSON (data.Collection.Encode) and never parses YAML.
package folder

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"broadsheet/data"
)

const (
	collectionFile = "collection.md"
	articlesDir    = "articles"
)

// frontMatter is an article's header, in the order it is written.
type frontMatter struct {
	Title        string   `yaml:"title"`
	Slug         string   `yaml:"slug"`
	Date         string   `yaml:"date,omitempty"`
	DateInferred bool     `yaml:"date_inferred,omitempty"`
	Truncated    bool     `yaml:"truncated,omitempty"`
	Summary      string   `yaml:"summary,omitempty"`
	URL          string   `yaml:"url,omitempty"`
	Source       string   `yaml:"source,omitempty"`
	Author       string   `yaml:"author,omitempty"`
	Tags         []string `yaml:"tags,omitempty,flow"`
	Language     string   `yaml:"language,omitempty"`
}

type collectionHeader struct {
	Name string `yaml:"name"`
}

// Read loads the collection folder at the root of fsys. Every error names
// the file (and the line, where YAML gives one).
func Read(fsys fs.FS) (*data.Collection, error) {
	c := &data.Collection{}
	if b, err := fs.ReadFile(fsys, collectionFile); err == nil {
		var h collectionHeader
		body, err := split(collectionFile, b, &h)
		if err != nil {
			return nil, err
		}
		c.Name, c.About = h.Name, body
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}

	names, err := fs.Glob(fsys, articlesDir+"/*.md")
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: no articles (*.md) found", articlesDir)
	}
	sort.Strings(names)
	bySlug := make(map[string]string, len(names))
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		a, err := ParseArticle(name, b)
		if err != nil {
			return nil, err
		}
		if prev, ok := bySlug[a.Slug]; ok {
			return nil, fmt.Errorf("%s: slug %q is already used by %s", name, a.Slug, prev)
		}
		bySlug[a.Slug] = name
		c.Articles = append(c.Articles, a)
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	c.Sort()
	return c, nil
}

// ReadDir is Read on a folder of the file system.
func ReadDir(dir string) (*data.Collection, error) {
	c, err := Read(os.DirFS(dir))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	return c, nil
}

// ParseArticle reads one article file; name is used in errors.
func ParseArticle(name string, b []byte) (data.Article, error) {
	var fm frontMatter
	body, err := split(name, b, &fm)
	if err != nil {
		return data.Article{}, err
	}
	a := data.Article{
		Title:     strings.TrimSpace(fm.Title),
		Slug:      strings.TrimSpace(fm.Slug),
		Body:      body,
		Truncated: fm.Truncated,
		Summary:   fm.Summary,
		URL:       fm.URL,
		Source:    fm.Source,
		Author:    fm.Author,
		Tags:      fm.Tags,
		Language:  fm.Language,
	}
	if a.Slug == "" {
		// A hand-written file may leave the slug to its file name.
		a.Slug = strings.TrimSuffix(path.Base(name), ".md")
	}
	switch {
	case a.Title == "":
		return a, fmt.Errorf("%s: front matter: title is missing", name)
	case !data.ValidSlug(a.Slug):
		return a, fmt.Errorf("%s: front matter: slug %q must be lower-case a-z, 0-9 and single hyphens", name, a.Slug)
	}
	if fm.Date != "" {
		d, err := data.ParseDate(fm.Date)
		if err != nil {
			return a, fmt.Errorf("%s: front matter: %v", name, err)
		}
		d.Inferred = fm.DateInferred
		a.Date = d
	}
	return a, nil
}

// split separates front matter (decoded into v) from the body.
func split(name string, b []byte, v any) (string, error) {
	if !bytes.HasPrefix(b, []byte("---\n")) && !bytes.HasPrefix(b, []byte("---\r\n")) {
		return "", fmt.Errorf("%s:1: missing front matter (the file must start with a --- line)", name)
	}
	rest := b[bytes.IndexByte(b, '\n')+1:]
	var head, body []byte
	for off := 0; ; {
		i := bytes.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if i >= 0 {
			line = rest[off : off+i]
		}
		if strings.TrimRight(string(line), "\r") == "---" {
			head = rest[:off]
			if i >= 0 {
				body = rest[off+i+1:]
			}
			break
		}
		if i < 0 {
			return "", fmt.Errorf("%s: front matter is not closed by a --- line", name)
		}
		off += i + 1
	}
	if err := yaml.Unmarshal(head, v); err != nil {
		return "", fmt.Errorf("%s: front matter: %s", name, shiftYAMLLines(err))
	}
	return normalizeBody(string(body)), nil
}

// shiftYAMLLines makes yaml's "line N" count from the top of the file, not
// from the first line after "---".
func shiftYAMLLines(err error) string {
	msg := err.Error()
	var out strings.Builder
	for {
		i := strings.Index(msg, "line ")
		if i < 0 {
			break
		}
		j := i + len("line ")
		n := 0
		k := j
		for k < len(msg) && msg[k] >= '0' && msg[k] <= '9' {
			n = n*10 + int(msg[k]-'0')
			k++
		}
		out.WriteString(msg[:j])
		if k > j {
			fmt.Fprintf(&out, "%d", n+1)
		}
		msg = msg[k:]
	}
	out.WriteString(msg)
	return out.String()
}

// normalizeBody keeps paragraphs, drops stray blank lines and CRs, and
// joins the lines of a paragraph with single spaces.
func normalizeBody(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var paras []string
	for _, p := range strings.Split(s, "\n\n") {
		p = strings.Join(strings.Fields(p), " ")
		if p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}

// Marshal renders one article file.
func Marshal(a *data.Article) ([]byte, error) {
	fm := frontMatter{
		Title:        a.Title,
		Slug:         a.Slug,
		Date:         a.Date.String(),
		DateInferred: a.Date.Inferred,
		Truncated:    a.Truncated,
		Summary:      a.Summary,
		URL:          a.URL,
		Source:       a.Source,
		Author:       a.Author,
		Tags:         a.Tags,
		Language:     a.Language,
	}
	return withFrontMatter(fm, a.Body)
}

func withFrontMatter(v any, body string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	b.WriteString("---\n")
	for i, p := range strings.Split(body, "\n\n") {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(p)
		b.WriteString("\n")
	}
	return b.Bytes(), nil
}

// WriteDir writes c as a collection folder at dir, atomically (see Atomic).
func WriteDir(dir string, c *data.Collection) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return Atomic(dir, func(tmp string) error { return writeFiles(tmp, c) })
}

// Atomic fills a folder with write, then moves it to dir: the files go to a
// temporary folder beside dir that is renamed into place only once write
// succeeded, so an error leaves whatever was at dir untouched.
func Atomic(dir string, write func(tmp string) error) error {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".tmp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if err := write(tmp); err != nil {
		return err
	}
	return replaceDir(tmp, dir)
}

func writeFiles(dir string, c *data.Collection) error {
	head, err := withFrontMatter(collectionHeader{Name: c.Name}, c.About)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, collectionFile), head, 0o644); err != nil {
		return err
	}
	if err := os.Mkdir(filepath.Join(dir, articlesDir), 0o755); err != nil {
		return err
	}
	for i := range c.Articles {
		a := &c.Articles[i]
		b, err := Marshal(a)
		if err != nil {
			return fmt.Errorf("article %q: %w", a.Slug, err)
		}
		if err := os.WriteFile(filepath.Join(dir, articlesDir, a.Slug+".md"), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// replaceDir moves src to dst, setting any existing dst aside first and
// removing it only after the move succeeded.
func replaceDir(src, dst string) error {
	old := ""
	if _, err := os.Lstat(dst); err == nil {
		old = src + ".old"
		if err := os.Rename(dst, old); err != nil {
			return err
		}
	}
	if err := os.Rename(src, dst); err != nil {
		if old != "" {
			os.Rename(old, dst)
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}
