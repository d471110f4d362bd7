//go:build !(js && wasm)

package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"broadsheet/cmd/broadsheet/internal/site"
)

func runBuild(args []string) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	out := fs.String("o", "dist", "folder to write the site to (replaced whole)")
	base := fs.String("base", "/", "the path the site is served under, e.g. /broadsheet/")
	coll := fs.String("collection", "", "collection folder to embed (default: the seed collection built in)")
	web := fs.String("web", "web", "folder of static assets, app.wasm included")
	compress := fs.Bool("compress", true, "write .br and .gz beside text files and the wasm")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the build to `FILE`")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: broadsheet build [-o DIR] [-base /sub/path/] [-collection DIR] [-web DIR]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	start := time.Now()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "broadsheet build:", err)
			return 1
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	c, err := readCollection(*coll)
	if err != nil {
		fmt.Fprintln(os.Stderr, "broadsheet build:", err)
		return 1
	}
	rep, err := site.Build(site.Options{Out: *out, Base: *base, Collection: c, Web: os.DirFS(*web), Compress: *compress})
	if err != nil {
		fmt.Fprintln(os.Stderr, "broadsheet build:", err, "(nothing written)")
		return 1
	}
	fmt.Fprintf(os.Stderr, "built %s: %d articles, %d pages, %d files, %.1f MB (app.wasm %.1f MB), version %s, in %s\n",
		*out, len(c.Articles), rep.Pages, rep.Files, float64(rep.Bytes)/1e6, float64(rep.WasmBytes)/1e6,
		rep.Version, time.Since(start).Round(time.Millisecond))
	return 0
}
