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
		body = append(body, textEl("h3.event-year-label", strconv.Itoa(y.Year)))
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
			body = append(body, parentEl("section.event-month",
				textEl("h4", timeline.Label(lang, m.Month)),
				dateGroups(m.Groups[:n], ev, ""),
			))
		}
		items = append(items, parentEl("li.event-year", body...))
	}
	return parentEl("ol.event-years", items...)
}

func dateGroups(groups []timeline.DateGroup, ev *timeline.Events, prefix string) app.UI {
	items := make([]app.UI, len(groups))
	for i := range groups {
		g := &groups[i]
		d := g.Date()
		label := prefix + timeline.EventLabel(lang, g.Events[0])
		if prefix == "" && d.Precision == data.PrecisionMonth && g.Events[0].Until.IsZero() {
			label = T("Sometime in the month") // the month's heading says which
		}
		if d.Inferred {
			label = lang.Approx(label)
		}
		var gather app.UI
		if g.Articles > 1 {
			gather = textEl("span.gather", " · "+Tf("{0} articles mention {1}", lang.Number(g.Articles), timeline.EventLabel(lang, g.Events[0])))
		}
		mentions := make([]app.UI, len(g.Events))
		for j, e := range g.Events {
			mentions[j] = eventMention(e, ev)
		}
		items[i] = parentEl("li.event-date",
			parentEl("p.when", timeEl(d.String(), label), gather),
			parentEl("ul.mentions", mentions...),
		)
	}
	return parentEl("ol.event-dates", items...)
}

// eventMention is one sentence with its date phrase marked. Every piece of
// article text is a text node: go-app escapes it.
func eventMention(e *timeline.Event, ev *timeline.Events) app.UI {
	a := ev.Article(e)
	if a == nil {
		return el("li")
	}
	before, phrase, after := ev.Parts(e)
	return parentEl("li.event",
		parentEl("p.sentence",
			text(before),
			textEl("mark", phrase),
			text(after),
		),
		parentEl("p.source",
			appLink("a.event-link", timeline.SentencePath(e), a.Title),
			when(e.Date.Inferred, textEl("span.inferred", T(" · date worked out from the text around it"))),
		),
	)
}
