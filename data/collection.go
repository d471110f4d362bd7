package data

import (
	"encoding/json"
	"fmt"
	"hash/crc32"
	"sort"
)

// Collection is a set of articles with a word about where they came from.
// Articles are kept newest first; ties keep a stable order by slug.
type Collection struct {
	Name string `json:"name"`
	// About says what the collection is and where it came from, in plain
	// text paragraphs separated by blank lines.
	About    string    `json:"about,omitempty"`
	Articles []Article `json:"articles"`
}

// Sort puts the articles newest first, undated last, ties by slug.
func (c *Collection) Sort() {
	sort.SliceStable(c.Articles, func(i, j int) bool {
		a, b := &c.Articles[i], &c.Articles[j]
		if a.Date.IsZero() != b.Date.IsZero() {
			return b.Date.IsZero()
		}
		if !a.Date.Start.Equal(b.Date.Start) || a.Date.Precision != b.Date.Precision {
			return b.Date.Before(a.Date)
		}
		return a.Slug < b.Slug
	})
}

// Validate checks what every consumer relies on: a slug and a title per
// article, and no slug twice.
func (c *Collection) Validate() error {
	seen := make(map[string]bool, len(c.Articles))
	for i, a := range c.Articles {
		switch {
		case a.Slug == "":
			return fmt.Errorf("article %d (%q): empty slug", i+1, a.Title)
		case !ValidSlug(a.Slug):
			return fmt.Errorf("article %q: slug must be lower-case a-z, 0-9 and single hyphens", a.Slug)
		case a.Title == "":
			return fmt.Errorf("article %q: empty title", a.Slug)
		case seen[a.Slug]:
			return fmt.Errorf("article %q: slug used twice", a.Slug)
		}
		seen[a.Slug] = true
	}
	return nil
}

// ValidSlug reports whether s is usable as a URL path segment and a file
// name everywhere: [a-z0-9]+(-[a-z0-9]+)*.
func ValidSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// Encode writes the collection as the JSON file the browser app loads.
func (c *Collection) Encode() ([]byte, error) {
	return json.Marshal(c)
}

// Decode reads what Encode wrote.
func Decode(b []byte) (*Collection, error) {
	var c Collection
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("decoding collection: %w", err)
	}
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("decoding collection: %w", err)
	}
	return &c, nil
}

// Fingerprint identifies the collection by its slugs, in order: CRC-32
// (IEEE) of each slug followed by "\n". The search index and the entities
// file store it, so that neither is ever read with articles it was not
// built from.
func (c *Collection) Fingerprint() uint32 {
	h := crc32.NewIEEE()
	for i := range c.Articles {
		h.Write([]byte(c.Articles[i].Slug))
		h.Write([]byte{'\n'})
	}
	return h.Sum32()
}
