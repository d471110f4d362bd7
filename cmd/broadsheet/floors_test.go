package main

import (
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The floors of the tree, from the ground up (README, "How it is built"):
//
//	data/                 the model, the collection folder, the seed
//	app/<pure>/           what the browser and the build share: pure Go
//	app/ui/               the go-app components
//	cmd/broadsheet/internal/...  build-time work and the server
//	cmd/broadsheet        the binary
//
// Every import points down. TestFloors holds the tree to it with the
// imports `go list` reports, for the native build and for the wasm.
func TestFloors(t *testing.T) {
	type pkg struct {
		ImportPath string
		Imports    []string
		GoFiles    []string
	}
	for _, goos := range []string{"", "js"} {
		cmd := exec.Command("go", "list", "-json", "broadsheet/...")
		cmd.Dir = filepath.Join("..", "..")
		cmd.Env = os.Environ()
		if goos == "js" {
			cmd.Env = append(cmd.Env, "GOOS=js", "GOARCH=wasm")
		}
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list: %v", err)
		}
		dec := json.NewDecoder(strings.NewReader(string(out)))
		goApp := map[string]bool{}
		for {
			var p pkg
			if err := dec.Decode(&p); err == io.EOF {
				break
			} else if err != nil {
				t.Fatal(err)
			}
			floor := floorOf(p.ImportPath)
			for _, imp := range p.Imports {
				switch {
				case imp == "testing":
					t.Errorf("%s imports testing outside its tests", p.ImportPath)
				case strings.HasPrefix(imp, "github.com/maxence-charriere/go-app/"):
					goApp[p.ImportPath] = true
				case imp == "syscall/js" && floor != floorUI && floor != floorBinary:
					t.Errorf("%s (%s) imports syscall/js: only the components and the binary run in the browser alone", p.ImportPath, floorNames[floor])
				}
				if !strings.HasPrefix(imp, "broadsheet/") && imp != "broadsheet" {
					continue
				}
				if to := floorOf(imp); to > floor {
					t.Errorf("%s (%s) imports %s (%s): imports must point down", p.ImportPath, floorNames[floor], imp, floorNames[to])
				}
			}
		}
		for p := range goApp {
			if floorOf(p) != floorUI && floorOf(p) < floorBuild {
				t.Errorf("%s imports go-app: only app/ui and what is above it may", p)
			}
		}
		if !goApp["broadsheet/app/ui"] {
			t.Errorf("GOOS=%q: app/ui does not import go-app; is the list of floors out of date?", goos)
		}
	}
	// The folder app/ holds packages only, no Go files of its own.
	if files, _ := filepath.Glob(filepath.Join("..", "..", "app", "*.go")); len(files) > 0 {
		t.Errorf("app/ has Go files of its own: %q", files)
	}
}

const (
	floorModel = iota
	floorPure
	floorUI
	floorBuild
	floorBinary
)

var floorNames = []string{"the model", "a pure package", "the components", "build time", "the binary"}

func floorOf(path string) int {
	switch {
	case path == "broadsheet/data" || strings.HasPrefix(path, "broadsheet/data/"):
		return floorModel
	case path == "broadsheet/app/ui":
		return floorUI
	case strings.HasPrefix(path, "broadsheet/app/"):
		return floorPure
	case strings.HasPrefix(path, "broadsheet/cmd/broadsheet/internal/"):
		return floorBuild
	}
	return floorBinary
}
