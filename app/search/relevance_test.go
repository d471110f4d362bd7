package search

import (
	"slices"
	"strings"
	"testing"

	"broadsheet/data"
	"broadsheet/data/corpus"
)

// The seed's articles, by the start of their slugs.
const (
	kazakh     = "kazakhstan-targets"
	abolishes  = "tajikistan-abolishes"
	decrim     = "tajikistan-decriminalizes"
	lifts      = "tajikistan-lifts"
	tiktoker   = "tiktoker-arrested"
	turkmen    = "turkmen-authorities"
	anyArticle = ""
)

var tajik = []string{abolishes, decrim, lifts}

// TestRelevance is the table of what readers mean: for each query, the
// articles that must come first (in any order among themselves), how many
// match in all, and the note that says why, if any.
func TestRelevance(t *testing.T) {
	tests := []struct {
		query string
		first []string // slug prefixes of the first hits, in any order
		count int
		why   string // a note of the first hit, if one is due
	}{
		// A Cyrillic name finds its Latin spelling.
		{"Рахмон", tajik, 3, "Рахмон → Rahmon"},
		// One swap is one edit.
		{"Rahmno", tajik, 3, "Rahmno → Rahmon"},
		{"Rakhmon", tajik, 3, "Rakhmon → Rahmon"},
		// Every word is a prefix.
		{"decrim", []string{decrim}, 1, ""},
		{"likes", tajik, 4, ""},
		// Several words: all of them.
		{"telegram channels", []string{kazakh}, 1, ""},
		{"rahmon signed", []string{decrim, lifts}, 2, ""},
		// A phrase: the words in order, next to each other.
		{`"social media likes"`, []string{abolishes, lifts}, 3, ""},
		{`"likes social media"`, nil, 0, ""},
		// An exclusion.
		{"likes -tajikistan", []string{tiktoker}, 1, ""},
		// Latin, Cyrillic and loose forms of a name.
		{"Farhod", []string{abolishes}, 1, "Farhod → Farҳod"},
		{"Фарҳод", []string{abolishes}, 1, "Фарҳод → Farҳod"},
		{"Балаева", []string{kazakh}, 1, "Балаева → Balayeva"},
		{"Balaeva", []string{kazakh}, 1, "Balaeva → Balayeva"},
		{"Туркменистан", []string{turkmen}, 1, "Туркменистан → Turkmenistan"},
		// Titles outrank bodies.
		{"telegram", []string{kazakh}, 1, ""},
		{"turkmen", []string{turkmen}, 1, ""},
		// No article has both words: any of them, said so.
		{"telegram tiktoker", []string{kazakh, tiktoker}, 2, ""},
		{"zzqx", nil, 0, ""},
	}
	ix := New(corpus.Seed(t))
	for _, tt := range tests {
		r := ix.Search(tt.query)
		var slugs []string
		for _, h := range r.Hits {
			slugs = append(slugs, h.Article.Slug)
		}
		if r.Count != tt.count {
			t.Errorf("%s: %d articles match, want %d: %q", tt.query, r.Count, tt.count, slugs)
			continue
		}
		for i, want := range tt.first {
			if !slices.ContainsFunc(slugs[:len(tt.first)], func(s string) bool { return strings.HasPrefix(s, want) }) {
				t.Errorf("%s: results start %q, want %q among the first %d (hit %d)", tt.query, slugs, want, len(tt.first), i+1)
			}
		}
		if tt.why != "" {
			var notes []string
			for _, n := range r.Hits[0].Why {
				notes = append(notes, n.String())
			}
			if !slices.Contains(notes, tt.why) {
				t.Errorf("%s: first hit notes %q, want %q", tt.query, notes, tt.why)
			}
		} else if r.Count > 0 && len(r.Hits[0].Why) > 0 {
			t.Errorf("%s: first hit notes %v, want none (the words matched as typed)", tt.query, r.Hits[0].Why)
		}
	}
}

func TestAnyWordIsSaid(t *testing.T) {
	ix := New(corpus.Seed(t))
	if r := ix.Search("telegram tiktoker"); !r.AnyWord {
		t.Error("telegram tiktoker: no article has both, the results should say they have any")
	}
	if r := ix.Search("telegram channels"); r.AnyWord {
		t.Error("telegram channels: AnyWord set though an article has both")
	}
}

func TestOrderAndDates(t *testing.T) {
	c := corpus.Seed(t)
	ix := New(c)
	r := ix.Run(Request{Query: "social", Order: ByDate, Limit: 100})
	for i := 1; i < len(r.Hits); i++ {
		if r.Hits[i-1].Article.Date.Before(r.Hits[i].Article.Date) {
			t.Errorf("by date: %s (%s) before %s (%s)", r.Hits[i-1].Article.Slug, r.Hits[i-1].Article.Date, r.Hits[i].Article.Slug, r.Hits[i].Article.Date)
		}
	}
	from, _ := data.ParseDate("2025-04")
	to, _ := data.ParseDate("2025-04")
	r = ix.Run(Request{Query: "likes", From: from, To: to})
	if r.Count != 1 || !strings.HasPrefix(r.Hits[0].Article.Slug, abolishes) {
		t.Errorf("likes in April 2025: %d hits, want the one article of April", r.Count)
	}
	from, _ = data.ParseDate("2025-05")
	r = ix.Run(Request{Query: "likes", From: from})
	for _, h := range r.Hits {
		if h.Article.Date.Start.Month() != 5 {
			t.Errorf("likes from May 2025 finds %s of %s", h.Article.Slug, h.Article.Date)
		}
	}
	if r.Count != 2 {
		t.Errorf("likes from May 2025: %d hits, want 2", r.Count)
	}
}

func TestHighlightsAndSnippets(t *testing.T) {
	ix := New(corpus.Seed(t))
	r := ix.Search("telegram channels")
	h := r.Hits[0]
	title := []rune(h.Article.Title)
	var marked []string
	for _, s := range h.TitleSpans {
		marked = append(marked, string(title[s.Start:s.End]))
	}
	if want := []string{"Telegram", "Channels"}; !slices.Equal(marked, want) {
		t.Errorf("title marks %q, want %q", marked, want)
	}
	sn := []rune(h.Snippet.Text)
	if len(h.Snippet.Spans) < 2 {
		t.Fatalf("snippet %q marks %v, want both words", h.Snippet.Text, h.Snippet.Spans)
	}
	for _, s := range h.Snippet.Spans {
		if w := strings.ToLower(string(sn[s.Start:s.End])); w != "telegram" && w != "channels" && w != "channel" {
			t.Errorf("snippet marks %q", w)
		}
	}
	if got := Highlight("Рахмон and Rahmon, Rakhmon’s", "rahmon"); len(got) != 3 {
		t.Errorf("Highlight marks %v, want the three spellings", got)
	}
	if got := Highlight("Emomali Rahmon", "rahmno"); !slices.Equal(got, []Span{{8, 14}}) {
		t.Errorf("Highlight of a typo marks %v, want Rahmon", got)
	}
}

func TestPlainSkipsTheDetails(t *testing.T) {
	ix := New(corpus.Seed(t))
	full := ix.Run(Request{Query: "likes", Limit: 100})
	plain := ix.Run(Request{Query: "likes", Limit: 100, Plain: true})
	if plain.Count != full.Count || len(plain.Hits) != len(full.Hits) {
		t.Fatalf("plain finds %d, full %d", plain.Count, full.Count)
	}
	for i := range plain.Hits {
		if plain.Hits[i].Article != full.Hits[i].Article {
			t.Errorf("hit %d: plain %s, full %s", i, plain.Hits[i].Article.Slug, full.Hits[i].Article.Slug)
		}
		if plain.Hits[i].Snippet.Text != "" || plain.Hits[i].TitleSpans != nil {
			t.Errorf("hit %d of a plain search has details", i)
		}
	}
}

func TestJumpList(t *testing.T) {
	ix := New(corpus.Seed(t))
	r := ix.Search("tel chan")
	if len(r.Jump) != 1 || !strings.HasPrefix(r.Jump[0].Article.Slug, kazakh) {
		t.Fatalf("tel chan: jump to %v, want the Kazakh article", r.Jump)
	}
	title := []rune(r.Jump[0].Article.Title)
	var marked []string
	for _, s := range r.Jump[0].Spans {
		marked = append(marked, string(title[s.Start:s.End]))
	}
	// Fuzzy's letters where they start words, or else the words.
	if len(marked) != 2 || !strings.HasPrefix(strings.ToLower(marked[0]), "tel") || !strings.HasPrefix(strings.ToLower(marked[1]), "chan") {
		t.Errorf("tel chan marks %q, want Tel(egram) and Chan(nels)", marked)
	}
	r = ix.Search("likes")
	for _, j := range r.Jump {
		title := []rune(j.Article.Title)
		for _, s := range j.Spans {
			if w := strings.ToLower(string(title[s.Start:s.End])); w != "likes" {
				t.Errorf("likes: jump list marks %q in %q, want the word", w, j.Article.Title)
			}
		}
	}
}
