package entity

import (
	"testing"

	"broadsheet/data/corpus"
)

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
