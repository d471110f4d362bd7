package events

import (
	"testing"
	"time"
	"unicode"

	dps "github.com/markusmobius/go-dateparser"

	"broadsheet/app/timeline"
)

// TestBBCEvents reads the BBC feed of 2022 with and without the second
// pass. Every event's phrase lies in its sentence, in its article's body,
// and says something; an article's events come in text order; the second
// pass only adds to what the patterns find; and the feed has its
// thousand-odd dates (1,096 when this was written).
func TestBBCEvents(t *testing.T) {
	arts := bbcArticles(t)
	patterns, both := Extractor{}, Extractor{DateParser: NewSecondPass()}
	total := 0
	for i := range arts {
		a := &arts[i]
		body := []rune(a.Body)
		events := both.Article(a)
		total += len(events)
		for j := range events {
			e := &events[j]
			s := e.Sentence
			if e.Article != a.Slug || s.Start < 0 || s.End > len(body) || e.PhraseStart < 0 || e.PhraseStart >= e.PhraseEnd || s.Start+e.PhraseEnd > s.End {
				t.Errorf("%s: event %s at sentence %d..%d, phrase %d..%d, in a body of %d runes",
					a.Slug, e.Key(), s.Start, s.End, e.PhraseStart, e.PhraseEnd, len(body))
				continue
			}
			if p := body[s.Start+e.PhraseStart : s.Start+e.PhraseEnd]; !hasLetterOrDigit(p) {
				t.Errorf("%s: event %s has the phrase %q", a.Slug, e.Key(), string(p))
			}
			if !e.Until.Start.IsZero() && !e.Until.Start.After(e.Date.Start) {
				t.Errorf("%s: event %s ends at %s", a.Slug, e.Key(), e.Until.Start)
			}
			if j > 0 {
				if p := &events[j-1]; p.Sentence.Start > s.Start || p.Sentence.Start == s.Start && p.PhraseStart > e.PhraseStart {
					t.Errorf("%s: event %s comes before %s but follows it in the text", a.Slug, p.Key(), e.Key())
				}
			}
		}
		for _, e := range patterns.Article(a) {
			found := false
			for j := range events {
				found = found || events[j].Key() == e.Key() && events[j].Sentence == e.Sentence && events[j].PhraseStart == e.PhraseStart
			}
			if !found {
				t.Errorf("%s: %s found by the patterns alone, lost with the second pass", a.Slug, describe(body, &e))
			}
		}
	}
	if total < 1000 {
		t.Errorf("%d events in %d articles, want at least 1,000", total, len(arts))
	}
}

func hasLetterOrDigit(rs []rune) bool {
	for _, r := range rs {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// BenchmarkBBCExtraction is what reading dates costs the build, on the
// BBC feed of 2022 (TestBBCEvents checks what is found). One op of
// patterns and of second-pass is the whole feed, read by the patterns
// alone or with go-dateparser's second pass (whose setup is timed once),
// with the events found. One op of dateparser-search is one sentence
// searched by go-dateparser, as a first pass would run it, over the
// sentences of the first thousand articles; corpus-s is what that would
// cost the whole feed.
//
//	go test -run '^$' -bench BBCExtraction ./cmd/broadsheet/internal/events/
func BenchmarkBBCExtraction(b *testing.B) {
	arts := bbcArticles(b)
	sentences := 0
	for i := range arts {
		sentences += len(timeline.Sentences([]rune(arts[i].Body)))
	}
	extract := func(b *testing.B, x *Extractor) {
		events := 0
		for b.Loop() {
			events = 0
			for i := range arts {
				events += len(x.Article(&arts[i]))
			}
		}
		b.ReportMetric(float64(len(arts)), "articles")
		b.ReportMetric(float64(sentences), "sentences")
		b.ReportMetric(float64(events), "events")
	}
	b.Run("patterns", func(b *testing.B) { extract(b, &Extractor{}) })
	b.Run("second-pass", func(b *testing.B) {
		start := time.Now()
		x := &Extractor{DateParser: NewSecondPass()}
		setup := time.Since(start)
		extract(b, x)
		b.ReportMetric(float64(setup)/float64(time.Microsecond), "setup-µs") // after the loop, which clears metrics
	})
	b.Run("dateparser-search", func(b *testing.B) {
		type sentence struct {
			text string
			at   time.Time
		}
		var sample []sentence
		for i := range arts[:min(1000, len(arts))] {
			body := []rune(arts[i].Body)
			for _, s := range timeline.Sentences(body) {
				sample = append(sample, sentence{string(body[s.Start:s.End]), arts[i].Date.Start})
			}
		}
		var p dps.Parser
		found, i := 0, 0
		for b.Loop() {
			s := sample[i%len(sample)]
			_, res, _ := p.Search(&dps.Configuration{Languages: []string{"en"}, CurrentTime: s.at}, s.text)
			found += len(res)
			i++
		}
		b.ReportMetric(float64(found)/float64(b.N), "results/op")
		b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)*float64(sentences), "corpus-s")
	})
}
