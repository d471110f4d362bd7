package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// The fuzz targets feed each parser arbitrary bytes: it may fail, never
// panic, and whatever it reads must adapt into clean articles. Their seed
// corpora in testdata/fuzz are the fixtures, written by
// "go test -run TestFuzzCorpus -update"; "go test -fuzz FuzzCSV" explores
// from there.

func FuzzCSV(f *testing.F)       { fuzzParser(f, FormatCSV) }
func FuzzTSV(f *testing.F)       { fuzzParser(f, FormatTSV) }
func FuzzRSS(f *testing.F)       { fuzzParser(f, FormatRSS) }
func FuzzAtom(f *testing.F)      { fuzzParser(f, FormatAtom) }
func FuzzJSON(f *testing.F)      { fuzzParser(f, FormatJSON) }
func FuzzJSONLines(f *testing.F) { fuzzParser(f, FormatJSONLines) }
func FuzzResults(f *testing.F)   { fuzzParser(f, FormatResults) }

// FuzzMarkdown reads the bytes as an article file, alone and in a folder
// whose collection.md they also are.
func FuzzMarkdown(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		s := fuzzSource(b, FormatMarkdown)
		checkRecords(t, s, parseMarkdownFile)
		s = fuzzSource(nil, FormatMarkdown)
		fsys := fstest.MapFS{
			"collection.md":   {Data: b},
			"articles/one.md": {Data: b},
		}
		checkRecords(t, s, func(s *source) ([]Record, error) { return parseMarkdownDir(s, fsys) })
	})
}

// FuzzSniff: any bytes get a format or an error.
func FuzzSniff(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		s := fuzzSource(b, "")
		format, err := Sniff("fuzz", s.b)
		if err == nil && parsers[format] == nil {
			t.Fatalf("Sniff gave %q, which has no parser", format)
		}
		if err == nil {
			checkRecords(t, s, parsers[format])
		}
	})
}

// FuzzDate: any string is a date in UTC or an error naming it.
func FuzzDate(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string, dayFirst bool) {
		d, err := ParseDate(s, dayFirst)
		if err != nil {
			if !strings.Contains(err.Error(), fmt.Sprintf("%q", strings.Trim(s, "\"' \t\r\n"))) {
				t.Fatalf("ParseDate(%q) error %q does not quote the value", s, err)
			}
			return
		}
		if !d.IsZero() && d.Start.Location().String() != "UTC" {
			t.Fatalf("ParseDate(%q) = %v, not in UTC", s, d.Start)
		}
	})
}

// FuzzHTML: any markup becomes valid UTF-8 without a tag left in it, when
// the input was valid UTF-8.
func FuzzHTML(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		out := htmlText(s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("htmlText(%q) = %q, not valid UTF-8", s, out)
		}
		if strings.Contains(out, "\n\n\n") || strings.HasPrefix(out, " ") {
			t.Fatalf("htmlText(%q) = %q, not normalized", s, out)
		}
	})
}

func fuzzParser(f *testing.F, format Format) {
	f.Fuzz(func(t *testing.T, b []byte) {
		checkRecords(t, fuzzSource(b, format), parsers[format])
	})
}

func fuzzSource(b []byte, format Format) *source {
	opts := &Options{Format: format}
	s := &source{name: "fuzz", opts: opts, run: &run{opts: opts, rep: &Report{}}}
	s.b = toUTF8("fuzz", b, s.add)
	return s
}

// checkRecords runs a parser and adapts what it read.
func checkRecords(t *testing.T, s *source, parse func(*source) ([]Record, error)) {
	t.Helper()
	if !utf8.Valid(s.b) && !xmlEncodingRE.Match(s.b) {
		t.Fatalf("toUTF8 left invalid UTF-8")
	}
	recs, err := parse(s)
	if err != nil {
		if !strings.HasPrefix(err.Error(), "fuzz") && s.b != nil {
			t.Fatalf("error %q does not name the file", err)
		}
		return
	}
	for i := range recs {
		a, err := adapt(&recs[i], false)
		if err != nil {
			continue
		}
		for _, field := range []string{a.Title, a.Body, a.Summary, a.URL, a.Author, a.Source} {
			if !utf8.ValidString(field) {
				t.Fatalf("record %d: invalid UTF-8 in %q", i, field)
			}
		}
		if a.Title == "" || strings.Contains(a.Title, "\n") {
			t.Fatalf("record %d: title %q", i, a.Title)
		}
	}
}

// fuzzSeeds are the fixtures each target starts from.
var fuzzSeeds = map[string][]string{
	"FuzzCSV":       {"csv/*.csv", "bad/*.csv", "bad/unknown.dat"},
	"FuzzTSV":       {"csv/*.tsv"},
	"FuzzRSS":       {"feed/rss2.xml", "feed/rdf.xml", "feed/latin1.xml", "feed/bad-date.xml", "feed/mismatched-tag.xml", "bad/*.rss", "bad/note.xml"},
	"FuzzAtom":      {"feed/atom.xml", "bad/*.atom"},
	"FuzzJSON":      {"json/*.json", "bad/*.json"},
	"FuzzJSONLines": {"json/*.jsonl"},
	"FuzzResults":   {"seed-search-results.txt", "results/*.txt", "bad/blank.txt"},
	"FuzzMarkdown":  {"markdown/*.md", "markdown/*/*.md", "markdown/*/articles/*.md"},
	"FuzzSniff":     {"csv/aliases.csv", "csv/tabs.tsv", "feed/rss2.xml", "feed/atom.xml", "json/array.json", "json/lines.jsonl", "markdown/single.md", "seed-search-results.txt", "bad/binary.csv", "bad/page.html"},
	"FuzzHTML":      {},
	"FuzzDate":      {},
}

// TestFuzzCorpus keeps testdata/fuzz in step with the fixtures: with
// -update it writes them, else it checks that each seed file is there.
func TestFuzzCorpus(t *testing.T) {
	for target, globs := range fuzzSeeds {
		files := map[string]string{}
		for _, g := range globs {
			names, err := filepath.Glob(filepath.Join("testdata", g))
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range names {
				b, err := os.ReadFile(n)
				if err != nil {
					t.Fatal(err)
				}
				files[seedName(n)] = fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", b)
			}
		}
		switch target {
		case "FuzzDate":
			for i, tc := range dateCases {
				files[fmt.Sprintf("date-%02d", i)] = fmt.Sprintf("go test fuzz v1\nstring(%q)\nbool(%v)\n", tc.in, tc.dayFirst)
			}
		case "FuzzHTML":
			for i, s := range []string{"<p>One.</p><p>Two.</p>", "a<br>b", "<script>x</script>y", "&amp;&lt;p&gt;", "<p>Unclosed <i>x", "<table><tr><td>a<td>b</table>", "<!-- c -->d"} {
				files[fmt.Sprintf("html-%02d", i)] = fmt.Sprintf("go test fuzz v1\nstring(%q)\n", s)
			}
		}
		dir := filepath.Join("testdata", "fuzz", target)
		for name, content := range files {
			file := filepath.Join(dir, name)
			if *update {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			} else if _, err := os.Stat(file); err != nil {
				t.Errorf("seed %s is missing (go test -run TestFuzzCorpus -update)", file)
			}
		}
	}
}

// seedName turns testdata/csv/aliases.csv into csv-aliases.csv.
func seedName(path string) string {
	rel, _ := filepath.Rel("testdata", path)
	return strings.ReplaceAll(filepath.ToSlash(rel), "/", "-")
}
