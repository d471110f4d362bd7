//go:build !(js && wasm)

// Command broadsheet is the one binary of Broadsheet, the top floor of the
// tree. Built for the browser (GOOS=js GOARCH=wasm) it runs the app
// (main_wasm.go: app/bundle and app/ui); built natively it ingests
// collections, builds the static site, serves it and exports timelines,
// through the build-time packages under internal/. The native commands
// live in files the wasm build does not compile, so none of their code
// reaches app.wasm.
package main

import (
	"fmt"
	"os"
)

const usage = `usage: broadsheet <command> [flags]

commands:
  ingest   read articles from files into a collection folder
  build    write the static site for a collection
  serve    serve a built site
  export   write the timeline's events and articles (TimelineJS, CSV, JSON)

Run "broadsheet <command> -h" for a command's flags.
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	cmds := map[string]func([]string) int{
		"ingest": runIngest,
		"build":  runBuild,
		"serve":  runServe,
		"export": runExport,
	}
	run, ok := cmds[os.Args[1]]
	if !ok {
		if os.Args[1] != "-h" && os.Args[1] != "help" && os.Args[1] != "--help" {
			fmt.Fprintf(os.Stderr, "broadsheet: unknown command %q\n", os.Args[1])
		}
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	os.Exit(run(os.Args[2:]))
}
