//go:build !(js && wasm)

package main

import (
	"flag"
	"fmt"
	"os"

	"broadsheet/data/folder"
	"broadsheet/data/ingest"
)

func runIngest(args []string) int {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	out := fs.String("o", "", "collection folder to write (required)")
	name := fs.String("name", "", "the collection's name")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: broadsheet ingest -o DIR [flags] SOURCE...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	c, rep, err := ingest.Files(ingest.Options{Name: *name}, fs.Args()...)
	for i, p := range rep.Problems {
		if i == 10 {
			fmt.Fprintf(os.Stderr, "... and %d more\n", len(rep.Problems)-i)
			break
		}
		fmt.Fprintln(os.Stderr, p)
	}
	fmt.Fprintln(os.Stderr, rep.Summary())
	if err != nil {
		fmt.Fprintln(os.Stderr, "broadsheet ingest:", err, "(nothing written)")
		return 1
	}
	if err := folder.WriteDir(*out, c); err != nil {
		fmt.Fprintln(os.Stderr, "broadsheet ingest:", err, "(nothing written)")
		return 1
	}
	return 0
}
