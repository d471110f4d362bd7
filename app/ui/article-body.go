package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"broadsheet/app/search"
	"broadsheet/app/timeline"
	"broadsheet/data"
)

// articleBody renders an article's paragraphs sentence by sentence, each
// sentence a span with the anchor s-<index> that the timeline's event
// links point at (/article/<slug>?s=3#s-3). The sentence numbered target
// is marked as the one the reader came for; in a prerendered page, before
// the wasm, the browser scrolls to the fragment and CSS marks it with
// :target. The query's words are highlighted as before.
func articleBody(a *data.Article, query string, target int) []app.UI {
	body := []rune(a.Body)
	var paras []app.UI
	var cur []app.UI
	para := -1
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, parentEl("p", cur...))
		}
		cur = nil
	}
	for _, s := range timeline.Sentences(body) {
		if s.Paragraph != para {
			flush()
			para = s.Paragraph
		} else {
			cur = append(cur, text(" "))
		}
		sentence := string(body[s.Start:s.End])
		sel := "span.sentence"
		if s.Index == target {
			sel = "span.sentence.target[aria-current=location]"
		}
		cur = append(cur, el(sel).ID("s-"+strconv.Itoa(s.Index)).Body(highlighted(sentence, search.Highlight(sentence, query))...))
	}
	flush()
	return paras
}

// targetSentence reads the sentence an event link asks for: ?s=3, or the
// fragment #s-3; -1 when none.
func targetSentence(s, fragment string) int {
	if s == "" {
		s = strings.TrimPrefix(fragment, "s-")
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return -1
	}
	return n
}

// scrollToCenter brings an element to the middle of the window.
func scrollToCenter(id string) {
	if !app.IsClient {
		return
	}
	if node := app.Window().GetElementByID(id); node.Truthy() {
		node.Call("scrollIntoView", map[string]any{"block": "center"})
	}
}
