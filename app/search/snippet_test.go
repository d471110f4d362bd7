package search

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// snippetOfRunes is snippet as it was written over a []rune copy of the
// body (with its cuts kept inside the window): the string version must cut
// the same window.
func snippetOfRunes(body []rune, places []place, words int) Snippet {
	start := 0
	if len(places) > 0 {
		at := densest(places, words, snippetRunes*2/3, func(p place) (int, int) { return p.start, p.hit.word })
		start = max(0, places[at].start-snippetRunes/6)
	}
	end := min(len(body), start+snippetRunes)
	if end == len(body) {
		start = max(0, end-snippetRunes)
	}
	for s := start; s > 0 && s < end; s++ {
		if unicode.IsSpace(body[s-1]) {
			start = s
			break
		}
	}
	for e := end; e < len(body) && e > start; e-- {
		if unicode.IsSpace(body[e]) {
			end = e
			break
		}
	}
	for start < end && unicode.IsSpace(body[start]) {
		start++
	}
	sn := Snippet{Text: string(body[start:end]), Before: start > 0, After: end < len(body)}
	for _, p := range places {
		if p.start >= start && p.end <= end {
			sn.Spans = append(sn.Spans, Span{p.start - start, p.end - start})
		}
	}
	return sn
}

func TestSnippetMatchesRuneVersion(t *testing.T) {
	words := []string{"Rahmon", "Рахмон", "Farҳod", "social", "media", "likes", "Tajikistan", "Ўзбекистон",
		"café", "—", "\xff", "a", "long-wordwithoutanyspaceatallthatgoesonandonandonandonandonandonandon", "\u00a0", "\u2003", "\n"}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 2000 {
		var b strings.Builder
		for range rng.IntN(120) {
			b.WriteString(words[rng.IntN(len(words))])
			if rng.IntN(4) > 0 {
				b.WriteByte(' ')
			}
		}
		body := b.String()
		runes := []rune(body)
		var places []place
		for at := 0; at < len(runes); {
			at += 1 + rng.IntN(40)
			end := at + 1 + rng.IntN(6)
			if end > len(runes) {
				break
			}
			places = append(places, place{at, end, wordHit{word: rng.IntN(3)}})
			at = end
		}
		got, want := snippet(body, places, 3), snippetOfRunes(runes, places, 3)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("case %d: body %q\nsnippet     %+v\nrune version %+v", n, body, got, want)
		}
		if len(places) > 0 {
			p := places[rng.IntN(len(places))]
			if got, want := runeSlice(body, p.start, p.end), string(runes[p.start:p.end]); got != want {
				t.Fatalf("case %d: runeSlice(%q, %d, %d) = %q, want %q", n, body, p.start, p.end, got, want)
			}
		}
	}
}

// A text without spaces is cut inside its words, around the match, rather
// than not at all (or, as it once did, past the end of the window).
func TestSnippetWithoutSpaces(t *testing.T) {
	body := strings.Repeat("社交媒体", 100) + "拉赫蒙" + strings.Repeat("社交媒体", 100)
	at := 400
	sn := snippet(body, []place{{at, at + 3, wordHit{}}}, 1)
	if len(sn.Spans) != 1 || !sn.Before || !sn.After {
		t.Fatalf("snippet = %+v, want one span inside the text", sn)
	}
	r := []rune(sn.Text)
	if got := string(r[sn.Spans[0].Start:sn.Spans[0].End]); got != "拉赫蒙" {
		t.Errorf("span marks %q, want 拉赫蒙", got)
	}
	if len(r) != snippetRunes {
		t.Errorf("snippet is %d runes, want %d", len(r), snippetRunes)
	}
}
