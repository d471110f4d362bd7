package corpus

import (
	"slices"
	"testing"
)

func TestTSV(t *testing.T) {
	rows, err := TSV("table.tsv", 3)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"Rahmon", "person", "gazetteer"}, {"Рахмон", "person", ""}}
	if !slices.EqualFunc(rows, want, slices.Equal) {
		t.Errorf("rows %q, want %q", rows, want)
	}
}

func TestTSVErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    int
		want string
	}{
		{"short-row.tsv", 3, "testdata/short-row.tsv:3: 2 fields, want 3"},
		{"table.tsv", 2, "testdata/table.tsv:3: 3 fields, want 2"},
		{"missing.tsv", 3, "open testdata/missing.tsv: no such file or directory"},
	} {
		if _, err := TSV(tc.name, tc.n); err == nil || err.Error() != tc.want {
			t.Errorf("TSV(%q, %d): error %v, want %s", tc.name, tc.n, err, tc.want)
		}
	}
}
