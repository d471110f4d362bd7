package timeline

import (
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	body := "Mr. Smith arrived on Jan. 5 in the U.S. capital. He left. “Why?” she asked! Then: nothing.\n\nA new paragraph. It ends… Here 2025 starts one. A. B. Jones came."
	want := []string{
		"Mr. Smith arrived on Jan. 5 in the U.S. capital.",
		"He left.",
		"“Why?” she asked!",
		"Then: nothing.",
		"A new paragraph.",
		"It ends…",
		"Here 2025 starts one.",
		"A. B. Jones came.",
	}
	r := []rune(body)
	got := Sentences(r)
	var texts []string
	for i, s := range got {
		texts = append(texts, string(r[s.Start:s.End]))
		if s.Index != i {
			t.Errorf("sentence %d has index %d", i, s.Index)
		}
	}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Errorf("got\n%q\nwant\n%q", texts, want)
	}
	if got[3].Paragraph != 0 || got[4].Paragraph != 1 {
		t.Errorf("paragraphs %d, %d; want 0, 1", got[3].Paragraph, got[4].Paragraph)
	}
}
