//go:build !(js && wasm)

package main

// Offline, update and sub-path tests. Chrome's offline emulation still lets
// a service worker reach the server, so these tests really cut the network:
// they stop the server and then navigate.

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"broadsheet/cmd/broadsheet/internal/server"
	"broadsheet/cmd/broadsheet/internal/site"
	"broadsheet/data"
)

// switchableSite serves one built folder, then another: a deploy.
type switchableSite struct {
	h atomic.Pointer[http.Handler]
}

func (s *switchableSite) set(t *testing.T, dir string) {
	h, err := server.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	var hh http.Handler = h
	s.h.Store(&hh)
}

func (s *switchableSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	(*s.h.Load()).ServeHTTP(w, r)
}

// serveUnder serves h under prefix ("" for the root) on a fresh loopback
// port, which is also a fresh origin with no service worker yet.
func serveUnder(prefix string, h http.Handler) *httptest.Server {
	if prefix == "" {
		return httptest.NewServer(h)
	}
	mux := http.NewServeMux()
	mux.Handle(prefix+"/", http.StripPrefix(prefix, h))
	mux.Handle(prefix, http.RedirectHandler(prefix+"/", http.StatusMovedPermanently))
	return httptest.NewServer(mux)
}

// buildSite builds the test collection (changed by edit, if given) under
// base into a new folder.
func buildSite(t *testing.T, base string, edit func(*data.Collection)) string {
	t.Helper()
	e := setup(t)
	c := testCollection(t)
	if edit != nil {
		edit(c)
		c.Sort()
	}
	dist := filepath.Join(t.TempDir(), "dist")
	web := os.DirFS(filepath.Join(filepath.Dir(e.dist), "web"))
	if _, err := site.Build(site.Options{Out: dist, Base: base, Collection: c, Web: web, Compress: true}); err != nil {
		t.Fatal(err)
	}
	return dist
}

// waitOffline waits until this version's worker has precached everything
// and controls the page.
func waitOffline(t *testing.T, ctx context.Context) {
	t.Helper()
	waitFor(t, ctx, "the offline copy", `document.documentElement.getAttribute("data-offline-ready") === "true" && !!navigator.serviceWorker.controller`)
}

func checkOfflinePages(t *testing.T, ctx context.Context, root string) {
	t.Helper()
	open(t, ctx, root+"/?q=rahmon")
	waitFor(t, ctx, "offline search results", `document.querySelectorAll(".result").length >= 3`)
	if v := eval[string](t, ctx, `document.getElementById("search-input").value`); v != "rahmon" {
		t.Errorf("offline search box = %q", v)
	}
	open(t, ctx, root+"/timeline")
	if n := eval[int](t, ctx, `document.querySelectorAll(".month").length`); n < 3 {
		t.Errorf("offline timeline shows %d months", n)
	}
	open(t, ctx, root+"/article/tiktoker-arrested-for-insulting-uzbek-citizens-online")
	if h1 := textOf(t, ctx, "article h1"); !strings.HasPrefix(h1, "TikToker") {
		t.Errorf("offline article shows %q", h1)
	}
	open(t, ctx, root+"/")
	if n := eval[int](t, ctx, `document.querySelectorAll(".result").length`); n == 0 {
		t.Error("offline start page lists no articles")
	}
}

func TestOfflineAfterOneVisit(t *testing.T) {
	e := setup(t)
	srv := serveUnder("", mustServer(t, e.dist))
	ctx := e.tab(t)
	open(t, ctx, srv.URL+"/")
	waitOffline(t, ctx)
	srv.Close() // the network is gone
	checkOfflinePages(t, ctx, srv.URL)
}

func TestOfflineUnderSubPath(t *testing.T) {
	e := setup(t)
	dist := buildSite(t, "/broadsheet/", nil)
	srv := serveUnder("/broadsheet", mustServer(t, dist))
	ctx := e.tab(t)
	open(t, ctx, srv.URL+"/broadsheet/")
	// Links rendered by the live app keep the sub-path.
	hrefs := eval[[]string](t, ctx, `[...document.querySelectorAll("a[href]")].map(a => a.getAttribute("href")).filter(h => h.startsWith("/"))`)
	for _, h := range hrefs {
		if !strings.HasPrefix(h, "/broadsheet/") {
			t.Errorf("live link %q lacks the sub-path", h)
		}
	}
	manifest := evalAwait[string](t, ctx, `fetch("/broadsheet/manifest.webmanifest").then(r => r.text())`)
	if !strings.Contains(manifest, `"scope": "/broadsheet/"`) || !strings.Contains(manifest, `"start_url": "/broadsheet/"`) {
		t.Errorf("manifest scope/start_url not under the sub-path: %s", manifest)
	}
	waitOffline(t, ctx)
	srv.Close()
	checkOfflinePages(t, ctx, srv.URL+"/broadsheet")
	// A link clicked offline stays under the sub-path.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`nav a[href$="/timeline"]`))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the timeline", `location.pathname === "/broadsheet/timeline" && document.querySelectorAll(".month").length > 0`)
}

func TestUpdateIsOfferedAndOldVersionKeepsWorking(t *testing.T) {
	e := setup(t)
	next := buildSite(t, "/", func(c *data.Collection) {
		c.Articles = append(c.Articles, data.Article{
			Slug: "a-new-deploy", Title: "A New Deploy Brings One More Article",
			Body: "This article exists only in the second build.",
			Date: data.Date{Start: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), Precision: data.PrecisionMonth},
		})
	})
	sw := &switchableSite{}
	sw.set(t, e.dist)
	srv := httptest.NewServer(sw)
	defer srv.Close()
	ctx := e.tab(t)
	open(t, ctx, srv.URL+"/")
	waitOffline(t, ctx)
	firstTitle := textOf(t, ctx, ".result h2")

	sw.set(t, next) // deploy the new build
	open(t, ctx, srv.URL+"/")
	waitFor(t, ctx, "the update offer", `!!document.getElementById("sw-update")`)
	// Until the reader chooses, the old version is what runs.
	if got := textOf(t, ctx, ".result h2"); got != firstTitle {
		t.Errorf("before reloading, the page shows %q: the new version leaked in", got)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#sw-update button"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the new version", `document.documentElement.hasAttribute("data-live") && !!document.querySelector(".result h2") && document.querySelector(".result h2").textContent === "A New Deploy Brings One More Article"`)
	// And only one version's files are cached.
	if n := evalAwait[int](t, ctx, `caches.keys().then(k => k.length)`); n != 1 {
		t.Errorf("%d caches after the update, want 1", n)
	}
}

func TestPrecacheFailureIsReported(t *testing.T) {
	e := setup(t)
	dist := buildSite(t, "/", nil)
	for _, ext := range []string{"", ".br", ".gz"} {
		os.Remove(filepath.Join(dist, "web", "icon-512.png"+ext))
	}
	srv := serveUnder("", mustServer(t, dist))
	defer srv.Close()
	ctx := e.tab(t)
	open(t, ctx, srv.URL+"/")
	waitFor(t, ctx, "the precache failure notice", `!!document.getElementById("sw-error") && document.getElementById("sw-error").textContent.includes("icon-512.png")`)
	if n := evalAwait[int](t, ctx, `caches.keys().then(k => k.length)`); n != 0 {
		t.Errorf("%d caches after a failed precache, want none (never a half-filled one)", n)
	}
}

// TestInstall: in Chromium the button is there exactly when the browser
// offered its install prompt; Safari on an iPhone has no prompt, so there
// the button explains how to add the app to the home screen.
func TestInstall(t *testing.T) {
	e := setup(t)
	ctx := e.tab(t)
	open(t, ctx, e.url+"/about")
	waitOffline(t, ctx) // installability needs the worker
	time.Sleep(time.Second)
	prompt := eval[bool](t, ctx, `deferredPrompt !== null`)
	button := eval[bool](t, ctx, `!!document.getElementById("install-button")`)
	if prompt != button {
		t.Errorf("install prompt offered: %v, install button shown: %v", prompt, button)
	}

	iphone, cancel := chromedp.NewContext(e.browser)
	defer cancel()
	const ua = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
	if err := chromedp.Do(iphone, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{UserAgent: ua})
		return err
	})); err != nil {
		t.Fatal(err)
	}
	open(t, iphone, e.url+"/about")
	if err := chromedp.Do(iphone, chromedp.Click(chromedp.CSS("#install-button"))); err != nil {
		t.Fatal(err)
	}
	if how := textOf(t, iphone, "#install-howto"); !strings.Contains(how, "Add to Home Screen") {
		t.Errorf("iPhone install how-to = %q", how)
	}
}

func mustServer(t *testing.T, dir string) http.Handler {
	h, err := server.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	return h
}
