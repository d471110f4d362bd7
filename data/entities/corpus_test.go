package entities

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"broadsheet/data"
	"broadsheet/data/folder"
)

// seed reads the default collection, the six articles the tests are
// about.
func seed(t testing.TB) *data.Collection {
	t.Helper()
	c, err := folder.Read(data.Default())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func bbcPath() string {
	if p := os.Getenv("BROADSHEET_BBC_CSV"); p != "" {
		return p
	}
	for _, p := range []string{"../../../shared/corpora/bbc-news-rss-2022.csv", "/work/shared/corpora/bbc-news-rss-2022.csv"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

var bbcOnce struct {
	sync.Once
	c   *data.Collection
	err error
}

// bbc reads the BBC News RSS feed of 2022 (about 10,000 items): title,
// pubDate, guid, description (and empty columns after them). The
// description is the body. Tests that need it skip without it.
func bbc(t testing.TB) *data.Collection {
	t.Helper()
	bbcOnce.Do(func() {
		path := bbcPath()
		if path == "" {
			bbcOnce.err = fmt.Errorf("BBC feed not found (set BROADSHEET_BBC_CSV)")
			return
		}
		f, err := os.Open(path)
		if err != nil {
			bbcOnce.err = err
			return
		}
		defer f.Close()
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		r.LazyQuotes = true
		c := &data.Collection{Name: "BBC News 2022"}
		for line := 1; ; line++ {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				bbcOnce.err = fmt.Errorf("%s:%d: %w", filepath.Base(path), line, err)
				return
			}
			if line == 1 || len(rec) < 4 || rec[0] == "" {
				continue
			}
			a := data.Article{Slug: fmt.Sprintf("bbc-%d", line), Title: rec[0], Body: rec[3], Source: "BBC News", Language: "en"}
			if ts, err := time.Parse(time.RFC1123, rec[1]); err == nil {
				a.Date = data.Date{Start: ts.UTC(), Precision: data.PrecisionTime}
			}
			c.Articles = append(c.Articles, a)
		}
		c.Sort()
		bbcOnce.c = c
	})
	if bbcOnce.err != nil {
		t.Skip(bbcOnce.err)
	}
	return bbcOnce.c
}
