//go:build !(js && wasm)

package main

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"broadsheet/cmd/broadsheet/internal/ingest"
)

const ingestUsage = `usage: broadsheet ingest -o DIR [flags] SOURCE...

Reads articles from any mix of sources into the collection folder DIR,
writing it only if every source was read: search-results text, CSV and
TSV with a header row, RSS and Atom feeds, JSON arrays and JSON Lines,
and collection folders of Markdown (or single article files). Each
source's format is sniffed from its content unless -format is given.

When DIR already holds a collection, the sources are added to it: every
article it has is kept, with its slug; a version of one of them in the
sources is merged into it (a later-dated version replaces its text, and
is listed); adding the same export twice changes nothing. -replace writes
the sources alone in its place instead.

Versions of one article (same URL less tracking parameters, or same
title on the same day) are merged into the latest: the later date, else
the later row. Undated rows are kept. Broken bytes become U+FFFD, a row
with more fields than its header is cut back to the header's columns,
and both are reported with their line. A body over -max-body (1 MiB), a
title over 1,000 characters, a summary over 64 KB, a source, author,
language or tag over 500 characters is cut at a paragraph or word end
(the article marked truncated), a URL over 4 KB left out: each is
reported with its line and field, and counted as cut. A row without a
title or with a date that cannot be read fails the run, unless -skip-bad
leaves it out.

Exit status: 0 when every row was kept or merged (or, with -skip-bad,
left out and reported), 1 on errors (nothing is written), 2 on bad usage.

flags:
`

func runIngest(args []string) int {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	out := fs.String("o", "", "the collection folder to write (required)")
	name := fs.String("name", "", "the collection's name (default: the first source's)")
	format := fs.String("format", "", "read every source as `FORMAT`: "+formatNames()+" (default: sniffed)")
	mapping := fs.String("map", "", "columns or keys of fields, as `FIELD=COLUMN,...`: title, date, body, summary, url, source, author, tags, language")
	dayFirst := fs.Bool("dayfirst", false, "read 07/03/2022 as 7 March (default: July 3)")
	skipBad := fs.Bool("skip-bad", false, "leave out rows that cannot be read, reporting them, instead of failing")
	replace := fs.Bool("replace", false, "replace the collection at -o with the sources alone, instead of adding to it")
	maxBody := fs.Int("max-body", ingest.DefaultMaxBody, "cut an article's body to at most `BYTES` of text")
	show := fs.Int("problems", 10, "how many kinds of problem to list")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), ingestUsage)
		fs.PrintDefaults()
	}
	// Flags may come after the sources too: "ingest a.csv -o DIR".
	var sources []string
	for {
		if err := fs.Parse(args); err != nil {
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		sources = append(sources, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if *out == "" || len(sources) == 0 {
		fs.Usage()
		return 2
	}
	if *maxBody < 1 {
		fmt.Fprintf(os.Stderr, "broadsheet ingest: -max-body %d: want a number of bytes above 0\n", *maxBody)
		return 2
	}
	opts := ingest.Options{Name: *name, DayFirst: *dayFirst, SkipBad: *skipBad, Replace: *replace, MaxBody: *maxBody}
	if *format != "" {
		opts.Format = ingest.Format(strings.ToLower(*format))
		if !slices.Contains(ingest.Formats, opts.Format) {
			fmt.Fprintf(os.Stderr, "broadsheet ingest: -format %q: want one of %s\n", *format, formatNames())
			return 2
		}
	}
	if *mapping != "" {
		m, err := ingest.ParseFieldMap(*mapping)
		if err != nil {
			fmt.Fprintln(os.Stderr, "broadsheet ingest:", err)
			return 2
		}
		opts.Map = m
	}
	bar := newProgressBar(os.Stderr)
	opts.Progress = bar.update

	rep, err := ingest.Write(*out, opts, sources...)
	bar.clear()
	for _, line := range rep.Lines(*show) {
		fmt.Fprintln(os.Stderr, line)
	}
	if rep.Read > 0 || len(rep.Problems) > 0 {
		fmt.Fprintln(os.Stderr, rep.Summary())
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "broadsheet ingest:", err, "(nothing written)")
		return 1
	}
	fmt.Fprintf(os.Stderr, "wrote %s\n", *out)
	return 0
}

func formatNames() string {
	var s []string
	for _, f := range ingest.Formats {
		s = append(s, string(f))
	}
	return strings.Join(s, ", ")
}

// progressBar draws a line on a terminal for a run that takes more than a
// second; elsewhere (a pipe, a file, CI) it draws nothing.
type progressBar struct {
	f     *os.File
	on    bool
	start time.Time
	last  time.Time
	drawn bool
}

func newProgressBar(f *os.File) *progressBar {
	st, err := f.Stat()
	return &progressBar{f: f, on: err == nil && st.Mode()&os.ModeCharDevice != 0, start: time.Now()}
}

func (b *progressBar) update(done, total int64) {
	now := time.Now()
	if !b.on || total <= 0 || now.Sub(b.start) < time.Second || now.Sub(b.last) < 100*time.Millisecond {
		return
	}
	b.last = now
	const width = 30
	n := int(min(done, total) * width / total)
	fmt.Fprintf(b.f, "\r[%s%s] %3d%% reading", strings.Repeat("#", n), strings.Repeat(" ", width-n), min(done, total)*100/total)
	b.drawn = true
}

func (b *progressBar) clear() {
	if b.drawn {
		fmt.Fprintf(b.f, "\r%s\r", strings.Repeat(" ", 50))
	}
}
