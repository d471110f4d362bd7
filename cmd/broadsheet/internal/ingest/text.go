package ingest

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Text cleaning is one set of steps for every format, applied by the
// adapter: markup becomes plain paragraphs, whitespace is normalized, and
// characters that only get in the way (controls, zero-width spaces, soft
// hyphens) are dropped.

// htmlRE spots text that is (or holds) HTML: a tag, a comment or an entity.
var htmlRE = regexp.MustCompile(`<(?:[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|/[a-zA-Z][a-zA-Z0-9]*\s*>|!--)|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});`)

func looksLikeHTML(s string) bool {
	return strings.ContainsAny(s, "<&") && htmlRE.MatchString(s)
}

// paragraphs turns a field into plain paragraphs separated by a blank line:
// HTML when it looks like HTML, else plain text whose paragraphs are
// separated by blank lines (the lines of one paragraph are joined).
func paragraphs(s string) string {
	if looksLikeHTML(s) {
		s = htmlText(s)
		// A feed that escaped its HTML twice still has markup after one
		// pass; a second pass removes it.
		if looksLikeHTML(s) {
			s = htmlText(strings.ReplaceAll(s, "\n\n", "<p>"))
		}
		return s
	}
	return plainParagraphs(s)
}

// plainParagraphs normalizes plain text: paragraphs are separated by blank
// lines, and the lines of one paragraph joined.
func plainParagraphs(s string) string {
	var paras []string
	for _, p := range splitBlankLines(s) {
		if p = normalizeSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}

// oneLine is paragraphs for a title or a name: everything on one line.
func oneLine(s string) string {
	if looksLikeHTML(s) {
		s = strings.ReplaceAll(paragraphs(s), "\n\n", " ")
	}
	return normalizeSpace(s)
}

// splitBlankLines splits s at lines that are empty or only whitespace.
func splitBlankLines(s string) []string {
	if !strings.Contains(s, "\n") {
		return []string{s}
	}
	var out []string
	var cur strings.Builder
	for line := range strings.Lines(s) {
		if strings.TrimSpace(line) == "" {
			out = append(out, cur.String())
			cur.Reset()
			continue
		}
		cur.WriteString(line)
	}
	return append(out, cur.String())
}

// normalizeSpace collapses every run of white space (Unicode's, the
// no-break and em-quad spaces included) into one space, trims the ends and
// drops invisible characters.
func normalizeSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
		case dropped(r):
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// dropped reports the characters that carry nothing readable: controls,
// zero-width spaces, byte order marks, soft hyphens. Zero-width joiners
// stay: emoji and Persian need them.
func dropped(r rune) bool {
	switch r {
	case '\u200b', '\u2060', '\ufeff', '\u00ad':
		return true
	}
	return unicode.IsControl(r) || (r >= 0xfff9 && r <= 0xfffb)
}

// Block-level elements end a paragraph; dropped elements are not text.
var (
	blockElems = map[atom.Atom]bool{
		atom.P: true, atom.Br: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
		atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
		atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Hr: true,
		atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
		atom.Figure: true, atom.Figcaption: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
		atom.Main: true, atom.Nav: true, atom.Address: true, atom.Details: true, atom.Summary: true,
		atom.Body: true, atom.Html: true,
	}
	droppedElems = map[atom.Atom]bool{
		atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
		atom.Head: true, atom.Title: true, atom.Iframe: true, atom.Object: true, atom.Svg: true,
		atom.Math: true, atom.Select: true, atom.Button: true,
	}
)

// htmlText renders HTML as plain paragraphs: entities decoded, block
// elements and <br> breaking paragraphs, scripts, styles and other
// non-text elements dropped with their content, every tag removed.
func htmlText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var (
		paras []string
		cur   strings.Builder
		skip  []atom.Atom // the dropped elements we are inside, innermost last
	)
	flush := func() {
		if p := normalizeSpace(cur.String()); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return strings.Join(paras, "\n\n")
		case html.TextToken:
			if len(skip) == 0 {
				cur.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if droppedElems[a] {
				switch {
				case tt == html.StartTagToken:
					skip = append(skip, a)
				case tt == html.EndTagToken:
					for i := len(skip) - 1; i >= 0; i-- {
						if skip[i] == a {
							skip = skip[:i]
							break
						}
					}
				}
			}
			if blockElems[a] {
				flush()
			} else if len(skip) == 0 && (a == atom.Td || a == atom.Th) {
				cur.WriteByte(' ')
			}
		}
	}
}
