package ui

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"broadsheet/app/i18n"
	"broadsheet/app/timeline"
	"broadsheet/data"
)

const svgNS = "http://www.w3.org/2000/svg"

// The chart's drawing box, in SVG units; CSS scales it to the page width.
const (
	chartW    = 720.0
	barsTop   = 6.0
	barsH     = 118.0
	bandY     = 130.0
	bandH     = 12.0
	axisY     = 160.0
	chartH    = 168.0
	maxLabels = 10
)

// histogram is the publication histogram: how many articles appeared in
// each day, week, month or year, drawn as inline SVG. When a search is on,
// each bar shows the matching articles dark over all articles light.
// Clicking a bar or dragging across bars picks a range, which goes into
// the URL as from and to on the page's own path (the page reads it back
// and filters); the arrow keys do the same from the keyboard.
//
// Feed it with newHistogram().Total(…).Matching(…).Selected(…).Path(…).
type histogram struct {
	app.Compo

	// ITotal counts every article; IMatching the articles the search
	// matched (nil: no search, every article matches).
	ITotal    *timeline.Histogram
	IMatching *timeline.Histogram
	// ISelected is the range in the URL.
	ISelected timeline.Range
	// IPath and IQuery are the page and the parameters to keep (q) when a
	// range is picked.
	IPath  string
	IQuery string

	view     timeline.Span // what is in view; zero: everything
	res      timeline.Resolution
	resSet   bool // the reader chose res; otherwise it fits the view
	active   int  // the bar with keyboard focus
	anchor   int  // where a drag or a Shift+arrow selection started
	preview  bool // a selection is being made: anchor..active
	dragging bool
}

func newHistogram() *histogram { return &histogram{} }

func (h *histogram) Total(t *timeline.Histogram) *histogram    { h.ITotal = t; return h }
func (h *histogram) Matching(m *timeline.Histogram) *histogram { h.IMatching = m; return h }
func (h *histogram) Selected(r timeline.Range) *histogram      { h.ISelected = r; return h }
func (h *histogram) Path(p string) *histogram                  { h.IPath = p; return h }
func (h *histogram) Query(q url.Values) *histogram             { h.IQuery = q.Encode(); return h }

// extent is the view when nothing is zoomed.
func (h *histogram) extent() timeline.Span { return h.ITotal.Extent() }

func (h *histogram) currentView() timeline.Span {
	if h.view.IsZero() {
		return h.extent()
	}
	return h.view
}

func (h *histogram) resolution() timeline.Resolution {
	v := h.currentView()
	if h.resSet && timeline.Fits(h.res, v) {
		return h.res
	}
	return h.ITotal.Choose(v)
}

// bars are the buckets in view.
func (h *histogram) bars() (r timeline.Resolution, first, last int) {
	r = h.resolution()
	first, last = h.currentView().Buckets(r)
	return r, first, last
}

func (h *histogram) matching(r timeline.Resolution, b int) int {
	if h.IMatching == nil {
		return h.ITotal.Count(r, b)
	}
	return h.IMatching.Count(r, b)
}

// activeIn is the bar with keyboard focus among first..last: the first
// when the focused bar is out of view (after a zoom, or at the start).
func (h *histogram) activeIn(first, last int) int {
	if h.active < first || h.active > last {
		return first
	}
	return h.active
}

// isSelected reports whether bar b is picked: inside the selection being
// made, or wholly inside the range in the URL.
func (h *histogram) isSelected(r timeline.Resolution, b int) bool {
	if h.preview {
		lo, hi := min(h.anchor, h.active), max(h.anchor, h.active)
		return b >= lo && b <= hi
	}
	if h.ISelected.IsZero() {
		return false
	}
	from, to := r.Period(b)
	return h.ISelected.Contains(from) && h.ISelected.Contains(to)
}

// commit puts buckets lo..hi into the URL as the range.
func (h *histogram) commit(ctx app.Context, r timeline.Resolution, lo, hi int) {
	lo, hi = min(lo, hi), max(lo, hi)
	from, _ := r.Period(lo)
	_, to := r.Period(hi)
	h.preview, h.dragging = false, false
	h.navigate(ctx, timeline.Range{From: from, To: to})
}

func (h *histogram) navigate(ctx app.Context, rg timeline.Range) {
	v, _ := url.ParseQuery(h.IQuery)
	rg.Query(v)
	u := h.IPath
	if q := v.Encode(); q != "" {
		u += "?" + q
	}
	ctx.Navigate(href(u))
}

// clearURL is the page without a range: a plain link, so clearing works
// before the wasm has loaded too.
func (h *histogram) clearURL() string {
	v, _ := url.ParseQuery(h.IQuery)
	timeline.Range{}.Query(v)
	if q := v.Encode(); q != "" {
		return h.IPath + "?" + q
	}
	return h.IPath
}

// bucketAt reads the bar under a pointer event: every shape of a bar
// carries its bucket in data-b.
func bucketAt(e app.Event) (int, bool) {
	x, y := e.Get("clientX").Float(), e.Get("clientY").Float()
	node := document().Call("elementFromPoint", x, y)
	for ; node.Truthy(); node = node.Get("parentNode") {
		if !node.Get("getAttribute").Truthy() {
			return 0, false
		}
		if v := node.Call("getAttribute", "data-b"); !v.IsNull() && v.Truthy() {
			b, err := strconv.Atoi(v.String())
			return b, err == nil
		}
		if node.Get("tagName").String() == "svg" {
			return 0, false
		}
	}
	return 0, false
}

func (h *histogram) onPointerDown(ctx app.Context, e app.Event) {
	b, ok := bucketAt(e)
	if !ok {
		return
	}
	e.PreventDefault() // no text selection while dragging
	h.dragging, h.preview = true, true
	h.anchor, h.active = b, b
}

func (h *histogram) onPointerMove(ctx app.Context, e app.Event) {
	if !h.dragging {
		return
	}
	if b, ok := bucketAt(e); ok && b != h.active {
		h.active = b
	}
}

func (h *histogram) onPointerUp(ctx app.Context, e app.Event) {
	if !h.dragging {
		return
	}
	if b, ok := bucketAt(e); ok {
		h.active = b
	}
	r, _, _ := h.bars()
	h.commit(ctx, r, h.anchor, h.active)
}

func (h *histogram) onPointerLeave(ctx app.Context, e app.Event) {
	if h.dragging {
		r, _, _ := h.bars()
		h.commit(ctx, r, h.anchor, h.active)
	}
}

// onKeyDown: ←/→ move between bars, Home/End to the ends, Shift+←/→
// extend a selection, Enter selects (the bar, or the selection), Escape
// clears, + and − zoom.
func (h *histogram) onKeyDown(ctx app.Context, e app.Event) {
	r, first, last := h.bars()
	h.active = h.activeIn(first, last)
	shift := e.Get("shiftKey").Bool()
	move := func(to int) {
		to = max(first, min(last, to))
		if shift && !h.preview {
			h.anchor, h.preview = h.active, true
		}
		if !shift {
			h.preview = false
		}
		h.active = to
	}
	key := e.Get("key").String()
	switch key {
	case "ArrowLeft", "ArrowDown", "ArrowRight", "ArrowUp", "Home", "End", "Enter", " ", "Escape", "+", "=", "-", "_":
		// go-app runs the handler before the browser acts, so the page
		// does not scroll under the chart.
		e.PreventDefault()
	}
	switch key {
	case "ArrowLeft", "ArrowDown":
		move(h.active - 1)
	case "ArrowRight", "ArrowUp":
		move(h.active + 1)
	case "Home":
		move(first)
	case "End":
		move(last)
	case "Enter", " ":
		if h.preview {
			h.commit(ctx, r, h.anchor, h.active)
		} else {
			h.commit(ctx, r, h.active, h.active)
		}
	case "Escape":
		h.preview = false
		if !h.ISelected.IsZero() {
			h.navigate(ctx, timeline.Range{})
		}
	case "+", "=":
		h.zoom(0.5)
	case "-", "_":
		h.zoom(2)
	}
}

// zoom narrows (factor < 1) or widens the view around its middle; zooming
// in with a range picked goes to that range.
func (h *histogram) zoom(factor float64) {
	ext := h.extent()
	v := h.currentView()
	if factor < 1 && !h.ISelected.IsZero() {
		sel := timeline.Span{Start: h.ISelected.From.Start, End: h.ISelected.To.End()}
		if h.ISelected.From.IsZero() {
			sel.Start = v.Start
		}
		if h.ISelected.To.IsZero() {
			sel.End = v.End
		}
		if sel.Start.After(v.Start) || sel.End.Before(v.End) {
			h.view = sel.Zoom(1.2, ext)
			h.resSet = false
			return
		}
	}
	h.view = v.Zoom(factor, ext)
	h.resSet = false
}

func (h *histogram) onZoomIn(ctx app.Context, e app.Event)  { h.zoom(0.5) }
func (h *histogram) onZoomOut(ctx app.Context, e app.Event) { h.zoom(2) }
func (h *histogram) onWhole(ctx app.Context, e app.Event) {
	h.view, h.resSet = timeline.Span{}, false
}

func (h *histogram) onResolution(ctx app.Context, e app.Event) {
	v := ctx.JSSrc().Call("getAttribute", "data-res").String()
	for _, r := range timeline.Resolutions {
		if r.String() == v {
			h.res, h.resSet = r, true
		}
	}
}

func (h *histogram) Render() app.UI {
	if h.ITotal == nil || h.ITotal.Total == 0 {
		return parentEl("div.histogram", textEl("p.count", T("No dated articles to chart.")))
	}
	r, first, last := h.bars()
	n := last - first + 1
	active := h.activeIn(first, last)
	view := h.currentView()

	// Scale: the tallest bar in view fills the height.
	peak := 1
	for b := first; b <= last; b++ {
		peak = max(peak, h.ITotal.Count(r, b))
	}
	bw := chartW / float64(n)
	gap := 0.0
	if bw > 4 {
		gap = 1
	}
	shapes := make([]app.UI, 0, n+8)
	for b := first; b <= last; b++ {
		shapes = append(shapes, h.renderBar(r, b, first, active, bw, gap, peak))
	}
	bands := h.ITotal.Bands(r, view)
	for i, band := range bands {
		shapes = append(shapes, h.renderBand(r, band, first, last, bw, i))
	}
	shapes = append(shapes, h.renderAxis(r, first, last, bw)...)

	label := Tf("Articles published, by {0}, {1}. Arrow keys move between bars, Shift with an arrow extends a selection, Enter filters to it, Escape clears.",
		T(r.String()), timeline.LabelRange(lang, periodOf(r, first), periodOf(r, last)))
	return parentEl("div.histogram",
		h.renderControls(r),
		svg("svg.histogram-chart[role=listbox][aria-multiselectable=true][tabindex=0]").
			Attr("viewBox", "0 0 "+num(chartW)+" "+num(chartH)).
			Aria("label", label).
			Aria("activedescendant", "hbar-"+strconv.Itoa(active)).
			On("pointerdown", h.onPointerDown).
			On("pointermove", h.onPointerMove).
			On("pointerup", h.onPointerUp).
			On("pointerleave", h.onPointerLeave).
			On("keydown", h.onKeyDown).
			Body(shapes...),
		h.renderSummary(r, bands),
	)
}

// svg makes an SVG element from a selector, as el does: go-app needs the
// namespace on each one to create it in the browser.
func svg(sel string) app.HTMLElem { return el(sel).XMLNS(svgNS) }

// rect is an SVG rectangle: its selector, the bucket it belongs to
// (data-b, "" for none) and its box.
func rect(sel, b, x, y, width, height string) app.UI {
	return svg(sel).DataSet("b", b).Attr("x", x).Attr("y", y).Attr("width", width).Attr("height", height)
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

func periodOf(r timeline.Resolution, b int) data.Date {
	from, _ := r.Period(b)
	return from
}

func (h *histogram) renderBar(r timeline.Resolution, b, first, active int, bw, gap float64, peak int) app.UI {
	total := h.ITotal.Count(r, b)
	match := h.matching(r, b)
	x := float64(b-first) * bw
	height := func(n int) float64 {
		if n == 0 {
			return 0
		}
		return max(2, barsH*float64(n)/float64(peak))
	}
	class := []string{"bar"}
	selected := h.isSelected(r, b)
	if selected {
		class = append(class, "selected")
	}
	if b == active {
		class = append(class, "active")
	}
	id := strconv.Itoa(b)
	name := r.BucketLabel(lang, b)
	var aria string
	if h.IMatching != nil {
		aria = Tf("{0}: {1} matching of {2}", name, lang.Number(match), articlesN(total))
	} else {
		aria = name + ": " + articlesN(total)
	}
	return svg("g[role=option]").
		Class(class...).
		ID("hbar-"+id).
		Attr("aria-selected", strconv.FormatBool(selected)).
		Aria("label", aria).
		DataSet("b", id).
		Body(
			rect("rect.hit", id, num(x), "0", num(bw), num(bandY+bandH)),
			rect("rect.total", id, num(x+gap/2), num(barsTop+barsH-height(total)), num(max(bw-gap, 0.5)), num(height(total))),
			rect("rect.match", id, num(x+gap/2), num(barsTop+barsH-height(match)), num(max(bw-gap, 0.5)), num(height(match))),
			svg("title").Text(aria),
		)
}

// renderBand draws the articles known only to a coarser period across the
// bars that period covers, in a row of their own under the bars: they are
// somewhere in it, not on its first day.
func (h *histogram) renderBand(r timeline.Resolution, band timeline.Band, first, last int, bw float64, i int) app.UI {
	lo := max(first, r.Bucket(band.Period.Start))
	hi := min(last, r.Bucket(band.Period.End().Add(-1)))
	x := float64(lo-first) * bw
	w := float64(hi-lo+1) * bw
	title := Tf("{0} dated only to {1}", articlesN(band.Count), timeline.Label(lang, band.Period))
	y := bandY
	if i%2 == 1 {
		y += 2 // neighbouring bands of a month and of its year stay apart
	}
	return svg("g.band").
		Body(
			rect("rect[rx=3]", "", num(x+1), num(y), num(max(w-2, 1)), num(bandH-2)),
			when(w > 28, svg("text[text-anchor=middle]").Attr("x", num(x+w/2)).Attr("y", num(y+bandH-4)).Text(strconv.Itoa(band.Count))),
			svg("title").Text(title),
		)
}

// renderAxis labels about ten bars, evenly, each with its year where
// the year changes (and the first one whole).
func (h *histogram) renderAxis(r timeline.Resolution, first, last int, bw float64) []app.UI {
	n := last - first + 1
	step := max(1, (n+maxLabels-1)/maxLabels)
	var out []app.UI
	prevYear := 0
	for b := first; b <= last; b += step {
		label := r.ShortLabel(lang, b)
		s := r.Start(b)
		switch {
		case r == timeline.Year:
		case b == first && r != timeline.Month:
			label = timeline.Label(lang, periodOf(r, b))
		case s.Year() != prevYear:
			label += " " + strconv.Itoa(s.Year())
		}
		prevYear = s.Year()
		x, anchor := float64(b-first)*bw+bw/2, "middle"
		if b == first {
			x, anchor = 0, "start" // the first label is the longest: keep it inside
		}
		out = append(out, svg("text.axis[aria-hidden=true]").
			Attr("x", num(x)).
			Attr("y", num(axisY)).
			Attr("text-anchor", anchor).
			Text(label))
	}
	return out
}

func (h *histogram) renderControls(current timeline.Resolution) app.UI {
	view := h.currentView()
	onRes := h.onResolution
	buttons := make([]app.UI, 0, len(timeline.Resolutions))
	for i := len(timeline.Resolutions) - 1; i >= 0; i-- {
		r := timeline.Resolutions[i]
		name := r.String()
		buttons = append(buttons, el("button[type=button].res").
			DataSet("res", name).
			Aria("pressed", strconv.FormatBool(r == current)).
			Attr("disabled", present(!timeline.Fits(r, view))).
			OnClick(onRes).
			Text(T(strings.ToUpper(name[:1])+name[1:])))
	}
	zoomed := !h.view.IsZero() && h.view != h.extent()
	unzoomed := present(!zoomed) // the zoom-out and whole-range buttons are disabled
	return parentEl("div.histogram-controls",
		el("div.res-buttons[role=group]").Aria("label", T("Bar width")).Body(buttons...),
		el("div.zoom-buttons[role=group]").Aria("label", T("Zoom")).Body(
			el("button[type=button].zoom-in").Aria("label", T("Zoom in")).Title(T("Zoom in (+)")).OnClick(h.onZoomIn).Text("+"),
			el("button[type=button].zoom-out").Aria("label", T("Zoom out")).Title(T("Zoom out (−)")).OnClick(h.onZoomOut).Attr("disabled", unzoomed).Text("−"),
			el("button[type=button].zoom-all").OnClick(h.onWhole).Attr("disabled", unzoomed).Text(T("All dates")),
		),
	)
}

// renderSummary says what is picked, how to clear it, and what the bands
// are.
func (h *histogram) renderSummary(r timeline.Resolution, bands []timeline.Band) app.UI {
	coarse := 0
	for _, b := range bands {
		coarse += b.Count
	}
	picked := textEl("p.range.hint", T("Click a bar or drag across bars to show only those dates."))
	if !h.ISelected.IsZero() {
		picked = parentEl("p.range",
			text(Tf("Published {0}", h.ISelected.String())+" "),
			appLink("a.clear-range", h.clearURL(), T("Clear dates")),
		)
	}
	return parentEl("div.histogram-summary",
		picked,
		parentEl("p.legend",
			when(h.IMatching != nil, parentEl("span",
				el("span.key.key-match[aria-hidden=true]"),
				text(T(" matching articles ")),
				el("span.key.key-total[aria-hidden=true]"),
				text(T(" all articles ")),
			)),
			when(coarse > 0, parentEl("span",
				el("span.key.key-band[aria-hidden=true]"),
				text(" "+Tf("{0} known only to the {1}, drawn as bands across it, not on its first {2}.", articlesN(coarse), T(coarserThan(r)), T(r.String()))),
			)),
		),
	)
}

func coarserThan(r timeline.Resolution) string {
	if r == timeline.Month {
		return "year"
	}
	return "month or year"
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// articlesN is "3 articles" in English (as plural writes it) and the
// interface language's own count otherwise.
func articlesN(n int) string {
	if lang == i18n.English {
		return plural(n, "article")
	}
	return articleCount(n)
}

// The resolutions' names, for the catalogue: timeline.Resolution.String
// and coarserThan's words.
var _ = []string{N("day"), N("week"), N("month"), N("year"), N("month or year"), N("Day"), N("Week"), N("Month"), N("Year")}
