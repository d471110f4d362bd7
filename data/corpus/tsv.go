package corpus

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TSV reads a test fixture of tab-separated lines from the calling
// package's testdata folder, skipping blank lines and # comments, and
// fails the test at a line without exactly n fields.
func TSV(tb testing.TB, name string, n int) [][]string {
	tb.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	s := bufio.NewScanner(f)
	for line := 1; s.Scan(); line++ {
		if s.Text() == "" || strings.HasPrefix(s.Text(), "#") {
			continue
		}
		row := strings.Split(s.Text(), "\t")
		if len(row) != n {
			tb.Fatalf("testdata/%s:%d: %d fields, want %d", name, line, len(row), n)
		}
		rows = append(rows, row)
	}
	if err := s.Err(); err != nil {
		tb.Fatalf("testdata/%s: %v", name, err)
	}
	return rows
}
