//go:build !(js && wasm)

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// axeSource is axe-core, from npm (make test installs it).
func axeSource(t *testing.T) string {
	t.Helper()
	p := os.Getenv("AXE_JS")
	if p == "" {
		p = "../../bin/npm/node_modules/axe-core/axe.min.js"
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("axe-core not found (make test installs it from npm; or set AXE_JS): %v", err)
	}
	return string(b)
}

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
		Sum    string `json:"failureSummary"`
	} `json:"nodes"`
}

// checkAxe runs axe-core on the page as it is and fails on any violation.
func checkAxe(t *testing.T, ctx context.Context, axe, where string) {
	t.Helper()
	if !eval[bool](t, ctx, `typeof axe !== "undefined"`) {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](axe)); err != nil {
			t.Fatalf("injecting axe-core: %v", err)
		}
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: running axe: %v", where, err)
	}
	var vs []axeViolation
	if err := json.Unmarshal([]byte(res), &vs); err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		var nodes []string
		for i, n := range v.Nodes {
			if i == 3 {
				nodes = append(nodes, fmt.Sprintf("… %d more", len(v.Nodes)-3))
				break
			}
			nodes = append(nodes, fmt.Sprintf("%v %s", n.Target, strings.TrimSpace(n.Sum)))
		}
		t.Errorf("%s: %s (%s): %s\n    %s", where, v.ID, v.Impact, v.Help, strings.Join(nodes, "\n    "))
	}
}

// TestAccessibility runs axe-core on every page in both interface
// languages, in the light and the dark theme, at a desktop's and a
// phone's width (four combinations, so each setting meets each other).
func TestAccessibility(t *testing.T) {
	e := setup(t)
	axe := axeSource(t)
	pages := []string{"/", "/?q=likes", "/?country=Tajikistan", "/timeline", "/about", "/saved",
		"/article/tajikistan-abolishes-criminal-prosecution-for-social-media-likes?q=likes", "/no-such-page"}
	for _, c := range []struct {
		lang, scheme string
		width        int64
	}{{"en", "light", 1000}, {"en", "dark", 360}, {"ru", "light", 360}, {"ru", "dark", 1000}} {
		ctx := e.tab(t)
		if err := chromedp.Do(ctx,
			chromedp.EmulateViewport(c.width, 800),
			chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
					Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: c.scheme}},
				})
				return err
			}),
		); err != nil {
			t.Fatal(err)
		}
		open(t, ctx, e.url+"/about")
		eval[bool](t, ctx, `localStorage.setItem("broadsheet.lang", "`+c.lang+`"), true`)
		t.Cleanup(func() { // even when a check fails: later tests expect English
			chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`localStorage.removeItem("broadsheet.lang")`))
		})
		for _, p := range pages {
			open(t, ctx, e.url+p)
			if strings.Contains(p, "?") && !strings.HasPrefix(p, "/article") {
				waitFor(t, ctx, "results", `document.querySelectorAll(".result").length > 0`)
			}
			where := fmt.Sprintf("%s (%s, %s, %dpx)", p, c.lang, c.scheme, c.width)
			if got := eval[string](t, ctx, `document.documentElement.lang`); got != c.lang {
				t.Errorf("%s: <html lang=%q>", where, got)
			}
			checkAxe(t, ctx, axe, where)
			// Usable at a phone's width: nothing wider than the screen.
			if over := eval[int](t, ctx, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); over > 1 {
				t.Errorf("%s: the page is %dpx wider than the screen", where, over)
			}
		}
		eval[bool](t, ctx, `localStorage.removeItem("broadsheet.lang"), true`)
	}
}
