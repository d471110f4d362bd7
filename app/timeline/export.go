package timeline

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"html"
	"strconv"

	"broadsheet/app/i18n"
	"broadsheet/data"
)

// Export is what the timeline page (and `broadsheet export`) hands to a
// reader: the events in view and the articles they came from. Its date
// labels name the months in Lang (the interface's language on the page,
// English from the command line); the rest of its text is English.
type Export struct {
	Lang     i18n.Lang
	Title    string
	Events   []*Event
	Articles []*data.Article
	// Source gives each event its sentence and article.
	Source *Events
	// Link makes an app path (/article/slug?s=3#s-3) into the URL written
	// in the file; nil keeps the path.
	Link func(path string) string
}

// SentencePath is the page that shows an event's sentence highlighted:
// the article, with the sentence in the query (read by the live app) and
// in the fragment (scrolled to and styled by the browser in the
// prerendered page).
func SentencePath(e *Event) string {
	n := strconv.Itoa(e.Sentence.Index)
	return "/article/" + e.Article + "?s=" + n + "#s-" + n
}

func (x *Export) link(p string) string {
	if x.Link == nil {
		return p
	}
	return x.Link(p)
}

// The TimelineJS format (timeline.knightlab.com/docs/json-format.html): a
// title slide and events, each with a start_date whose month and day are
// left out when the date is coarser; text is HTML, so every article string
// is escaped.
type tljsFile struct {
	Title  tljsSlide   `json:"title"`
	Events []tljsSlide `json:"events"`
}

type tljsSlide struct {
	StartDate   *tljsDate `json:"start_date,omitempty"`
	EndDate     *tljsDate `json:"end_date,omitempty"`
	DisplayDate string    `json:"display_date,omitempty"`
	Text        tljsText  `json:"text"`
	UniqueID    string    `json:"unique_id,omitempty"`
	Group       string    `json:"group,omitempty"`
}

type tljsDate struct {
	Year   int `json:"year"`
	Month  int `json:"month,omitempty"`
	Day    int `json:"day,omitempty"`
	Hour   int `json:"hour,omitempty"`
	Minute int `json:"minute,omitempty"`
}

type tljsText struct {
	Headline string `json:"headline"`
	Text     string `json:"text,omitempty"`
}

// The groups of a TimelineJS export: what the articles say happened, and
// when they appeared.
const (
	GroupMentioned = "Events in the articles"
	GroupPublished = "Articles published"
)

func tljsDateOf(d data.Date) *tljsDate {
	if d.IsZero() {
		return nil
	}
	t := d.Start.UTC()
	out := &tljsDate{Year: t.Year()}
	if d.Precision >= data.PrecisionMonth {
		out.Month = int(t.Month())
	}
	if d.Precision >= data.PrecisionDay {
		out.Day = t.Day()
	}
	if d.Precision >= data.PrecisionTime {
		out.Hour, out.Minute = t.Hour(), t.Minute()
	}
	return out
}

func displayDate(label string, d data.Date) string {
	if d.Inferred {
		return label + ", approx."
	}
	return label
}

// TimelineJS writes the export as a TimelineJS file.
func (x *Export) TimelineJS() ([]byte, error) {
	f := tljsFile{
		Title: tljsSlide{Text: tljsText{
			Headline: html.EscapeString(x.Title),
			Text: html.EscapeString(strconv.Itoa(len(x.Events)) + " dated events mentioned in " +
				strconv.Itoa(len(x.Articles)) + " articles, drawn from the articles' own text by Broadsheet."),
		}},
		Events: []tljsSlide{},
	}
	for _, e := range x.Events {
		a := x.Source.Article(e)
		if a == nil {
			continue
		}
		before, phrase, after := x.Source.Parts(e)
		text := html.EscapeString(before) + "<mark>" + html.EscapeString(phrase) + "</mark>" + html.EscapeString(after) +
			`<p>From <a href="` + html.EscapeString(x.link(SentencePath(e))) + `">` + html.EscapeString(a.Title) + `</a></p>`
		slide := tljsSlide{
			StartDate:   tljsDateOf(e.Date),
			DisplayDate: displayDate(EventLabel(x.Lang, e), e.Date),
			Text:        tljsText{Headline: html.EscapeString(EventLabel(x.Lang, e)), Text: text},
			UniqueID:    "event-" + e.Article + "-" + strconv.Itoa(e.Sentence.Index) + "-" + strconv.Itoa(e.PhraseStart),
			Group:       GroupMentioned,
		}
		if !e.Until.IsZero() {
			slide.EndDate = tljsDateOf(e.Until)
		}
		f.Events = append(f.Events, slide)
	}
	for _, a := range x.Articles {
		if a.Date.IsZero() {
			continue // TimelineJS needs a start date
		}
		f.Events = append(f.Events, tljsSlide{
			StartDate:   tljsDateOf(a.Date),
			DisplayDate: displayDate(Label(x.Lang, a.Date), a.Date),
			Text: tljsText{
				Headline: html.EscapeString(a.Title),
				Text:     `<p><a href="` + html.EscapeString(x.link("/article/"+a.Slug)) + `">Read the article</a></p>`,
			},
			UniqueID: "article-" + a.Slug,
			Group:    GroupPublished,
		})
	}
	return json.MarshalIndent(f, "", "  ")
}

// CSVHeader names the columns of the CSV export.
var CSVHeader = []string{"kind", "date", "until", "precision", "inferred", "label", "phrase", "sentence", "sentence_index", "article", "title", "url"}

// CSV writes the export as one row per event, then one per article.
func (x *Export) CSV() ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(CSVHeader)
	for _, e := range x.Events {
		a := x.Source.Article(e)
		if a == nil {
			continue
		}
		_, phrase, _ := x.Source.Parts(e)
		w.Write([]string{
			"event", e.Date.String(), e.Until.String(), e.Date.Precision.String(), strconv.FormatBool(e.Date.Inferred),
			EventLabel(x.Lang, e), phrase, x.Source.Text(e), strconv.Itoa(e.Sentence.Index),
			a.Slug, a.Title, x.link(SentencePath(e)),
		})
	}
	for _, a := range x.Articles {
		w.Write([]string{
			"article", a.Date.String(), "", a.Date.Precision.String(), strconv.FormatBool(a.Date.Inferred),
			Label(x.Lang, a.Date), "", "", "", a.Slug, a.Title, x.link("/article/" + a.Slug),
		})
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// JSON writes the export in Broadsheet's own terms: every field an event
// has, offsets included, for tools that want more than TimelineJS keeps.
func (x *Export) JSON() ([]byte, error) {
	type eventOut struct {
		Date          string `json:"date"`
		Until         string `json:"until,omitempty"`
		Precision     string `json:"precision"`
		Inferred      bool   `json:"inferred"`
		Label         string `json:"label"`
		Phrase        string `json:"phrase"`
		Sentence      string `json:"sentence"`
		SentenceIndex int    `json:"sentence_index"`
		SentenceStart int    `json:"sentence_start"`
		SentenceEnd   int    `json:"sentence_end"`
		PhraseStart   int    `json:"phrase_start"`
		PhraseEnd     int    `json:"phrase_end"`
		Article       string `json:"article"`
		Title         string `json:"title"`
		URL           string `json:"url"`
	}
	type articleOut struct {
		Slug      string `json:"slug"`
		Title     string `json:"title"`
		Date      string `json:"date"`
		Precision string `json:"precision"`
		Inferred  bool   `json:"inferred"`
		URL       string `json:"url"`
	}
	out := struct {
		Title    string       `json:"title"`
		Events   []eventOut   `json:"events"`
		Articles []articleOut `json:"articles"`
	}{Title: x.Title, Events: []eventOut{}, Articles: []articleOut{}}
	for _, e := range x.Events {
		a := x.Source.Article(e)
		if a == nil {
			continue
		}
		_, phrase, _ := x.Source.Parts(e)
		out.Events = append(out.Events, eventOut{
			Date: e.Date.String(), Until: e.Until.String(), Precision: e.Date.Precision.String(), Inferred: e.Date.Inferred,
			Label: EventLabel(x.Lang, e), Phrase: phrase, Sentence: x.Source.Text(e),
			SentenceIndex: e.Sentence.Index, SentenceStart: e.Sentence.Start, SentenceEnd: e.Sentence.End,
			PhraseStart: e.PhraseStart, PhraseEnd: e.PhraseEnd,
			Article: a.Slug, Title: a.Title, URL: x.link(SentencePath(e)),
		})
	}
	for _, a := range x.Articles {
		out.Articles = append(out.Articles, articleOut{
			Slug: a.Slug, Title: a.Title, Date: a.Date.String(), Precision: a.Date.Precision.String(),
			Inferred: a.Date.Inferred, URL: x.link("/article/" + a.Slug),
		})
	}
	return json.MarshalIndent(out, "", "  ")
}
