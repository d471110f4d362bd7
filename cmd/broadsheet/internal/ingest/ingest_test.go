package ingest

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"broadsheet/data"
	"broadsheet/data/corpus"
	"broadsheet/data/folder"
)

func TestSniff(t *testing.T) {
	for _, tc := range []struct {
		file string
		want Format
	}{
		{"testdata/seed-search-results.txt", FormatResults},
		{"testdata/csv/aliases.csv", FormatCSV},
		{"testdata/csv/semicolon.csv", FormatCSV},
		{"testdata/csv/tabs.tsv", FormatTSV},
		{"testdata/csv/bbc-sample.csv", FormatCSV},
		{"testdata/feed/rss2.xml", FormatRSS},
		{"testdata/feed/rdf.xml", FormatRSS},
		{"testdata/feed/latin1.xml", FormatRSS},
		{"testdata/feed/atom.xml", FormatAtom},
		{"testdata/json/array.json", FormatJSON},
		{"testdata/json/feed.json", FormatJSON},
		{"testdata/json/lines.jsonl", FormatJSONLines},
		{"testdata/markdown/single.md", FormatMarkdown},
	} {
		b, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Sniff(tc.file, toUTF8(tc.file, b, func(Problem) {}))
		if err != nil || got != tc.want {
			t.Errorf("Sniff(%s) = %q, %v; want %q", tc.file, got, err, tc.want)
		}
	}
}

// TestMalformed: every file that cannot be read fails the run with a
// message naming the file (and the line, where there is one), and leaves a
// collection already at the output folder as it was.
func TestMalformed(t *testing.T) {
	for _, tc := range []struct {
		file   string
		opts   Options
		want   string // in the first problem
		noLine bool   // the problem is the file's as a whole
	}{
		{"testdata/bad/empty.csv", Options{}, "empty file", true},
		{"testdata/bad/blank.txt", Options{}, "empty file", true},
		{"testdata/bad/header-only.csv", Options{}, "no rows after the header", false},
		{"testdata/bad/no-title-column.csv", Options{}, `no title column (columns: "name", "date", "body")`, false},
		{"testdata/bad/binary.csv", Options{}, "binary data", true},
		{"testdata/bad/unknown.dat", Options{}, "unknown format", true},
		{"testdata/bad/page.html", Options{}, "an HTML page, not a feed", true},
		{"testdata/bad/note.xml", Options{}, "root element is <note>", false},
		{"testdata/bad/truncated.rss", Options{}, "RSS: ", false},
		{"testdata/bad/truncated.atom", Options{}, "Atom: ", false},
		{"testdata/bad/no-items.rss", Options{}, `RSS feed "Empty channel" has no items`, true},
		{"testdata/bad/bad.json", Options{}, "JSON: invalid character '}'", false},
		{"testdata/bad/truncated.json", Options{}, "ends in the middle of a value", false},
		{"testdata/bad/no-title.json", Options{}, "no title key in any object (keys: date, name)", false},
		{"testdata/bad/scalar.json", Options{}, "expected an array of articles", false},
		{"testdata/csv/bad-date.csv", Options{}, `pubDate: date "sometime last week"`, false},
		{"testdata/csv/no-title.csv", Options{}, "no title", false},
		{"testdata/csv/unclosed-quote.csv", Options{}, "never closed", false},
		{"testdata/csv/quote-swallows-rows.csv", Options{}, "closes only on line 4, swallowing 2 row(s)", false},
		{"testdata/feed/bad-date.xml", Options{}, `pubDate: date "the day before yesterday"`, false},
		{"testdata/json/lines.jsonl", Options{}, "not a JSON object", false},
		{"testdata/markdown/broken", Options{}, "missing front matter", false},
		{"testdata/csv/mapped.csv", Options{Map: FieldMap{FieldTitle: "Nope"}}, `-map title=Nope: no such column (columns: "Headlines", "Time", "Description", "Extra")`, false},
		{"testdata/json/array.json", Options{Map: FieldMap{FieldDate: "when"}}, "-map date=when: no object has that key", false},
		{"testdata/feed/rss2.xml", Options{Format: FormatCSV}, "", false},
		{"testdata/csv/aliases.csv", Options{Format: FormatJSON}, "JSON: invalid character", false},
		{"testdata/no-such-file.csv", Options{}, "no such file", true},
	} {
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "collection")
			if _, err := Write(out, Options{}, "testdata/markdown/single.md"); err != nil {
				t.Fatal(err)
			}
			before := readTree(t, out)

			rep, err := Write(out, tc.opts, tc.file)
			if err == nil {
				t.Fatalf("no error; report %s", rep.Summary())
			}
			if len(rep.Problems) == 0 {
				t.Fatalf("error %v but no problem reported", err)
			}
			p := rep.Problems[0]
			for _, q := range rep.Problems {
				if q.Kind >= Rejected {
					p = q
					break
				}
			}
			if !strings.HasPrefix(p.File, tc.file) || !strings.Contains(p.Msg, tc.want) {
				t.Errorf("problem %q; want one about %s saying %q", p, tc.file, tc.want)
			}
			if !tc.noLine && p.Line == 0 {
				t.Errorf("problem %q names no line", p)
			}
			if after := readTree(t, out); !reflect.DeepEqual(before, after) {
				t.Errorf("the collection at the output folder changed")
			}
			if ents, _ := os.ReadDir(filepath.Dir(out)); len(ents) != 1 {
				t.Errorf("%d entries beside the output folder, want it alone", len(ents))
			}
		})
	}
}

// TestWriteRefusesOtherFolders: -o pointing at a folder that is not a
// collection must not wipe it.
func TestWriteRefusesOtherFolders(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir, Options{}, "testdata/markdown/single.md"); err == nil || !strings.Contains(err.Error(), "not a collection") {
		t.Fatalf("Write over a folder of notes: error %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "notes.txt")); err != nil || string(b) != "keep me" {
		t.Fatalf("the folder's file is gone or changed: %v", err)
	}
	// An existing collection is replaced when asked to (and added to
	// otherwise: see TestAddToArchive).
	if _, err := Write(filepath.Join(dir, "c"), Options{}, "testdata/markdown/single.md"); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(filepath.Join(dir, "c"), Options{Replace: true}, "testdata/csv/tabs.tsv"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "c", "articles", "single.md")); !os.IsNotExist(err) {
		t.Errorf("the old collection's article is still there: %v", err)
	}
}

// readTree maps each file under dir to its content.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		files[strings.TrimPrefix(p, dir)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestStable: the same sources give the same collection, slugs included,
// and a collection read back in gives itself.
func TestStable(t *testing.T) {
	sources := []string{"testdata/csv/collisions.csv", "testdata/csv/duplicates.csv", "testdata/csv/aliases.csv", "testdata/feed/rss2.xml", "testdata/json/feed.json"}
	a, _, err := Files(Options{}, sources...)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := Files(Options{}, sources...)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("two runs over the same sources differ")
	}
	dir := filepath.Join(t.TempDir(), "c")
	if err := folder.WriteDir(dir, a); err != nil {
		t.Fatal(err)
	}
	again, rep, err := Files(Options{}, dir)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Merged != 0 || !reflect.DeepEqual(a.Articles, again.Articles) {
		t.Errorf("re-ingesting the written collection changed it (%s)", rep.Summary())
	}
	// And merging it with its own sources changes nothing either.
	merged, _, err := Files(Options{}, append([]string{dir}, sources...)...)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.Articles, merged.Articles) {
		t.Errorf("merging the collection with its own sources changed it")
	}
}

// TestSeedUnchanged: the search-results parser still makes the committed
// default collection (whose dates were added by hand afterwards).
func TestSeedUnchanged(t *testing.T) {
	c, _, err := Files(Options{}, "testdata/seed-search-results.txt")
	if err != nil {
		t.Fatal(err)
	}
	want, err := folder.Read(data.Default())
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != len(want.Articles) {
		t.Fatalf("%d articles, want %d", len(c.Articles), len(want.Articles))
	}
	bySlug := map[string]int{}
	for i, a := range want.Articles {
		bySlug[a.Slug] = i
	}
	for _, a := range c.Articles {
		i, ok := bySlug[a.Slug]
		if !ok {
			t.Errorf("slug %q is not in the default collection", a.Slug)
			continue
		}
		w := want.Articles[i]
		if a.Title != w.Title || a.Body != w.Body || a.Truncated != w.Truncated {
			t.Errorf("article %q differs from the default collection's", a.Slug)
		}
	}
}

// TestBBC runs the real 10,731-row export when the shared corpus is there.
func TestBBC(t *testing.T) {
	file := corpus.BBCPath()
	if _, err := os.Stat(file); err != nil {
		t.Skip("no shared corpus:", err)
	}
	start := time.Now()
	c, rep, err := Files(Options{}, file)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s in %v", rep.Summary(), time.Since(start))
	if rep.Read != 10731 || rep.Kept != 9780 || rep.Merged != 951 || rep.Rejected != 0 || len(c.Articles) != 9780 {
		t.Errorf("%s; want read 10731, kept 9780, merged 951, rejected 0", rep.Summary())
	}
	lines := map[int]bool{}
	for _, p := range rep.Problems {
		lines[p.Line] = true
	}
	if !lines[4947] || !lines[8292] {
		t.Errorf("the row that swallowed its neighbour (4947) or the one with broken bytes (8292) is not reported")
	}
}
