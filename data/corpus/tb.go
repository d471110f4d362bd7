package corpus

import (
	"broadsheet/data"
	"broadsheet/data/folder"
)

// TB is what the helpers below need of a test, benchmark or fuzz target:
// every testing.TB has it. corpus is not a test file, so it names the
// methods instead of importing testing.
type TB interface {
	Helper()
	Fatal(args ...any)
	Skip(args ...any)
}

// Seed reads the default collection, the six articles most tests are
// about; a failure fails the test.
func Seed(t TB) *data.Collection {
	t.Helper()
	c, err := folder.Read(data.Default())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// BBCOrSkip is BBC for a test: the test is skipped where the export is
// not there.
func BBCOrSkip(t TB) *data.Collection {
	t.Helper()
	c, err := BBC()
	if err != nil {
		t.Skip(err)
	}
	return c
}

// Table is TSV for a test: an error (it names the file and line) fails it.
func Table(t TB, name string, n int) [][]string {
	t.Helper()
	rows, err := TSV(name, n)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
