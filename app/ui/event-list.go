package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"broadsheet/app/timeline"
	"broadsheet/data"
)

// eventList is the vertical timeline of what the articles say happened:
// by year, then month, then date, each date with the sentences that
// mention it (the date phrase marked) and a link that opens the article at
// that sentence. Dates that several articles mention are gathered ("3
// articles mention 2018"). At most limit dates are drawn: go-app renders
// long lists slowly, so the page shows more on request.
func eventList(years []timeline.YearGroup, ev *timeline.Events, limit int) app.UI {
	var items []app.UI
	left := limit
	for i := range years {
		if left <= 0 {
			break
		}
		y := &years[i]
		var body []app.UI
		body = append(body, app.Elem("h3").Class("event-year-label").Text(strconv.Itoa(y.Year)))
		if len(y.Whole) > 0 {
			n := min(len(y.Whole), left)
			left -= n
			body = append(body, dateGroups(y.Whole[:n], ev, T("During ")))
		}
		for j := range y.Months {
			if left <= 0 {
				break
			}
			m := &y.Months[j]
			n := min(len(m.Groups), left)
			left -= n
			body = append(body, app.Elem("section").
				Class("event-month").
				Body(
					app.Elem("h4").Text(timeline.Label(lang, m.Month)),
					dateGroups(m.Groups[:n], ev, ""),
				))
		}
		items = append(items, app.Elem("li").Class("event-year").Body(body...))
	}
	return app.Elem("ol").Class("event-years").Body(items...)
}

func dateGroups(groups []timeline.DateGroup, ev *timeline.Events, prefix string) app.UI {
	return app.Elem("ol").
		Class("event-dates").
		Body(
			app.Range(groups).Slice(func(i int) app.UI {
				g := &groups[i]
				d := g.Date()
				label := prefix + timeline.EventLabel(lang, g.Events[0])
				if prefix == "" && d.Precision == data.PrecisionMonth && g.Events[0].Until.IsZero() {
					label = T("Sometime in the month") // the month's heading says which
				}
				if d.Inferred {
					label = lang.Approx(label)
				}
				return app.Elem("li").
					Class("event-date").
					Body(
						app.Elem("p").Class("when").Body(
							app.Elem("time").Attr("datetime", d.String()).Text(label),
							app.If(g.Articles > 1, func() app.UI {
								return app.Elem("span").Class("gather").Text(" · " + T("{0} articles mention {1}", lang.Number(g.Articles), timeline.EventLabel(lang, g.Events[0])))
							}),
						),
						app.Elem("ul").Class("mentions").Body(
							app.Range(g.Events).Slice(func(j int) app.UI {
								return eventMention(g.Events[j], ev)
							}),
						),
					)
			}),
		)
}

// eventMention is one sentence with its date phrase marked. Every piece of
// article text is a text node: go-app escapes it.
func eventMention(e *timeline.Event, ev *timeline.Events) app.UI {
	a := ev.Article(e)
	if a == nil {
		return app.Elem("li")
	}
	before, phrase, after := ev.Parts(e)
	return app.Elem("li").
		Class("event").
		Body(
			app.Elem("p").Class("sentence").Body(
				app.Text(before),
				app.Elem("mark").Text(phrase),
				app.Text(after),
			),
			app.Elem("p").Class("source").Body(
				app.Elem("a").
					Class("event-link").
					Attr("href", href(timeline.SentencePath(e))).
					Text(a.Title),
				app.If(e.Date.Inferred, func() app.UI {
					return app.Elem("span").Class("inferred").Text(T(" · date worked out from the text around it"))
				}),
			),
		)
}
