package entities

import (
	"testing"

	"broadsheet/data"
	"broadsheet/data/corpus"
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

// bbc is the BBC feed of 2022 (shared/corpora), read by data/corpus.
// Tests that need it skip without it.
func bbc(t testing.TB) *data.Collection {
	t.Helper()
	c, err := corpus.BBC()
	if err != nil {
		t.Skip(err)
	}
	return c
}

// tsv reads the fixture table testdata/name, n fields a line; an error
// (it names the file and line) fails the test.
func tsv(t testing.TB, name string, n int) [][]string {
	t.Helper()
	rows, err := corpus.TSV(name, n)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
