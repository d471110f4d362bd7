package events

import (
	"encoding/csv"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"broadsheet/app/timeline"
	"broadsheet/data"
	"broadsheet/data/corpus"
)

// describe writes an event as the tables do: "phrase => ~2025-05-14/day".
func describe(body []rune, e *timeline.Event) string {
	s := body[e.Sentence.Start:e.Sentence.End]
	d := e.Key()
	if e.Date.Inferred {
		d = "~" + d
	}
	return string(s[e.PhraseStart:e.PhraseEnd]) + " => " + d + "/" + e.Date.Precision.String()
}

func TestExtractSentences(t *testing.T) {
	x := Extractor{DateParser: NewSecondPass()}
	// The first row of each table is its header.
	for n, row := range corpus.Table(t, "sentences.tsv", 3)[1:] {
		dateText, text, want := row[0], row[1], row[2]
		where := fmt.Sprintf("sentences.tsv row %d", n+1)
		a := data.Article{Slug: "a", Title: "A", Body: text}
		if dateText != "" {
			d, err := data.ParseDate(dateText)
			if err != nil {
				t.Fatalf("%s: %v", where, err)
			}
			a.Date = d
		}
		var got []string
		events := x.Article(&a)
		for i := range events {
			got = append(got, describe([]rune(text), &events[i]))
		}
		if g := strings.Join(got, " | "); g != want {
			t.Errorf("%s: %q (article %s)\n got: %s\nwant: %s", where, text, dateText, g, want)
		}
	}
}

// label is one hand-labelled expression of testdata/seed-labels.tsv.
type label struct {
	slug, phrase, key, precision string
	inferred                     bool
}

// TestSeedPrecisionRecall scores extraction against the hand labels of the
// seed articles. An extracted event is right when a label of its article
// has the same date, precision and inferred mark, and the two phrases
// overlap in the text ("as early as 2018" and "2018").
func TestSeedPrecisionRecall(t *testing.T) {
	c := corpus.Seed(t)
	var labels []label
	for _, row := range corpus.Table(t, "seed-labels.tsv", 5)[1:] {
		labels = append(labels, label{row[0], row[1], row[2], row[3], row[4] == "true"})
	}
	bodies := map[string][]rune{}
	for _, a := range c.Articles {
		bodies[a.Slug] = []rune(a.Body)
	}
	events := Extract(c)
	used := make([]bool, len(labels))
	type row struct {
		slug                       string
		labelled, extracted, right int
	}
	perArticle := map[string]*row{}
	for _, a := range c.Articles {
		perArticle[a.Slug] = &row{slug: a.Slug}
	}
	for _, l := range labels {
		perArticle[l.slug].labelled++
	}
	right := 0
	for i := range events {
		e := &events[i]
		perArticle[e.Article].extracted++
		sentence := string(bodies[e.Article][e.Sentence.Start:e.Sentence.End])
		phrase := []rune(sentence)[e.PhraseStart:e.PhraseEnd]
		ok := false
		for j, l := range labels {
			if used[j] || l.slug != e.Article || l.key != e.Key() || l.precision != e.Date.Precision.String() || l.inferred != e.Date.Inferred {
				continue
			}
			if strings.Contains(l.phrase, string(phrase)) || strings.Contains(string(phrase), l.phrase) {
				used[j], ok = true, true
				break
			}
		}
		if ok {
			right++
			perArticle[e.Article].right++
		} else {
			t.Errorf("false positive in %s: %s", e.Article, describe(bodies[e.Article], e))
		}
	}
	for j, l := range labels {
		if !used[j] {
			t.Errorf("missed in %s: %q => %s/%s", l.slug, l.phrase, l.key, l.precision)
		}
	}
	precision := float64(right) / float64(len(events))
	recall := float64(right) / float64(len(labels))
	t.Logf("%-60s %9s %9s %6s", "article", "labelled", "extracted", "right")
	for _, a := range c.Articles {
		r := perArticle[a.Slug]
		t.Logf("%-60.60s %9d %9d %6d", r.slug, r.labelled, r.extracted, r.right)
	}
	t.Logf("%-60s %9d %9d %6d", "all six seed articles", len(labels), len(events), right)
	t.Logf("precision %.3f  recall %.3f", precision, recall)
	if precision < 0.95 || recall < 0.95 {
		t.Errorf("precision %.3f, recall %.3f: want both ≥ 0.95", precision, recall)
	}
}

// bbcArticles reads the corpus with encoding/csv alone: title, pubDate,
// guid, description.
func bbcArticles(t testing.TB) []data.Article {
	f, err := os.Open(corpus.BBCPath())
	if err != nil {
		t.Skipf("BBC corpus not found (%v); set BROADSHEET_BBC_CSV", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []data.Article
	for i, rec := range recs[1:] {
		if len(rec) < 4 {
			continue
		}
		a := data.Article{Slug: fmt.Sprintf("bbc-%d", i), Title: rec[0], Body: rec[0] + ".\n\n" + rec[3]}
		if tm, err := time.Parse(time.RFC1123, rec[1]); err == nil {
			a.Date = data.Date{Start: tm.UTC(), Precision: data.PrecisionTime}
		}
		out = append(out, a)
	}
	return out
}

// TestSecondPassOtherLanguages: an article in a language the patterns do
// not know goes through go-dateparser's search, bare numbers dropped.
func TestSecondPassOtherLanguages(t *testing.T) {
	x := Extractor{DateParser: NewSecondPass()}
	a := data.Article{Slug: "fr", Title: "Décret", Language: "fr", Date: data.Date{Start: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), Precision: data.PrecisionMonth},
		Body: "Le décret du 14 mai 2021 est entré en vigueur. Il concerne 15 personnes."}
	var got []string
	events := x.Article(&a)
	for i := range events {
		got = append(got, describe([]rune(a.Body), &events[i]))
	}
	if len(got) != 1 || !strings.HasSuffix(got[0], "=> 2021-05-14/day") {
		t.Errorf("French article: %q, want 14 mai 2021 alone", got)
	}
}
