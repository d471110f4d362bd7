package ui

import (
	"net/url"
	"strings"
	"unicode"
)

// go-app writes prerendered attribute values with strconv.Quote instead of
// HTML-escaping them: a `"` in a value ends the attribute and whatever
// follows becomes markup. Article text therefore never goes into an
// attribute as it is. Page titles and descriptions do (og:title, meta
// description), so they pass through metaText first, and links to the
// original article through safeURL.

// metaText makes s safe as a prerendered attribute value: double quotes
// become typographic ones, backslashes and unprintable runes go.
func metaText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '"':
			return '”'
		case r == '\\':
			return '/'
		case !unicode.IsPrint(r):
			return ' '
		}
		return r
	}, s)
}

// safeURL returns u if it is an http(s) URL, with the characters that
// could end an attribute percent-encoded, and "" otherwise (javascript:,
// data: and the like are never linked).
func safeURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return strings.NewReplacer(`"`, "%22", `\`, "%5C", "<", "%3C", ">", "%3E", " ", "%20", "'", "%27").Replace(p.String())
}

// present is the value of a boolean attribute such as selected, disabled
// or open: "true" when on, and "" (no attribute) when off. go-app writes a
// false bool as selected="false" in prerendered pages, which HTML reads as
// selected.
func present(on bool) string {
	if on {
		return "true"
	}
	return ""
}
