package wasmsize

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// TestBreakdown builds the app for the browser and prints what its code is
// made of, largest package first (BROADSHEET_BENCH=1 prints the top 40;
// otherwise the test checks the breakdown and that no server-only package
// is in the client).
func TestBreakdown(t *testing.T) {
	// Symbols kept (no -s -w): the breakdown needs the function names.
	b := buildWasm(t)
	r, err := Read(b)
	if err != nil {
		t.Fatal(err)
	}
	sum := 0
	for _, p := range r.Packages {
		sum += p.Bytes
	}
	if sum == 0 || sum > r.Code {
		t.Fatalf("packages add up to %d bytes of a %d-byte code section", sum, r.Code)
	}
	// Server-only and build-time code must stay out of the client.
	for _, p := range r.Packages {
		for _, banned := range []string{"broadsheet/data/folder", "broadsheet/data/corpus",
			"broadsheet/cmd/broadsheet/internal", "github.com/mmcdole/gofeed", "github.com/markusmobius", "gopkg.in/yaml",
			"github.com/andybalholm/brotli", "text/template", "net/http/httptest"} {
			if strings.HasPrefix(p.Path, banned) {
				t.Errorf("%s (%d bytes) is in app.wasm", p.Path, p.Bytes)
			}
		}
	}
	if os.Getenv("BROADSHEET_BENCH") == "" {
		return
	}
	fmt.Printf("\napp.wasm without -s -w: %d B (code %d, data %d); code by package:\n", r.Total, r.Code, r.Data)
	for i, p := range r.Packages {
		if i == 40 {
			break
		}
		fmt.Printf("%9d B %6.1f%% %5d funcs  %s\n", p.Bytes, 100*float64(p.Bytes)/float64(r.Code), p.Funcs, p.Path)
	}
}

func TestPkgOf(t *testing.T) {
	for _, c := range []struct{ sym, want string }{
		{"runtime.__rwmutex_.rlock", "runtime"},
		{"broadsheet_app_search.__Index_.termIndex", "broadsheet/app/search"},
		{"github.com_sahilm_fuzzy.Find", "github.com/sahilm/fuzzy"},
		{"github.com_maxence-charriere_go-app_v10_pkg_app.__Handler_.ServeHTTP", "github.com/maxence-charriere/go-app/v10/pkg/app"},
		{"fmt.__pp_.doPrintf", "fmt"},
		{"golang.org_x_text_unicode_norm.Form.String", "golang.org/x/text/unicode/norm"},
		{"slices.partialInsertionSortOrdered_go.shape.uint32_", "slices"},
		{"", "(unnamed)"},
	} {
		if got := pkgOf(c.sym); got != c.want {
			t.Errorf("pkgOf(%q) = %q, want %q", c.sym, got, c.want)
		}
	}
}

// budget is issue 8's ceiling for app.wasm as readers download it.
const budget = 1_600_000

// TestBudget builds app.wasm as the Makefile ships it and holds it to the
// budget, compressed as the site build compresses it (brotli quality 11,
// a 16 MB window for a file this size). It takes about half a minute, and
// it is the only thing that notices a change that costs the budget: one
// build's size moves by a few KB with layout alone.
func TestBudget(t *testing.T) {
	b := buildWasm(t, "-ldflags=-s -w")
	var br bytes.Buffer
	w := brotli.NewWriterOptions(&br, brotli.WriterOptions{Quality: 11, LGWin: 24})
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("app.wasm: %d B raw, %d B brotli, %d B under the budget", len(b), br.Len(), budget-br.Len())
	if br.Len() > budget {
		t.Errorf("app.wasm is %d B brotli, over the %d B budget by %d B (README, \"Sizes and budgets\")", br.Len(), budget, br.Len()-budget)
	}
}

// buildWasm builds the app for the browser with the Makefile's -trimpath
// and -gcflags=all=-l, and the flags given, and returns app.wasm.
func buildWasm(t *testing.T, flags ...string) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "app.wasm")
	args := append([]string{"build", "-trimpath", "-gcflags=all=-l"}, flags...)
	build := exec.Command("go", append(args, "-o", out, "../..")...)
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if msg, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building: %v\n%s", err, msg)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
