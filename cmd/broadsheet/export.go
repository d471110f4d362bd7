//go:build !(js && wasm)

package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"broadsheet/app/i18n"
	"broadsheet/app/timeline"
	"broadsheet/cmd/broadsheet/internal/derive"
)

const exportUsage = `usage: broadsheet export [-format timelinejs|csv|json] [-q QUERY] [-from DATE] [-to DATE] [-collection DIR] [-base URL]

Writes to standard output the dated events the articles' text mentions
and the articles themselves, as the timeline page offers them: as a
TimelineJS file, as CSV (one row per event, then one per article), or as
Broadsheet's own JSON with every offset. -q keeps the articles the search
engine matches; -from and -to (2025, 2025-03 or 2025-03-14) those whose
date may fall in the range, as the histogram's range does. The index
and the events are derived from the collection now, as the site build
derives them.

flags:
`

func runExport(args []string) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	format := fs.String("format", "timelinejs", "timelinejs, csv or json")
	query := fs.String("q", "", "search query: export the matching articles only")
	from := fs.String("from", "", "earliest publication date (YYYY, YYYY-MM or YYYY-MM-DD)")
	to := fs.String("to", "", "latest publication date, inclusive")
	coll := fs.String("collection", "", "collection folder (default: the seed collection built in)")
	base := fs.String("base", "", "URL the site is served at, to make links absolute (e.g. https://example.org/broadsheet)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), exportUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	rng, err := timeline.ParseRange(*from, *to)
	if err != nil {
		fmt.Fprintln(os.Stderr, "broadsheet export:", err)
		return 2
	}
	c, err := readCollection(*coll)
	if err != nil {
		fmt.Fprintln(os.Stderr, "broadsheet export:", err)
		return 1
	}

	// The index and the events the site would ship (derive.Bundle), and
	// the view the timeline page would show of them.
	b, err := derive.Bundle(c)
	if err != nil {
		fmt.Fprintln(os.Stderr, "broadsheet export:", err)
		return 1
	}
	view := timeline.NewView(c, b.Events, b.Index.Matching, *query, rng)
	ex := view.Export(i18n.English)
	if b := strings.TrimRight(*base, "/"); b != "" {
		ex.Link = func(path string) string { return b + path }
	}

	var out []byte
	switch *format {
	case "timelinejs":
		out, err = ex.TimelineJS()
	case "csv":
		out, err = ex.CSV()
	case "json":
		out, err = ex.JSON()
	default:
		fmt.Fprintf(os.Stderr, "broadsheet export: -format %q: want timelinejs, csv or json\n", *format)
		return 2
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "broadsheet export:", err)
		return 1
	}
	if _, err := os.Stdout.Write(out); err != nil {
		fmt.Fprintln(os.Stderr, "broadsheet export:", err)
		return 1
	}
	if len(out) > 0 && out[len(out)-1] != '\n' {
		fmt.Println()
	}
	fmt.Fprintf(os.Stderr, "exported %d events from %d articles\n", len(ex.Events), len(ex.Articles))
	return 0
}
