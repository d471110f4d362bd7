package ingest

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"broadsheet/data/folder"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenCases are fixtures whose whole result — problems, counts and the
// articles as collection files — is kept in testdata/golden/NAME.golden.
// Run "go test -run TestGolden -update" after a deliberate change and read
// the diff.
var goldenCases = []struct {
	name  string
	opts  Options
	paths []string
}{
	{"seed", Options{}, []string{"testdata/seed-search-results.txt"}},
	{"bbc-sample", Options{}, []string{"testdata/csv/bbc-sample.csv"}},
	{"aliases", Options{}, []string{"testdata/csv/aliases.csv"}},
	{"mapped", Options{Map: FieldMap{FieldTitle: "Headlines", FieldDate: "Time", FieldSummary: "Description"}}, []string{"testdata/csv/mapped.csv"}},
	{"semicolon-dayfirst", Options{DayFirst: true}, []string{"testdata/csv/semicolon.csv"}},
	{"tabs", Options{}, []string{"testdata/csv/tabs.tsv"}},
	{"overflow", Options{}, []string{"testdata/csv/overflow.csv"}},
	{"quote-swallows-rows", Options{}, []string{"testdata/csv/quote-swallows-rows.csv"}},
	{"unclosed-quote", Options{SkipBad: true}, []string{"testdata/csv/unclosed-quote.csv"}},
	{"bad-date", Options{}, []string{"testdata/csv/bad-date.csv"}},
	{"bad-date-skip", Options{SkipBad: true}, []string{"testdata/csv/bad-date.csv"}},
	{"no-title", Options{SkipBad: true}, []string{"testdata/csv/no-title.csv"}},
	{"invalid-utf8", Options{}, []string{"testdata/csv/invalid-utf8.csv"}},
	{"windows-1252", Options{}, []string{"testdata/csv/windows-1252.csv"}},
	{"utf16", Options{}, []string{"testdata/csv/utf16.csv"}},
	{"bom-crlf", Options{}, []string{"testdata/csv/bom-crlf.csv"}},
	{"dayfirst", Options{DayFirst: true}, []string{"testdata/csv/dayfirst.csv"}},
	{"monthfirst", Options{}, []string{"testdata/csv/dayfirst.csv"}},
	{"duplicates", Options{}, []string{"testdata/csv/duplicates.csv"}},
	{"collisions", Options{}, []string{"testdata/csv/collisions.csv"}},
	{"rss2", Options{}, []string{"testdata/feed/rss2.xml"}},
	{"rdf", Options{}, []string{"testdata/feed/rdf.xml"}},
	{"latin1", Options{}, []string{"testdata/feed/latin1.xml"}},
	{"rss-bad-date", Options{SkipBad: true}, []string{"testdata/feed/bad-date.xml"}},
	{"rss-mismatched-tag", Options{}, []string{"testdata/feed/mismatched-tag.xml"}},
	{"atom", Options{}, []string{"testdata/feed/atom.xml"}},
	{"json-array", Options{}, []string{"testdata/json/array.json"}},
	{"json-feed", Options{}, []string{"testdata/json/feed.json"}},
	{"json-lines", Options{SkipBad: true}, []string{"testdata/json/lines.jsonl"}},
	{"json-not-objects", Options{SkipBad: true}, []string{"testdata/json/not-objects.json"}},
	{"markdown", Options{}, []string{"testdata/markdown/collection"}},
	{"markdown-broken", Options{SkipBad: true}, []string{"testdata/markdown/broken"}},
	{"markdown-single", Options{}, []string{"testdata/markdown/single.md"}},
	{"results-no-body", Options{SkipBad: true}, []string{"testdata/results/no-body.txt"}},
	{"mixed", Options{Name: "Everything"}, []string{
		"testdata/markdown/collection", "testdata/csv/aliases.csv", "testdata/feed/rss2.xml",
		"testdata/feed/atom.xml", "testdata/json/feed.json", "testdata/seed-search-results.txt"}},
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			got := runText(t, tc.opts, tc.paths...)
			file := filepath.Join("testdata", "golden", tc.name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("result differs from %s (go test -update rewrites it):\n%s", file, lineDiff(string(want), got))
			}
		})
	}
}

// runText runs Files and renders everything it returned as text.
func runText(t *testing.T, opts Options, paths ...string) string {
	t.Helper()
	c, rep, err := Files(opts, paths...)
	var b bytes.Buffer
	for _, p := range rep.Problems {
		fmt.Fprintf(&b, "%s %s\n", kindNames[p.Kind], p)
	}
	fmt.Fprintln(&b, rep.Summary())
	if rep.Read != rep.Kept+rep.Merged+rep.Rejected+rep.Empty {
		t.Errorf("read %d != kept %d + merged %d + rejected %d + empty %d", rep.Read, rep.Kept, rep.Merged, rep.Rejected, rep.Empty)
	}
	if err != nil {
		fmt.Fprintf(&b, "error: %v\n", err)
		if c != nil {
			t.Errorf("a collection came with the error")
		}
		return b.String()
	}
	fmt.Fprintf(&b, "name: %s\nabout: %s\n", c.Name, c.About)
	for i := range c.Articles {
		m, err := folder.Marshal(&c.Articles[i])
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "\n== %s.md\n%s", c.Articles[i].Slug, m)
	}
	return b.String()
}

var kindNames = map[Kind]string{Note: "note", Repaired: "repaired", Rejected: "rejected", Fatal: "FATAL"}

// lineDiff shows the first lines that differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, wl, gl)
		}
	}
	return ""
}
