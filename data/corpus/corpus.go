// Package corpus reads the shared collections that tests and benchmarks
// measure against: the BBC News feed export of 2022 (10,731 items, in
// shared/corpora beside the checkout). It reads the CSV plainly — title,
// pubDate, guid, description as the body — so that a test of search or
// entities does not depend on the ingest tool it is not about. TSV reads
// the tab-separated fixture tables that several packages test against.
package corpus

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"broadsheet/data"
)

// BBCFile is the export's name under shared/corpora.
const BBCFile = "bbc-news-rss-2022.csv"

// BBCPath finds the BBC export: $BROADSHEET_BBC_CSV, else shared/corpora in
// the current folder or any folder above it; "" when there is none.
func BBCPath() string {
	if p := os.Getenv("BROADSHEET_BBC_CSV"); p != "" {
		return p
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, "shared", "corpora", BBCFile)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
}

var bbc struct {
	sync.Once
	c   *data.Collection
	err error
}

// BBC reads the export once per process. Articles are "bbc-<line>", with
// source "BBC News" and language "en"; the same collection is returned to
// every caller, which must not change it.
func BBC() (*data.Collection, error) {
	bbc.Do(func() { bbc.c, bbc.err = readBBC(BBCPath()) })
	return bbc.c, bbc.err
}

func readBBC(path string) (*data.Collection, error) {
	if path == "" {
		return nil, errors.New("the BBC export " + BBCFile + " was not found in shared/corpora (set BROADSHEET_BBC_CSV)")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
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
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
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
	return c, nil
}
