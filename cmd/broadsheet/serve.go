//go:build !(js && wasm)

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"broadsheet/cmd/broadsheet/internal/server"
)

// runServe serves a built site until SIGINT or SIGTERM, then lets requests
// in flight finish and returns 0. A second signal during that wait kills the
// process at once.
func runServe(args []string) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	dir := fs.String("dir", "dist", "built site folder to serve")
	addr := fs.String("addr", ":8000", "address to listen on: `[HOST]:PORT` (PORT 0 picks a free port)")
	quiet := fs.Bool("quiet", false, "do not log each request to stderr")
	base := fs.String("base", "/", "serve the site under this path, as it was built with build -base")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: broadsheet serve [-dir DIR] [-addr [HOST]:PORT] [-base /sub/path/] [-quiet]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "broadsheet serve: unexpected argument %q (the folder is given with -dir)\n", fs.Arg(0))
		fs.Usage()
		return 2
	}

	listenAddr := *addr
	if _, err := strconv.ParseUint(listenAddr, 10, 16); err == nil {
		listenAddr = ":" + listenAddr // a bare port, as in -addr 8000
	}
	if _, _, err := net.SplitHostPort(listenAddr); err != nil {
		fmt.Fprintf(os.Stderr, "broadsheet serve: -addr %s: want [HOST]:PORT\n", *addr)
		return 2
	}

	var opts []server.Option
	if !*quiet {
		opts = append(opts, server.WithAccessLog(os.Stderr))
	}
	site, err := server.New(*dir, opts...)
	if err != nil {
		fmt.Fprintln(os.Stderr, "broadsheet serve:", err)
		if errors.Is(err, server.ErrNotSite) {
			fmt.Fprintf(os.Stderr, "build the site first: broadsheet build -o %s\n", *dir)
		}
		return 1
	}

	var h http.Handler = site
	prefix := "/" + strings.Trim(*base, "/")
	if prefix != "/" {
		// A site built for a sub-path, as a static host would serve it.
		mux := http.NewServeMux()
		mux.Handle(prefix+"/", http.StripPrefix(prefix, site))
		mux.Handle(prefix, http.RedirectHandler(prefix+"/", http.StatusMovedPermanently))
		mux.Handle("/", http.RedirectHandler(prefix+"/", http.StatusFound))
		h = mux
	}

	ln, err := net.Listen("tcp", listenAddr)
	if err != nil {
		fmt.Fprintf(os.Stderr, "broadsheet serve: cannot listen on %s: %v\n", *addr, err)
		return 1
	}
	// Test harnesses read this line for the port; keep its shape.
	fmt.Printf("serving %s on %s\n", site.Dir(), strings.TrimSuffix(server.URL(ln.Addr()), "/")+strings.TrimSuffix(prefix, "/")+"/")

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	announced := make(chan struct{})
	go func() {
		defer close(announced)
		<-ctx.Done()
		stop() // restore the default action: a second signal kills
		fmt.Fprintln(os.Stderr, "broadsheet serve: shutting down, finishing requests in flight")
	}()

	err = server.Run(ctx, ln, h, os.Stderr)
	if ctx.Err() != nil {
		<-announced
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "broadsheet serve:", err)
		return 1
	}
	fmt.Fprintln(os.Stderr, "broadsheet serve: stopped")
	return 0
}
