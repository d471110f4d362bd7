package corpus

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// TSV reads a fixture table of tab-separated lines from testdata/name in
// the current folder (a test's is its package's), skipping blank lines
// and # comments. A line without exactly n fields is an error naming the
// file and line.
func TSV(name string, n int) ([][]string, error) {
	path := filepath.Join("testdata", name)
	f, err := os.Open(path)
	if err != nil {
		return nil, err
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
			return nil, fmt.Errorf("%s:%d: %d fields, want %d", path, line, len(row), n)
		}
		rows = append(rows, row)
	}
	if err := s.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return rows, nil
}
