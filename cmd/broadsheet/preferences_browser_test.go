//go:build !(js && wasm)

package main

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestThemeIsRemembered: choose the dark theme, see the page turn dark,
// reload and find it still dark and the switch still saying so; choose the
// system's again and the page follows the system.
func TestThemeIsRemembered(t *testing.T) {
	e := setup(t)
	ctx := e.tab(t)
	open(t, ctx, e.url+"/about")
	t.Cleanup(func() {
		chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`localStorage.removeItem("broadsheet.theme")`))
	})
	choose := func(theme string) {
		t.Helper()
		eval[bool](t, ctx, `(s => { s.value = "`+theme+`"; s.dispatchEvent(new Event("change", {bubbles: true})); return true })(document.getElementById("theme-select"))`)
	}
	choose("dark")
	waitFor(t, ctx, "the dark theme", `document.documentElement.dataset.theme === "dark" && localStorage.getItem("broadsheet.theme") === "dark"`)
	open(t, ctx, e.url+"/about")
	waitFor(t, ctx, "the dark theme after a reload", `document.documentElement.dataset.theme === "dark" && document.getElementById("theme-select").value === "dark"`)
	choose("system")
	waitFor(t, ctx, "the system's theme", `!document.documentElement.hasAttribute("data-theme") && !localStorage.getItem("broadsheet.theme") && document.getElementById("theme-select").value === "system"`)
}
