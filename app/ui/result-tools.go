package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"broadsheet/app/cite"
	"broadsheet/app/timeline"
	"broadsheet/data"
)

// resultTools export the current results — every match, not only the rows
// on screen — as CSV, JSON or CSL-JSON (for Zotero and other reference
// managers), and save the search.
func resultTools(l *Library, all func() []*data.Article, query string) app.UI {
	export := func(format string) app.EventHandler {
		return func(ctx app.Context, e app.Event) {
			arts := all()
			x := timeline.Export{Title: l.Collection.Name, Articles: arts, Source: l.Events, Link: absoluteURL}
			var (
				b    []byte
				err  error
				name = "broadsheet-results"
				mime = "application/json"
			)
			switch format {
			case "csv":
				b, err = x.CSV()
				name, mime = name+".csv", "text/csv"
			case "json":
				b, err = x.JSON()
				name += ".json"
			case "csl":
				b, err = cite.CSL(arts, articleURL)
				name += ".csl.json"
			}
			if err != nil {
				app.Log(err)
				return
			}
			saveFile(name, mime, b)
		}
	}
	return parentEl("div.result-tools",
		textEl("span.label", T("Export:")),
		button("[type=button]#export-csv", "CSV", export("csv")),
		button("[type=button]#export-json", "JSON", export("json")),
		el("button[type=button]#export-csl").
			Title(T("CSL-JSON, for Zotero and other reference managers")).
			OnClick(export("csl")).
			Text(T("CSL-JSON (Zotero)")),
		newSaveSearchButton(query),
	)
}
