//go:build !(js && wasm)

package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"broadsheet/app/search"
	"broadsheet/app/timeline"
	"broadsheet/cmd/broadsheet/internal/events"
	"broadsheet/data"
)

const exportUsage = `usage: broadsheet export [-format timelinejs|csv|json] [-q QUERY] [-from DATE] [-to DATE] [-collection DIR] [-base URL]

Writes to standard output the dated events the articles' text mentions
and the articles themselves, as the timeline page offers them: as a
TimelineJS file, as CSV (one row per event, then one per article), or as
Broadsheet's own JSON with every offset. -q keeps the articles the search
engine matches; -from and -to (2025, 2025-03 or 2025-03-14) those whose
date may fall in the range, as the histogram's range does. Events are
read from the text now, with the same code the site build uses.

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

	// The articles: the search's matches (every one, newest first), or all.
	var arts []*data.Article
	res := search.New(c).Run(search.Request{Query: *query, Order: search.ByDate, Limit: max(len(c.Articles), 1), Plain: true})
	if !res.Query.Empty() {
		for i := range res.Hits {
			arts = append(arts, res.Hits[i].Article)
		}
	} else {
		for i := range c.Articles {
			arts = append(arts, &c.Articles[i])
		}
	}
	var shown []*data.Article
	x := events.Extractor{DateParser: events.NewSecondPass()}
	var evs []timeline.Event
	for _, a := range arts {
		if rng.Overlaps(a.Date) {
			shown = append(shown, a)
			evs = append(evs, x.Article(a)...)
		}
	}
	source := timeline.NewEvents(c, evs)
	title := c.Name
	if *query != "" {
		title += " — “" + *query + "”"
	}
	if !rng.IsZero() {
		title += ", published " + rng.String()
	}
	ex := &timeline.Export{Title: title, Articles: shown, Source: source}
	for i := range source.All {
		ex.Events = append(ex.Events, &source.All[i])
	}
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
	fmt.Fprintf(os.Stderr, "exported %d events from %d articles\n", len(ex.Events), len(shown))
	return 0
}
