package ingest

import "testing"

func TestHTMLText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
		{"Line one<br>Line two<br/>Line three", "Line one\n\nLine two\n\nLine three"},
		{"<div><p>Nested   <b>bold</b>\n text.</p></div>", "Nested bold text."},
		{"Fish &amp; chips &mdash; &#8216;quoted&#8217; &#x263A;", "Fish & chips — ‘quoted’ ☺"},
		{"Before<script>alert('x<p>y')</script>After", "BeforeAfter"},
		{"<style>p{color:red}</style><p>Styled</p>", "Styled"},
		{"<ul><li>a</li><li>b</li></ul>", "a\n\nb"},
		{"<table><tr><td>a</td><td>b</td></tr></table>", "a b"},
		{"<!-- a comment --><p>Text</p>", "Text"},
		{"<p>Unclosed <i>italic", "Unclosed italic"},
		{"<img src=x alt=picture>Caption", "Caption"},
		{"<h2>Heading</h2>Body", "Heading\n\nBody"},
		{"<noscript>Enable JS</noscript><p>Content</p>", "Content"},
		{"", ""},
	} {
		if got := htmlText(tc.in); got != tc.want {
			t.Errorf("htmlText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain text", "plain text"},
		{"  spaced\t\tout  ", "spaced out"},
		{"one\nparagraph\n\ntwo", "one paragraph\n\ntwo"},
		{"one\r\n\r\ntwo", "one\n\ntwo"},
		{"a\n \n\n\nb", "a\n\nb"},
		{"&lt;p&gt;escaped twice&lt;/p&gt;", "escaped twice"},
		{"no\u00a0break\u2001em\u200bzero\u00adsoft", "no break emzerosoft"},
		{"bell\x07 and \x1b escape", "bell and escape"},
		{"a < b and c > d", "a < b and c > d"},
		{"AT&T", "AT&T"},
		{"family 👨\u200d👩\u200d👧", "family 👨\u200d👩\u200d👧"},
	} {
		if got := paragraphs(tc.in); got != tc.want {
			t.Errorf("paragraphs(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestOneLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Atom <em>entry</em> one", "Atom entry one"},
		{"Likes &amp; shares", "Likes & shares"},
		{"two\n\nlines", "two lines"},
		{"<p>a</p><p>b</p>", "a b"},
	} {
		if got := oneLine(tc.in); got != tc.want {
			t.Errorf("oneLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
