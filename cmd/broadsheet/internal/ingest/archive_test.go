package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"broadsheet/data"
	"broadsheet/data/folder"
)

// articlesBySlug reads the collection at dir, by slug.
func articlesBySlug(t *testing.T, dir string) map[string]data.Article {
	t.Helper()
	c, err := folder.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]data.Article{}
	for _, a := range c.Articles {
		m[a.Slug] = a
	}
	return m
}

// TestAddToArchive: ingesting into a folder that holds a collection adds
// to it and loses nothing; adding the same again changes nothing; a later
// version is merged in and reported; -replace replaces.
func TestAddToArchive(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "archive")
	if _, err := Write(dir, Options{Name: "My archive"}, "testdata/csv/tabs.tsv"); err != nil {
		t.Fatal(err)
	}
	before := articlesBySlug(t, dir)
	if len(before) != 2 {
		t.Fatalf("the archive has %d articles, want 2", len(before))
	}

	// A new article is added; every one the archive had is still there,
	// unchanged, under its slug.
	rep, err := Write(dir, Options{}, "testdata/markdown/single.md")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Archived != 2 || rep.Read != 1 || rep.Added != 1 || rep.Merged != 0 || rep.Kept != 3 {
		t.Errorf("report %+v, want 2 in the archive, 1 read and added, 3 kept", *rep)
	}
	if want := "in the archive 2; read 1, added 1, merged 0, repaired 0, rejected 0; 3 articles now"; rep.Summary() != want {
		t.Errorf("summary %q, want %q", rep.Summary(), want)
	}
	after := articlesBySlug(t, dir)
	for slug, a := range before {
		if !reflect.DeepEqual(after[slug], a) {
			t.Errorf("article %q changed or went missing when another was added:\n%+v\n%+v", slug, a, after[slug])
		}
	}
	if len(after) != 3 {
		t.Errorf("%d articles after adding one to 2", len(after))
	}
	c, err := folder.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "My archive" {
		t.Errorf("the archive's name became %q", c.Name)
	}

	// The same again: merged into what is there, and nothing changes.
	tree := readTree(t, dir)
	rep, err = Write(dir, Options{}, "testdata/markdown/single.md")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 0 || rep.Merged != 1 || rep.Updated != 0 || rep.Kept != 3 {
		t.Errorf("adding the same file again: %s", rep.Summary())
	}
	if !reflect.DeepEqual(readTree(t, dir), tree) {
		t.Error("adding the same file again changed the archive")
	}

	// The output folder given as a source too (the old way to add) is
	// not read twice.
	rep, err = Write(dir, Options{}, dir, "testdata/markdown/single.md")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Kept != 3 || rep.Archived != 3 || !reflect.DeepEqual(readTree(t, dir), tree) {
		t.Errorf("the archive as a source of its own: %s", rep.Summary())
	}

	// A later version of an article replaces its text, keeps its slug,
	// and says so.
	rep, err = Write(dir, Options{}, "testdata/archive/later.csv")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Updated != 1 || rep.Added != 0 || rep.Kept != 3 {
		t.Errorf("a later version: %s", rep.Summary())
	}
	var note string
	for _, line := range rep.Lines(10) {
		if strings.Contains(line, "replaces the archive's") {
			note = line
		}
	}
	if !strings.HasPrefix(note, "testdata/archive/later.csv:2: a later version (2022-04-01) replaces the archive's \"first\" (2022-03)") {
		t.Errorf("the update is reported as %q", note)
	}
	if got := articlesBySlug(t, dir)["first"]; got.Title != "First (corrected)" || got.Body != "A later version of the first article." {
		t.Errorf("the later version is not the article: %+v", got)
	}

	// -replace writes the sources alone, and says what it replaced.
	rep, err = Write(dir, Options{Replace: true}, "testdata/markdown/single.md")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(articlesBySlug(t, dir)); n != 1 || rep.Replaced != 3 || !strings.HasSuffix(rep.Summary(), "; replaced an archive of 3 articles") {
		t.Errorf("-replace left %d articles: %s", n, rep.Summary())
	}
}

// TestDamagedArchiveIsNotAddedTo: an archive with an article file that
// does not read is not rewritten without it.
func TestDamagedArchiveIsNotAddedTo(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "archive")
	if err := os.CopyFS(dir, os.DirFS("testdata/archive/damaged")); err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, dir)
	rep, err := Write(dir, Options{SkipBad: true}, "testdata/markdown/single.md")
	if err == nil || !strings.Contains(strings.Join(rep.Lines(10), "\n"), "mend") {
		t.Fatalf("adding to a damaged archive: error %v, problems %q", err, rep.Lines(10))
	}
	if !reflect.DeepEqual(readTree(t, dir), tree) {
		t.Error("the damaged archive was rewritten")
	}
}

// TestHugeFieldIsCut feeds a row with a 10 MB body and a title of 5,000
// characters: both are cut, the article is kept and marked truncated, and
// the report names the file, line and field.
func TestHugeFieldIsCut(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.csv")
	para := strings.Repeat("word ", 199) + "end."
	var body strings.Builder
	for body.Len() < 10<<20 {
		body.WriteString(para + "\n\n")
	}
	// The title is 4,999 characters once its last space is trimmed.
	csv := fmt.Sprintf("title,date,body\nSmall,2022-01-02,Fine.\n%s,2022-01-03,\"%s\"\n", strings.Repeat("Long ", 1000), body.String())
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	c, rep, err := Files(Options{}, path)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Cut != 2 || rep.Kept != 2 || !strings.Contains(rep.Summary(), ", cut 2") {
		t.Errorf("summary %q, want 2 articles kept and 2 fields cut", rep.Summary())
	}
	lines := strings.Join(rep.Lines(10), "\n")
	for _, want := range []string{
		path + ":3: body: 10.0 MB, cut to 1023.5 KB (-max-body), the article marked truncated",
		path + ":3: title: 4999 characters, cut to 1000",
	} {
		if !strings.Contains(lines, want) {
			t.Errorf("the report lacks %q:\n%s", want, lines)
		}
	}
	var huge data.Article
	for _, a := range c.Articles {
		if a.Title != "Small" {
			huge = a
		}
	}
	if len(huge.Body) > DefaultMaxBody || len(huge.Body) < DefaultMaxBody-len(para)-2 || !huge.Truncated || !strings.HasSuffix(huge.Body, "end.") {
		t.Errorf("the body is %d bytes (truncated %v), ending %q; want it cut at a paragraph end under 1 MiB",
			len(huge.Body), huge.Truncated, huge.Body[max(0, len(huge.Body)-20):])
	}
	if n := len([]rune(huge.Title)); n > maxTitle || !strings.HasSuffix(huge.Title, "…") {
		t.Errorf("the title is %d characters", n)
	}
	// The limit is a flag.
	_, rep, err = Files(Options{MaxBody: 20 << 20}, path)
	if err != nil || rep.Cut != 1 {
		t.Errorf("with -max-body 20 MB: %v, %s", err, rep.Summary())
	}
}
