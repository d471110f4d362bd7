package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// TestEveryMessageIsTranslated reads the components' source (app/ui/*.go)
// and fails on any message given to T, Tf or N that the Russian catalogue
// lacks, and on catalogue entries no component uses any more.
func TestEveryMessageIsTranslated(t *testing.T) {
	files, err := filepath.Glob("../ui/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no component sources found: %v", err)
	}
	used := map[string]string{}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			id, ok := call.Fun.(*ast.Ident)
			if !ok || (id.Name != "T" && id.Name != "Tf" && id.Name != "N") {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			msg, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			used[msg] = fset.Position(lit.Pos()).String()
			return true
		})
	}
	if len(used) < 20 {
		t.Fatalf("found only %d messages: is the scan looking in the right place?", len(used))
	}
	for msg, at := range used {
		if !strings.ContainsFunc(msg, unicode.IsLetter) || msg == "Broadsheet" {
			continue // punctuation and the product's name stay as they are
		}
		if _, ok := russian[msg]; !ok {
			t.Errorf("%s: %q has no Russian translation", at, msg)
		}
	}
	for msg := range russian {
		if _, ok := used[msg]; !ok && !strings.HasPrefix(msg, "{0}") {
			t.Errorf("the Russian catalogue translates %q, which no component uses", msg)
		}
	}
}
